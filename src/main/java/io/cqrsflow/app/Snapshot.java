package io.cqrsflow.app;

import io.cqrsflow.flow.Engine;
import io.cqrsflow.scenario.NoteStep;
import io.cqrsflow.scenario.Scenario;
import io.cqrsflow.scenario.ScenarioStep;
import io.cqrsflow.ui.MainView;
import io.cqrsflow.ui.Snapshots;
import javafx.application.Platform;
import javafx.scene.Scene;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code --snapshot FILE.png}: builds the window's view on a headless JavaFX (Monocle, software
 * rendering, no display), plays the scenario into it, and writes the whole window as a PNG the moment
 * the last step has played — lag and stale rows included, as a class would see them.
 */
final class Snapshot {
    static final double WIDTH = 1280;
    static final double HEIGHT = 800;
    private static final long TOOLKIT_TIMEOUT_S = 20;

    private Snapshot() {
    }

    static int run(Path data, Scenario scenario, double speed, Path png, PrintStream out) throws Exception {
        Path target = png.toAbsolutePath();
        if (target.getParent() != null && !Files.isDirectory(target.getParent())) {
            throw new UserError("--snapshot: the folder " + target.getParent() + " does not exist");
        }
        startHeadlessToolkit();
        AtomicReference<MainView> view = new AtomicReference<>();
        AtomicReference<Scene> scene = new AtomicReference<>();
        new HeadlessRunner(out).run(data, scenario, speed, false, false, new HeadlessRunner.Hooks() {
            @Override
            public void opened(Engine engine) throws Exception {
                onFx(() -> {
                    MainView v = new MainView(engine.client());
                    v.crudShownProperty().set(scenario != null && scenario.wantsCrud());
                    view.set(v);
                    scene.set(new Scene(v, WIDTH, HEIGHT));
                    return null;
                });
            }

            @Override
            public void played(Engine engine) throws Exception {
                if (scenario != null) {
                    String note = lastNote(scenario);
                    onFx(() -> {
                        view.get().lessonBar().show("Scenario “" + scenario.name() + "” · played all "
                                + scenario.steps().size() + " steps", note);
                        return null;
                    });
                }
                CompletableFuture<Void> settled = onFx(() -> view.get().settle());
                settled.get(30, TimeUnit.SECONDS);
                Snapshots.Dimension size = Snapshots.writePng(scene.get(), target);
                out.println("snapshot  wrote " + target + " (" + size.width() + " x " + size.height() + ")");
            }

            @Override
            public void closing(Engine engine) {
                MainView v = view.get();
                if (v != null) {
                    try {
                        onFx(() -> {
                            v.dispose();
                            return null;
                        });
                    } catch (Exception ignored) {
                        // the engine closes next either way
                    }
                }
            }
        });
        Platform.exit();
        return Main.OK;
    }

    /** The scenario's last note, saying when it was shown: later steps may have changed the picture since. */
    static String lastNote(Scenario scenario) {
        String note = null;
        for (ScenarioStep step : scenario.steps()) {
            if (step instanceof NoteStep n) {
                note = "Last note (step " + n.number() + ", at " + n.atMs() + " ms): " + n.text();
            }
        }
        return note;
    }

    /**
     * Starts JavaFX on Monocle's headless screen. If the toolkit cannot start (no Monocle on the class
     * path), Platform.startup never returns: wait a bounded time and say so instead of hanging.
     */
    private static void startHeadlessToolkit() throws InterruptedException {
        System.setProperty("glass.platform", "Monocle");
        System.setProperty("monocle.platform", "Headless");
        System.setProperty("prism.order", "sw");
        System.setProperty("prism.text", "t2k");
        System.setProperty("java.awt.headless", "true");
        CountDownLatch started = new CountDownLatch(1);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread starter = new Thread(() -> {
            try {
                Platform.startup(started::countDown);
            } catch (IllegalStateException alreadyRunning) {
                started.countDown();
            } catch (Throwable t) {
                failure.set(t);
                started.countDown();
            }
        }, "fx starter");
        starter.setDaemon(true);
        starter.start();
        if (!started.await(TOOLKIT_TIMEOUT_S, TimeUnit.SECONDS)) {
            throw new IllegalStateException("JavaFX did not start headless within " + TOOLKIT_TIMEOUT_S
                    + " s (is openjfx-monocle on the class path?); no snapshot was written");
        }
        if (failure.get() != null) {
            throw new IllegalStateException("JavaFX cannot start headless: " + failure.get().getMessage(), failure.get());
        }
        Platform.setImplicitExit(false);
    }

    private interface FxWork<T> {
        T call() throws Exception;
    }

    /** Runs on the FX thread and waits for it (the runner's thread is not the FX thread). */
    private static <T> T onFx(FxWork<T> work) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.call());
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        });
        return result.get(30, TimeUnit.SECONDS);
    }
}
