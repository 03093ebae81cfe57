package io.cqrsflow.ui;

import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

/**
 * Renders a scene or node to a PNG file without javafx-swing: JavaFX snapshot → PixelReader →
 * {@link BufferedImage} → ImageIO. Works on Monocle headless. Callable from any thread: off the FX
 * thread it hands the rendering to the FX thread and waits for the file.
 */
public final class Snapshots {
    private Snapshots() {
    }

    /** Writes the whole scene (what the window shows) to {@code file}; returns the image size. */
    public static Dimension writePng(Scene scene, Path file) throws IOException {
        return write(() -> scene.snapshot(null), file);
    }

    /** Writes one node, at its laid-out size, to {@code file}; returns the image size. */
    public static Dimension writePng(Node node, Path file) throws IOException {
        return write(() -> {
            if (node.getScene() != null && node == node.getScene().getRoot()) {
                return node.getScene().snapshot(null);
            }
            SnapshotParameters params = new SnapshotParameters();
            return node.snapshot(params, null);
        }, file);
    }

    /** Writes an image already rendered (on the FX thread) to {@code file}; callable from any thread. */
    public static Dimension writePng(Image image, Path file) throws IOException {
        return save(image, file);
    }

    /** Converts a JavaFX image to an AWT one, pixel for pixel. */
    public static BufferedImage toBufferedImage(Image image) {
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        int[] argb = new int[w * h];
        image.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        out.setRGB(0, 0, w, h, argb, 0, w);
        return out;
    }

    private static Dimension write(Supplier<WritableImage> render, Path file) throws IOException {
        return save(onFxThread(render), file);
    }

    private static Dimension save(Image image, Path file) throws IOException {
        BufferedImage buffered = toBufferedImage(image);
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        if (!ImageIO.write(buffered, "png", file.toFile())) {
            throw new IOException("no PNG writer available to write " + file);
        }
        return new Dimension(buffered.getWidth(), buffered.getHeight());
    }

    private static <T> T onFxThread(Supplier<T> work) throws IOException {
        if (Platform.isFxApplicationThread()) {
            return work.get();
        }
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.get());
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        try {
            return result.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while rendering", e);
        } catch (ExecutionException e) {
            throw new IOException("rendering failed: " + e.getCause().getMessage(), e.getCause());
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** The size of a written image, in pixels. */
    public record Dimension(int width, int height) {
    }
}
