package io.cqrsflow.ui;

import io.cqrsflow.scenario.Scenario;
import io.cqrsflow.ui.lesson.LessonPanel;
import javafx.animation.AnimationTimer;
import javafx.scene.Scene;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;

import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * The window's lesson state across data folders: whether a lesson folder is open, the learner's folder
 * to go back to, the lesson chosen in the picker (kept across Start fresh), and "stop at every note".
 * FX thread only.
 */
final class LessonMode {
    private boolean playing;
    private boolean startPaused;
    private boolean stopAtNotes;
    private Path learnerDir;
    private String chosen;
    private Scenario extra;

    boolean playing() {
        return playing;
    }

    Path learnerDir() {
        return learnerDir;
    }

    /** The lesson chosen in the picker before the last switch; null: none. */
    String chosen() {
        return chosen;
    }

    void choose(String name) {
        if (name != null) {
            chosen = name;
        }
    }

    boolean startPaused() {
        return startPaused;
    }

    /** A scenario given on the command line, kept so that the picker lists it in every folder. */
    Scenario extra(Scenario given) {
        if (given != null) {
            extra = given;
        }
        return extra;
    }

    /**
     * A lesson folder is about to open, leaving {@code current}.
     *
     * @return {@code current} when it was a lesson folder (to delete once closed), else null
     */
    Path begin(Path current, String chosenNow, boolean paused) {
        choose(chosenNow);
        startPaused = paused;
        if (playing) {
            return current;
        }
        learnerDir = current;
        playing = true;
        return null;
    }

    /** The lesson is over: returns the learner's folder to reopen. */
    Path end() {
        playing = false;
        return learnerDir;
    }

    /** Wires a new view's lesson panel to the controls of its folder. */
    void wire(MainView view, ScenarioPlayerControls controls, Runnable leave) {
        LessonPanel panel = view.lessonPanel();
        panel.setOnContinue(controls::continueLesson);
        panel.setOnJump(controls::jumpTo);
        panel.setOnLeave(leave);
        panel.setLeaveShown(playing);
        panel.stopAtEveryNote().setSelected(stopAtNotes || view.presenterModeProperty().get());
        controls.setStopAtEveryNote(panel.stopAtEveryNote().isSelected());
        panel.stopAtEveryNote().selectedProperty().addListener((o, was, now) -> {
            stopAtNotes = now;
            controls.setStopAtEveryNote(now);
        });
        // Presenter mode is for a teacher in front of a class: every note waits for them.
        view.presenterModeProperty().addListener((o, was, now) -> {
            if (now) {
                panel.stopAtEveryNote().setSelected(true);
            }
        });
        panel.show(controls.feed().state());
    }

    /** Runs {@code action} once {@code stage} is showing and has painted a couple of frames. */
    static void afterFirstPaint(Stage stage, Runnable action) {
        new AnimationTimer() {
            private int frames;

            @Override
            public void handle(long now) {
                if (stage.isShowing() && ++frames >= 3) {
                    stop();
                    action.run();
                }
            }
        }.start();
    }

    /** Space goes on after a note or question the lesson waits at (not while typing in a field). */
    static void spaceContinues(Scene scene, Supplier<MainView> view) {
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            MainView v = view.get();
            if (e.getCode() != KeyCode.SPACE || v == null || scene.getFocusOwner() instanceof TextInputControl) {
                return;
            }
            if (!v.lessonPanel().continueButton().isDisabled()) {
                v.lessonPanel().continueButton().fire();
                e.consume();
            }
        });
    }
}
