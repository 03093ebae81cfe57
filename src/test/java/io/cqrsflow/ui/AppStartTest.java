package io.cqrsflow.ui;

import io.cqrsflow.scenario.ScenarioLibrary;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.cqrsflow.ui.UiFixture.fx;
import static io.cqrsflow.ui.UiFixture.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole app, started as {@code --scenario first-order} starts it: the window opens the lesson in its own
 * folder and plays it, with no exception on the FX thread (one once slipped through: a watch that ran after
 * the lesson had replaced the first view). Preferences go to target/prefs (the surefire configuration).
 */
class AppStartTest {
    @TempDir
    Path dir;

    @Test
    void a_lesson_given_at_start_opens_and_plays() throws Exception {
        Stage stage = FxToolkit.registerPrimaryStage();
        List<Throwable> thrown = new CopyOnWriteArrayList<>();
        fx(() -> {
            Thread.currentThread().setUncaughtExceptionHandler((t, e) -> thrown.add(e));
            return null;
        });
        CqrsFlowApp.configure(dir, null, new ScenarioLibrary().load("first-order"), 4);
        Application app = FxToolkit.setupApplication(CqrsFlowApp.class);
        try {
            // the lesson's first note is up, in the lesson's bar, and its first command reaches the event store
            waitUntil(60, () -> caption(stage) != null && caption(stage).getText().startsWith("Welcome!"));
            // and it goes on (Continue, where a note waits for the teacher) to its next note
            waitUntil(60, () -> {
                Node go = stage.getScene().getRoot().lookup("#lesson-continue");
                if (go instanceof javafx.scene.control.Button b && !b.isDisabled()) {
                    b.fire();
                }
                return !caption(stage).getText().startsWith("Welcome!");
            });
            assertThat(fx(() -> stage.getScene().getRoot()).getClass()).isEqualTo(MainView.class);
            assertThat(fx(() -> ((MainView) stage.getScene().getRoot()).lessonPanel().isVisible())).isTrue();
            assertThat(thrown).isEmpty();
        } finally {
            FxToolkit.cleanupApplication(app);
            fx(() -> {
                Thread.currentThread().setUncaughtExceptionHandler(null);
                return null;
            });
            CqrsFlowApp.configure(null, null, null, 1);
        }
    }

    private static Label caption(Stage stage) {
        Node n = stage.getScene() == null ? null : stage.getScene().getRoot().lookup("#lesson-caption");
        return n instanceof Label l ? l : null;
    }
}
