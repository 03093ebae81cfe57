package io.cqrsflow.ui;

import io.cqrsflow.read.ReadModelsSnapshot;
import javafx.animation.AnimationTimer;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.stage.Stage;

import java.time.Duration;
import java.time.Instant;

/**
 * With {@code -Dcqrsflow.openTiming=true}, prints to stderr how long after the JVM started the window got
 * to each step of opening: the engine open, the title naming the data folder, the first painted frame of the
 * view, the first reading of the read models shown, and the first reading compared with the write model.
 * How the open times in docs/architecture.md were measured; silent otherwise.
 */
final class OpenTiming {
    private static final boolean ON = Boolean.getBoolean("cqrsflow.openTiming");
    private static boolean watched;

    private OpenTiming() {
    }

    static void mark(String step) {
        if (ON) {
            Instant started = ProcessHandle.current().info().startInstant().orElse(Instant.now());
            System.err.println("open timing: " + step + " at " + Duration.between(started, Instant.now()).toMillis()
                    + " ms");
        }
    }

    /** Marks the title now, then the first frame and the first readings of the window's first view. FX thread. */
    static void watch(Stage stage, FlowModel model) {
        if (!ON || watched) {
            return;
        }
        watched = true;
        mark("title");
        new AnimationTimer() {
            @Override
            public void handle(long now) {
                if (stage.isShowing()) {
                    stop();
                    mark("first frame");
                }
            }
        }.start();
        model.readModelsProperty().addListener(new ChangeListener<>() {
            private boolean first = true;

            @Override
            public void changed(ObservableValue<? extends ReadModelsSnapshot> o, ReadModelsSnapshot was,
                                ReadModelsSnapshot now) {
                if (first) {
                    first = false;
                    mark("first reading shown (" + (now.readings().isEmpty() ? "checking…" : "compared") + ")");
                }
                if (!now.readings().isEmpty()) {
                    o.removeListener(this);
                    mark("first compared reading shown");
                }
            }
        });
    }
}
