package io.cqrsflow.ui.recorder;

import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.FileChooser;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** The recorder's questions to the teacher: start fresh first, where to save, replace a file, discard. FX thread. */
final class RecorderDialogs {
    /** Where to save, and whether the teacher agreed to replace the file that is there. */
    record Choice(Path file, boolean replace) {
    }

    private RecorderDialogs() {
    }

    /** On a store with {@code events} events: start fresh (old files moved aside) and record? */
    static boolean startFresh(Node owner, long events, Path dataDir) {
        ButtonType fresh = new ButtonType("Start fresh and record", ButtonBar.ButtonData.OK_DONE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, "This store already holds "
                + io.cqrsflow.scenario.Recording.count(events, "event") + ". A recorded lesson plays from an empty"
                + " store, so it is recorded in one: Start fresh moves events.db and read.db to "
                + dataDir.resolve("old-<date-time>")
                + " (nothing is deleted) and recording begins.", fresh, ButtonType.CANCEL);
        alert.setHeaderText("Record a lesson");
        own(alert, owner);
        return alert.showAndWait().filter(b -> b == fresh).isPresent();
    }

    /** The save dialog; an existing file is replaced only once the teacher says so. Empty: cancelled. */
    static Optional<Choice> chooseFile(Node owner, String fileName, Path folder) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Save the lesson");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Lesson (scenario JSON)", "*.json"));
        chooser.setInitialFileName(fileName);
        if (Files.isDirectory(folder)) {
            chooser.setInitialDirectory(folder.toFile());
        }
        File chosen = chooser.showSaveDialog(owner.getScene() == null ? null : owner.getScene().getWindow());
        if (chosen == null) {
            return Optional.empty();
        }
        Path file = chosen.toPath();
        if (!Files.exists(file)) {
            return Optional.of(new Choice(file, false));
        }
        return confirm(owner, "Replace the file?", file + " already exists. Replace it with this recording?")
                ? Optional.of(new Choice(file, true)) : Optional.empty();
    }

    static boolean confirm(Node owner, String header, String question) {
        Alert ask = new Alert(Alert.AlertType.CONFIRMATION, question, ButtonType.YES, ButtonType.NO);
        ask.setHeaderText(header);
        own(ask, owner);
        return ask.showAndWait().filter(b -> b == ButtonType.YES).isPresent();
    }

    private static void own(Alert alert, Node owner) {
        if (owner.getScene() != null && owner.getScene().getWindow() != null) {
            alert.initOwner(owner.getScene().getWindow());
        }
    }
}
