package io.cqrsflow.ui;

import io.cqrsflow.domain.RegisterCustomer;
import io.cqrsflow.scenario.Check;
import io.cqrsflow.scenario.CommandStep;
import io.cqrsflow.scenario.NoteStep;
import io.cqrsflow.scenario.QuestionStep;
import io.cqrsflow.scenario.Scenario;
import io.cqrsflow.scenario.ScenarioLibrary;
import io.cqrsflow.ui.lesson.LessonFeed;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import static io.cqrsflow.ui.UiFixture.fx;
import static io.cqrsflow.ui.UiFixture.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/** A lesson in the window: the caption stays until the next note, the teacher goes on, a question reveals. */
@ExtendWith(ApplicationExtension.class)
class LessonPanelTest {
    @TempDir
    Path dir;

    private UiFixture ui;
    private ScenarioPlayerControls controls;

    @Start
    void start(Stage stage) {
        ui = UiFixture.start(stage, dir, Map.of());
    }

    @AfterEach
    void close() {
        if (controls != null) {
            controls.close();
        }
        ui.close();
    }

    private static final Scenario LESSON = new Scenario("Predict", "", Map.of(), List.of(
            new NoteStep(1, 0, "Ada registers. Watch the event store.", true),
            new CommandStep(2, 0, new RegisterCustomer("c-1", "Ada Lovelace"), OptionalLong.empty()),
            new QuestionStep(3, 0, "Was Ada's registration accepted?", List.of(
                    new QuestionStep.Choice("yes", new Check.LastCommand("accepted"), true),
                    new QuestionStep.Choice("no", new Check.LastCommand("rejected"), false)),
                    "Nobody had taken c-1.")), "test");

    @Test
    void theCaptionStaysUntilTheTeacherGoesOnAndAQuestionRevealsItsAnswer(FxRobot robot) throws Exception {
        // given a lesson whose first note waits for the teacher
        controls = new ScenarioPlayerControls(ui.engine.client(), new ScenarioLibrary(), LESSON,
                p -> ui.view.lessonBar().show(p));
        controls.setLessonHost(null, true, new LessonFeed(s -> ui.view.lessonPanel().show(s)));

        // when it plays
        fx(() -> {
            new LessonMode().wire(ui.view, controls, () -> { });
            controls.play(LESSON.name());
            return null;
        });

        // then the note is the caption, and the lesson waits for Continue
        Label caption = robot.lookup("#lesson-caption").query();
        Button continueButton = robot.lookup("#lesson-continue").query();
        waitUntil(10, () -> !continueButton.isDisabled());
        assertThat(fx(caption::getText)).isEqualTo("Ada registers. Watch the event store.");
        assertThat(ui.engine.head()).isZero();

        // when the teacher clicks Continue
        fx(() -> {
            continueButton.fire();
            return null;
        });

        // then the command plays without replacing the caption, and the question waits for a choice
        try {
            waitUntil(10, () -> robot.lookup("#lesson-choice-0").tryQuery().isPresent() && !continueButton.isDisabled());
        } catch (Exception e) {
            throw new AssertionError("state: " + controls.feed().state(), e);
        }
        assertThat(fx(caption::getText)).isEqualTo("Ada registers. Watch the event store.");
        Label stepLine = robot.lookup("#lesson-step-line").query();
        assertThat(fx(stepLine::getText)).startsWith("Step 3");
        snapshot("lesson-question.png");

        // when the learner picks "no"
        fx(() -> {
            ((Button) robot.lookup("#lesson-choice-1").query()).fire();
            return null;
        });

        // then the right answer and why show
        Label why = robot.lookup("#lesson-question-why").query();
        assertThat(fx(why::getText)).isEqualTo("Not quite. Nobody had taken c-1.");
        assertThat(fx(() -> ((Button) robot.lookup("#lesson-choice-0").query()).getText())).startsWith("✓");
        ListView<?> history = robot.lookup("#lesson-history").query();
        assertThat(fx(() -> history.getItems().size())).isEqualTo(1);
        Label checks = robot.lookup("#lesson-checks").query();
        assertThat(fx(checks::getText)).startsWith("✓ 1 claim checked");
        snapshot("lesson-answered.png");
    }

    @Test
    void presenterModeMakesEveryNoteWait() {
        // given
        controls = new ScenarioPlayerControls(ui.engine.client(), new ScenarioLibrary(), null, p -> { });
        controls.setLessonHost(null, true, new LessonFeed(s -> ui.view.lessonPanel().show(s)));
        fx(() -> {
            new LessonMode().wire(ui.view, controls, () -> { });
            return null;
        });
        assertThat(fx(() -> ui.view.lessonPanel().stopAtEveryNote().isSelected())).isFalse();

        // when
        fx(() -> {
            ui.view.presenterModeProperty().set(true);
            return null;
        });

        // then
        assertThat(fx(() -> ui.view.lessonPanel().stopAtEveryNote().isSelected())).isTrue();
    }

    private void snapshot(String name) throws Exception {
        Path out = Path.of("target", "lesson-snapshots");
        Files.createDirectories(out);
        Snapshots.writePng(ui.scene, out.resolve(name));
    }
}
