package io.cqrsflow.ui;

import io.cqrsflow.domain.OrderLine;
import io.cqrsflow.domain.PayOrder;
import io.cqrsflow.domain.PlaceOrder;
import io.cqrsflow.domain.RegisterCustomer;
import io.cqrsflow.domain.ShipOrder;
import io.cqrsflow.eventstore.EventsDb;
import io.cqrsflow.flow.Engine;
import io.cqrsflow.read.ProjectionNames;
import io.cqrsflow.read.ProjectorState;
import io.cqrsflow.read.ReadModels;
import io.cqrsflow.scenario.Scenario;
import io.cqrsflow.scenario.ScenarioParser;
import io.cqrsflow.scenario.ScenarioPlayer;
import io.cqrsflow.write.CommandEnvelope;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static io.cqrsflow.ui.UiFixture.fx;
import static io.cqrsflow.ui.UiFixture.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The recorder in the window, on a real engine and the real toolkit: Ctrl+R starts it, what the window
 * sends through its door is written down (commands — one rejected —, a lane paused and resumed from its
 * button, a delay change), a note typed into the caption box with Enter, Ctrl+R stops it. A save into a
 * missing folder says so and keeps the recording; a save into a real folder writes a lesson the parser
 * reads, which plays into a fresh folder to the same events (position, stream, version, type, data —
 * {@code recorded_at} and {@code metadata} excluded: they hold the time and the command ids of each run).
 */
@ExtendWith(ApplicationExtension.class)
class RecorderTest {
    private static final String EVENTS = "SELECT position, stream_id, stream_version, type, data FROM events ORDER BY position";

    @TempDir
    Path dir;

    private UiFixture ui;

    @Start
    void start(Stage stage) {
        ui = UiFixture.start(stage, dir.resolve("window"), Map.of(ProjectionNames.ORDER_LIST, 200L));
    }

    @AfterEach
    void close() {
        ui.close();
    }

    @Test
    void records_a_session_in_the_window_and_saves_a_lesson_that_plays_back_to_the_same_events(FxRobot robot)
            throws Exception {
        // given an empty store, and the recorder hidden
        assertThat(fx(() -> ui.view.recorderBar().isVisible())).isFalse();
        assertThat(fx(() -> ui.view.shortcuts().helpRows().toString())).contains("Ctrl+R");

        // when the teacher records a short session
        robot.press(KeyCode.CONTROL, KeyCode.R).release(KeyCode.R, KeyCode.CONTROL);
        waitUntil(5, () -> ui.view.recorderBar().isVisible());
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(() -> ClippedText.in(ui.view.recorderBar()))).as("recording, at 1280 x 800").isEmpty();
        send(new RegisterCustomer("c-1", "Ada Lovelace"));
        send(new PlaceOrder("o-1", "c-1", List.of(new OrderLine("BOOK-1", 1, new BigDecimal("9.99")))));
        send(new ShipOrder("o-1")); // rejected: not paid
        robot.clickOn("#recorder-caption").write("Shipping before paying is refused.").type(KeyCode.ENTER);
        robot.clickOn("#pause-order-list");
        waitUntil(5, () -> ui.view.model().statuses().get(ProjectionNames.ORDER_LIST).state() == ProjectorState.PAUSED);
        send(new PayOrder("o-1"));
        robot.clickOn("#pause-order-list");
        fx(() -> ui.view.model().client().setDelay(ProjectionNames.ORDER_DETAIL, 500));
        robot.press(KeyCode.CONTROL, KeyCode.R).release(KeyCode.R, KeyCode.CONTROL);
        waitUntil(5, () -> ((Label) robot.lookup("#recorder-indicator").query()).getText().startsWith("Stopped"));
        assertThat(ui.engine.awaitCaughtUp(Duration.ofSeconds(20))).isTrue();
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(() -> ClippedText.in(ui.view.recorderBar()))).as("stopped, at 1280 x 800").isEmpty();

        // and saves it into a folder that does not exist
        Path missing = dir.resolve("gone").resolve("lesson.json");
        assertThat(fx(() -> ui.view.recorderBar().saveTo(missing, false))).isFalse();

        // then it is told why, and the recording is still there to save
        assertThat(fx(() -> ui.view.recorderBar().message().getText()))
                .contains("the folder " + missing.getParent() + " does not exist", "The recording is kept");
        assertThat(fx(() -> robot.lookup("#recorder-save").query().isVisible())).isTrue();
        assertThat(missing.getParent()).doesNotExist();

        // when it is saved into a real folder
        Path lesson = dir.resolve("recorded.json");
        assertThat(fx(() -> ui.view.recorderBar().saveTo(lesson, false))).isTrue();

        // then the parser reads it, and played into a fresh folder it makes the same events
        Scenario scenario = new ScenarioParser(new HashSet<>(ReadModels.names())).parse(lesson);
        assertThat(Files.readString(lesson)).contains("\"note\" : \"Shipping before paying is refused.\"",
                "\"pause\" : \"order-list\"", "\"resume\" : \"order-list\"", "\"delayMs\" : 500");
        assertThat(scenario.projectorDelays()).containsEntry(ProjectionNames.ORDER_LIST, 200L);
        Path replay = dir.resolve("replay");
        try (Engine engine = Engine.open(replay, Clock.systemUTC(), scenario.projectorDelays())) {
            ScenarioPlayer player = new ScenarioPlayer(engine.client(), scenario, 4, (step, at, outcome) -> { });
            player.start();
            player.finished().get(30, TimeUnit.SECONDS);
            player.close();
        }
        List<Map<String, Object>> recorded = new EventsDb(dir.resolve("window").resolve("events.db")).rows(EVENTS);
        assertThat(recorded).hasSize(3);
        assertThat(new EventsDb(replay.resolve("events.db")).rows(EVENTS)).isEqualTo(recorded);
    }

    private void send(io.cqrsflow.domain.Command command) throws Exception {
        // through the window's own door, as its forms send
        fx(() -> ui.view.model().client().submit(CommandEnvelope.of("ui-test-" + command.hashCode(), command)))
                .toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
