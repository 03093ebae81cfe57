package io.cqrsflow.ui.recorder;

import io.cqrsflow.read.ProjectorStatus;
import io.cqrsflow.scenario.Recording;
import io.cqrsflow.ui.FxThread;
import io.cqrsflow.ui.command.ResultLog;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;
import org.kordamp.ikonli.materialdesign2.MaterialDesignT;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.function.Supplier;

/**
 * The recorder, under the toolbar while it records or holds an unsaved recording: a red "● REC m:ss", the
 * lesson's title, the caption box (Enter records the note), Stop, and once stopped Save… and Discard. A
 * recording starts from an empty store: on a store that holds events it offers Start fresh (the old files
 * are moved aside, as ☰ → Start fresh does) and records in the fresh store. FX thread only.
 */
public final class RecorderBar extends VBox {
    private final Recorder recorder;
    private final Supplier<Collection<ProjectorStatus>> projectors;
    private final ResultLog log;
    private final Label indicator = new Label();
    private final TextField title = new TextField("Recorded lesson");
    private final TextField caption = new TextField();
    private final Button addNote = new Button("Add note", new FontIcon(MaterialDesignC.COMMENT_TEXT_OUTLINE));
    private final Button stop = new Button("Stop", new FontIcon(MaterialDesignS.STOP));
    private final Button save = new Button("Save…", new FontIcon(MaterialDesignC.CONTENT_SAVE));
    private final Button discard = new Button("Discard", new FontIcon(MaterialDesignT.TRASH_CAN_OUTLINE));
    private final Label message = new Label();
    private final Label titleLabel = new Label("Title");
    private final Timeline clock = new Timeline(new KeyFrame(Duration.millis(500), e -> showState()));
    private Runnable startFresh;
    private Path lastFolder;

    /**
     * @param recorder   the window's door to the engine, with the recorder on it
     * @param projectors the projectors as the window shows them now (their delays start the lesson)
     * @param log        where saved lessons, notes and problems are also written
     */
    public RecorderBar(Recorder recorder, Supplier<Collection<ProjectorStatus>> projectors, ResultLog log) {
        super(2);
        this.recorder = recorder;
        this.projectors = projectors;
        this.log = log;
        setId("recorder-bar");
        getStyleClass().add("recorder-bar");
        getStylesheets().add(RecorderBar.class.getResource("/io/cqrsflow/ui/recorder/recorder.css").toExternalForm());
        indicator.setId("recorder-indicator");
        indicator.getStyleClass().add("recorder-indicator");
        indicator.setMinWidth(Region.USE_PREF_SIZE);
        title.setId("recorder-title");
        title.setPrefColumnCount(9);
        title.setTooltip(new Tooltip("The lesson's name, as the picker will list it; also the file's default name"));
        caption.setId("recorder-caption");
        caption.setPromptText("A note for the class, then Enter");
        caption.setTooltip(new Tooltip("A note the lesson will show as its caption at this moment"));
        HBox.setHgrow(caption, Priority.ALWAYS);
        caption.setOnAction(e -> addNote());
        addNote.setOnAction(e -> addNote());
        addNote.setId("recorder-add-note");
        stop.setId("recorder-stop");
        stop.setTooltip(new Tooltip("Stop recording (Ctrl+R); then save the lesson"));
        stop.setOnAction(e -> stop());
        save.setId("recorder-save");
        save.setTooltip(new Tooltip("Save the recording as a lesson file (a scenario, JSON)"));
        save.setOnAction(e -> askAndSave());
        discard.setId("recorder-discard");
        discard.setOnAction(e -> discard());
        HBox row = new HBox(8, indicator, titleLabel, title, caption, addNote, stop, save, discard);
        for (Node n : row.getChildren()) {
            if (n != caption && n != title) {
                ((Region) n).setMinWidth(Region.USE_PREF_SIZE);
            }
        }
        title.setMinWidth(80);
        caption.setMinWidth(120);
        row.setAlignment(Pos.CENTER_LEFT);
        message.setId("recorder-message");
        message.getStyleClass().add("recorder-message");
        message.setWrapText(true);
        getChildren().addAll(row, message);
        clock.setCycleCount(Timeline.INDEFINITE);
        showState();
    }

    // ---- what the window wires in

    /** Moves the old files aside and opens the fresh store, after which the window calls {@link #start()}. */
    public void setOnStartFresh(Runnable action) {
        this.startFresh = action;
    }

    // ---- commands

    /** Ctrl+R and ☰ → Record: starts a recording, or stops the one running. */
    public void toggle() {
        FxThread.check("RecorderBar.toggle");
        if (recorder.isRecording()) {
            stop();
        } else if (recorder.recording() != null && !confirm("Discard the recording",
                "The last recording has not been saved. Throw it away and record a new one?")) {
            return;
        } else if (recorder.head() == 0 || startFresh == null) {
            start();
        } else if (confirmStartFresh()) {
            startFresh.run();
        }
    }

    /** Starts recording here and now, from the projectors as they are. */
    public void start() {
        FxThread.check("RecorderBar.start");
        recorder.start(new ArrayList<>(projectors.get()));
        message.setText("");
        clock.play();
        showState();
        // later: a fresh store's view may not be in the scene yet
        javafx.application.Platform.runLater(caption::requestFocus);
    }

