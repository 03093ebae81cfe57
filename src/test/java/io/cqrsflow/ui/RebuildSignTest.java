package io.cqrsflow.ui;

import io.cqrsflow.domain.OrderLine;
import io.cqrsflow.domain.PlaceOrder;
import io.cqrsflow.domain.RegisterCustomer;
import io.cqrsflow.read.ProjectionNames;
import io.cqrsflow.read.ProjectorState;
import io.cqrsflow.read.ProjectorStatus;
import io.cqrsflow.ui.command.ResultLog;
import io.cqrsflow.ui.flow.LaneView;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
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
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.cqrsflow.ui.UiFixture.fx;
import static io.cqrsflow.ui.UiFixture.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/** A manual rebuild shows: the lane says "rebuilding n / m", Results gets the engine's note, the toast covers nothing. */
@ExtendWith(ApplicationExtension.class)
class RebuildSignTest {
    private static final String LIST = ProjectionNames.ORDER_LIST;

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
    void clicking_a_lanes_rebuild_button_puts_the_rebuild_in_results(FxRobot robot) throws Exception {
        // given a store with some events, every read model caught up
        someEvents();

        // when the learner clicks the order list's rebuild button
        robot.clickOn("#rebuild-" + LIST);

        // then Results has the engine's note, as for an added projection
        waitUntil(5, () -> notice(LIST + " rebuilding from position 0") != null);
        assertThat(fx(() -> notice(LIST + " rebuilding from position 0").detail())).contains("events.db is not touched");
        // and the toast says it too
        waitUntil(5, () -> ui.view.noticeToast().getText().contains(LIST + " rebuilding")
                && ui.view.noticeToast().getOpacity() > 0);
        // and the lane is caught up again afterwards
        waitUntil(5, () -> ui.view.model().statuses().get(LIST).state() == ProjectorState.CAUGHT_UP);
    }

    @Test
    void a_lane_shows_rebuilding_n_of_m_while_it_replays(FxRobot robot) throws Exception {
        someEvents();
        Label state = robot.lookup("#lane-state-" + LIST).query();
        List<String> seen = new CopyOnWriteArrayList<>();
        fx(() -> {
            state.textProperty().addListener((o, a, b) -> seen.add(b));
            return null;
        });

        // when it is rebuilt slowly enough to watch (one event every 400 ms), as a scenario does
        ui.engine.client().rebuild(LIST, 400);

        // then the lane shows the checkpoint climbing to the head
        waitUntil(5, () -> seen.stream().anyMatch(t -> t.matches("rebuilding [0-3] / 3")));
        Files.createDirectories(Path.of("target/screenshots"));
        Snapshots.writePng(ui.scene, Path.of("target/screenshots/rebuild-sign.png"));
        waitUntil(8, () -> ui.view.model().statuses().get(LIST).state() == ProjectorState.CAUGHT_UP);
        assertThat(seen).anyMatch(t -> t.startsWith("rebuilding"));
    }

    @Test
    void rebuilding_counts_use_the_thousands_space() {
        ProjectorStatus s = new ProjectorStatus(LIST, ProjectorState.REBUILDING, 0, 1200, 5000, null, 5000,
                Instant.EPOCH, null);
        assertThat(LaneView.stateText(s)).isEqualTo("rebuilding 1\u00a0200 / 5\u00a0000");
    }

    @Test
    void the_toast_covers_neither_the_event_table_nor_the_lesson_bar(FxRobot robot) throws Exception {
        someEvents();
        robot.clickOn("#rebuild-" + LIST);
        waitUntil(5, () -> ui.view.noticeToast().getOpacity() > 0.9);
        // at the smallest window the toolbar has no room for it: it is hidden (Results has the note)
        assertThat(fx(() -> ui.view.noticeToast().isVisible())).isFalse();

        // and wherever it shows, it lies inside the toolbar's free space: not over the table, the lesson bar
        // or a control
        Bounds toast = fx(() -> scene(ui.view.noticeToast()));
        assertThat(fx(() -> scene(ui.view.eventTable()).intersects(toast))).isFalse();
        assertThat(fx(() -> scene(ui.view.lessonBar()).intersects(toast))).isFalse();
        assertThat(fx(() -> scene(robot.lookup("#toolbar-free-space").query()).contains(toast))).isTrue();
        Files.createDirectories(Path.of("target/screenshots"));
        Snapshots.writePng(ui.scene, Path.of("target/screenshots/rebuild-toast.png"));
    }

    private static Bounds scene(Node n) {
        return n.localToScene(n.getBoundsInLocal());
    }

    private void someEvents() throws Exception {
        ui.submit(new RegisterCustomer("c-1", "Ada Lovelace"));
        ui.submit(new PlaceOrder("o-1", "c-1", List.of(new OrderLine("BOOK-1", 2, new BigDecimal("12.50")))));
        ui.submit(new PlaceOrder("o-2", "c-1", List.of(new OrderLine("TEA-9", 1, new BigDecimal("4.50")))));
        waitUntil(8, () -> ui.view.model().statuses().get(LIST) != null
                && ui.view.model().statuses().get(LIST).checkpoint() == 3
                && ui.view.model().statuses().get(LIST).eventsBehind() == 0);
    }

    private ResultLog.Entry notice(String text) {
        return ui.view.commands().log().getItems().stream()
                .filter(e -> e.outcome() == ResultLog.Outcome.NOTICE && e.detail().contains(text))
                .findFirst().orElse(null);
    }
}
