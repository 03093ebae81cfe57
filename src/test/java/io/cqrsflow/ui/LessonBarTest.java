package io.cqrsflow.ui;

import io.cqrsflow.ui.command.ResultLog;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static io.cqrsflow.ui.UiFixture.fx;
import static io.cqrsflow.ui.UiFixture.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/** The bar under the toolbar says where a scenario is and what its teacher says; the log keeps it all. */
@ExtendWith(ApplicationExtension.class)
class LessonBarTest {
    @TempDir
    Path dir;

    private UiFixture ui;

    @Start
    void start(Stage stage) {
        ui = UiFixture.start(stage, dir, Map.of());
    }

    @AfterEach
    void close() {
        ui.close();
    }

    @Test
    void is_hidden_until_a_scenario_reports_then_shows_its_status_note_and_answers_and_logs_them(FxRobot robot)
            throws Exception {
        // given no scenario has said anything
        Label status = robot.lookup("#scenario-status").query();
        Label note = robot.lookup("#scenario-note").query();
        Label answers = robot.lookup("#scenario-answers").query();
        assertThat(fx(() -> ui.view.lessonBar().isVisible())).isFalse();

        // when a scenario reports a step with a note, an answer, and both to keep
        fx(() -> {
            ui.view.lessonBar().show(new ScenarioPlayerControls.Progress("Scenario “stale list” · step 3 of 5",
                    "The list is behind: look at o-1", List.of("ListOrders → 1 order"),
                    List.of(new ScenarioPlayerControls.Logged(false, "Note (step 3)", "The list is behind"),
                            new ScenarioPlayerControls.Logged(true, "ListOrders", "1 order"))));
            return null;
        });

        // then the bar shows all three, and the result log keeps the note and the answer
        assertThat(fx(() -> ui.view.lessonBar().isVisible())).isTrue();
        assertThat(fx(status::getText)).isEqualTo("Scenario “stale list” · step 3 of 5");
        assertThat(fx(note::getText)).isEqualTo("The list is behind: look at o-1");
        assertThat(fx(answers::getText)).isEqualTo("ListOrders → 1 order");
        assertThat(fx(answers::isVisible)).isTrue();
        waitUntil(5, () -> ui.view.commands().log().getItems().size() == 2);
        assertThat(fx(() -> ui.view.commands().log().getItems()))
                .extracting(ResultLog.Entry::outcome, ResultLog.Entry::headline)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(ResultLog.Outcome.NOTICE, "Note (step 3)"),
                        org.assertj.core.groups.Tuple.tuple(ResultLog.Outcome.QUERY, "? ListOrders"));

        // and a step without a note drops the note line
        fx(() -> {
            ui.view.lessonBar().show("Scenario “stale list” · played all 5 steps", null);
            return null;
        });
        assertThat(fx(note::isVisible)).isFalse();
        assertThat(fx(status::getText)).endsWith("played all 5 steps");
    }

    @Test
    void with_a_lesson_panel_there_is_no_second_status_line_and_nothing_to_say_hides_the_bar(FxRobot robot) {
        // given a lesson whose panel says where it is: the controls report a blank status
        Label status = robot.lookup("#scenario-status").query();
        Label note = robot.lookup("#scenario-note").query();

        // when it reports an answer but no status
        fx(() -> {
            ui.view.lessonBar().show(new ScenarioPlayerControls.Progress("", null, List.of("ListOrders → 1 order"),
                    List.of()));
            return null;
        });

        // then the answer shows, without an empty or repeated status line above it
        assertThat(fx(() -> ui.view.lessonBar().isVisible())).isTrue();
        assertThat(fx(status::isManaged)).isFalse();
        assertThat(fx(note::isManaged)).isFalse();

        // and with nothing at all to say, the bar takes no room
        fx(() -> {
            ui.view.lessonBar().show(new ScenarioPlayerControls.Progress("", null));
            return null;
        });
        assertThat(fx(() -> ui.view.lessonBar().isManaged())).isFalse();
    }
}