    public void stop() {
        recorder.stop();
        clock.stop();
        showState();
    }

    /** Records the caption box's text as a note, and empties the box. */
    public void addNote() {
        String text = caption.getText();
        if (!recorder.isRecording() || text == null || text.isBlank()) {
            return;
        }
        long at = recorder.elapsedMs();
        recorder.note(text);
        log.add(new ResultLog.Entry(ResultLog.Outcome.NOTICE, "Note recorded at " + clockText(at), text.strip()));
        caption.clear();
        showState();
    }

    /**
     * Writes the recording to {@code file} ({@code replace}: over an existing file, once the teacher said
     * so). On failure the recording stays and the bar says why. Returns whether it was saved.
     */
    public boolean saveTo(Path file, boolean replace) {
        Recording recording = recorder.recording();
        if (recording == null) {
            return false;
        }
        String name = title.getText() == null || title.getText().isBlank() ? "Recorded lesson" : title.getText().strip();
        String description = "Recorded in CQRS Flow on " + LocalDate.now() + ": "
                + Recording.count(recording.commands(), "command") + ", " + Recording.count(recording.notes(), "note") + ".";
        try {
            recording.save(file, name, description, replace);
        } catch (Exception e) {
            String why = "Not saved: " + Recording.whyNotSaved(file, e)
                    + ". The recording is kept — Save… again and choose another place.";
            message.setText(why);
            message.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("failed"), true);
            log.add(new ResultLog.Entry(ResultLog.Outcome.REJECTED, "Lesson not saved", why));
            return false;
        }
        lastFolder = file.toAbsolutePath().getParent();
        recorder.drop();
        String saved = "Saved “" + name + "” to " + file.toAbsolutePath()
                + ". Play it: java -jar cqrs-flow.jar --scenario " + file.toAbsolutePath();
        message.setText(saved);
        message.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("failed"), false);
        log.add(new ResultLog.Entry(ResultLog.Outcome.NOTICE, "Lesson saved", saved));
        showState();
        // The "saved" line (also in Results) stays a while, then gives its room back.
        javafx.animation.PauseTransition later = new javafx.animation.PauseTransition(Duration.seconds(15));
        later.setOnFinished(e -> {
            if (message.getText().equals(saved)) {
                message.setText("");
                showState();
            }
        });
        later.play();
        return true;
    }

    /** Stops a running recording and hands it over, for the bar of the next folder the window opens. */
    public Recording detach() {
        clock.stop();
        Recording r = recorder.recording();
        recorder.stop();
        return r;
    }

    /** Takes over a recording made in the folder the window has left, stopped, ready to save. */
    public void adopt(Recording carried, String title) {
        if (carried == null) {
            return;
        }
        recorder.adopt(carried);
        if (title != null) {
            this.title.setText(title);
        }
        message.setText("Recording stopped: the window opened another folder. Save it, or Discard.");
        showState();
    }

    public String title() {
        return title.getText();
    }

    public Label message() {
        return message;
    }

    public void dispose() {
        clock.stop();
    }

    // ---- building

    private boolean confirmStartFresh() {
        return RecorderDialogs.startFresh(this, recorder.head(), recorder.dataDir());
    }

    private void askAndSave() {
        Path folder = lastFolder != null ? lastFolder : Path.of(System.getProperty("user.home"));
        RecorderDialogs.chooseFile(this, Recording.fileName(title.getText()), folder)
                .ifPresent(choice -> saveTo(choice.file(), choice.replace()));
    }

    private boolean confirm(String header, String question) {
        return RecorderDialogs.confirm(this, header, question);
    }

    private void discard() {
        if (confirm("Discard the recording", "Throw this recording away? It has not been saved.")) {
            recorder.drop();
            message.setText("");
            showState();
        }
    }

    private void showState() {
        boolean recording = recorder.isRecording();
        Recording r = recorder.recording();
        boolean unsaved = !recording && r != null;
        indicator.setGraphic(new FontIcon(recording ? MaterialDesignR.RECORD_CIRCLE : MaterialDesignS.STOP_CIRCLE_OUTLINE));
        indicator.setText(recording ? "REC " + clockText(recorder.elapsedMs()) + " · " + r.size() + " steps"
                : r != null ? "Stopped · " + r.size() + " steps" : "");
        indicator.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("recording"), recording);
        for (Node n : new Node[] {caption, addNote, stop}) {
            shown(n, recording);
        }
        for (Node n : new Node[] {save, discard}) {
            shown(n, unsaved);
        }
        shown(indicator, r != null);
        shown(titleLabel, r != null);
        shown(title, r != null);
        shown(message, !message.getText().isEmpty());
        shown(this, recording || unsaved || !message.getText().isEmpty());
    }

    /** "1:05" for 65 000 ms. */
    static String clockText(long ms) {
        long s = ms / 1000;
        return s / 60 + ":" + String.format("%02d", s % 60);
    }

    private static void shown(Node node, boolean shown) {
        node.setVisible(shown);
        node.setManaged(shown);
    }
}
