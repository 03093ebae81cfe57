package io.cqrsflow.ui.shell;

import io.cqrsflow.ui.Snapshots;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.stage.FileChooser;

import java.io.File;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;

/** "Export PNG…": asks where, then writes the window as it is now. */
public final class PngExport {
    private PngExport() {
    }

    /**
     * Asks for a PNG file and writes the scene to it. The picture is taken at once on the FX thread;
     * encoding and writing happen off it, so the window does not stall on a large PNG.
     */
    public static void askAndWrite(Scene scene) {
        if (scene == null) {
            return;
        }
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export the window as PNG");
        chooser.setInitialFileName("cqrs-flow.png");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PNG image", "*.png"));
        File file = chooser.showSaveDialog(scene.getWindow());
        if (file != null) {
            WritableImage image = scene.snapshot(null);
            CompletableFuture.runAsync(() -> {
                try {
                    Snapshots.writePng(image, file.toPath());
                } catch (IOException e) {
                    System.getLogger(PngExport.class.getName()).log(System.Logger.Level.WARNING,
                            "could not write " + file, e);
                }
            });
        }
    }
}
