package io.cqrsflow.ui;

import io.cqrsflow.ui.command.ResultLog;
import io.cqrsflow.ui.load.LoadPanel;
import io.cqrsflow.ui.perf.FrameMeterView;
import javafx.geometry.Bounds;
import javafx.scene.Node;
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

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static io.cqrsflow.ui.UiFixture.fx;
import static io.cqrsflow.ui.UiFixture.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The window's load generator and frame meter, on the real toolkit: opened from the keyboard, it sends
 * commands through the engine at the rate set, shows its figures, reports to Results when stopped, and fits
 * in the smallest window; the meter shows the pulses it measured.
 */
@ExtendWith(ApplicationExtension.class)
class LoadPanelTest {
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
    void the_generator_sends_at_the_rate_set_and_reports_to_results(FxRobot robot) throws Exception {
        // given the card, opened with Ctrl+Shift+G
        robot.clickOn("#event-table");
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.G).release(KeyCode.G, KeyCode.SHIFT, KeyCode.CONTROL);
        LoadPanel panel = ui.view.loadPanel();
        waitUntil(5, panel::isVisible);
        fx(() -> {
            panel.setRate(100);
            return null;
        });

        // when started for a moment, then stopped
        robot.clickOn("#load-start");
        waitUntil(10, () -> ui.engine.head() >= 60);
        Label figures = robot.lookup("#load-figures").query();
        waitUntil(5, () -> figures.getText().matches("\\d+ sent · .*✓.*✗.*⚠.*"));
        Files.createDirectories(Path.of("target/screenshots"));
        Snapshots.writePng(ui.scene, Path.of("target/screenshots/load-panel.png"));
        robot.clickOn("#load-start");

        // then Results has its report, and the events reached the store and the projectors
        waitUntil(10, () -> ui.view.commands().log().getItems().stream()
                .anyMatch(e -> e.outcome() == ResultLog.Outcome.NOTICE && e.headline().equals("Load generator")));
        ResultLog.Entry report = fx(() -> ui.view.commands().log().getItems().stream()
                .filter(e -> e.headline().equals("Load generator")).findFirst().orElseThrow());
        assertThat(report.detail()).matches("\\d+ commands in \\d+\\.\\d s: \\d+\\.\\d/s of 100/s asked · \\d+ accepted,"
                + " \\d+ rejected, \\d+ conflicts.*");
        assertThat(fx(panel::isRunning)).isFalse();
        long head = ui.engine.head();
        waitUntil(10, () -> ui.view.model().statuses().values().stream().allMatch(s -> s.checkpoint() == head));

        // and the card lies inside the smallest window
        Bounds card = fx(() -> scene(panel));
        assertThat(card.getMinX()).isGreaterThanOrEqualTo(0);
        assertThat(card.getMaxX()).isLessThanOrEqualTo(ui.scene.getWidth());
        assertThat(card.getMaxY()).isLessThanOrEqualTo(ui.scene.getHeight());
    }

    @Test
    void the_frame_meter_shows_the_pulses_it_measured(FxRobot robot) throws Exception {
        FrameMeterView meter = ui.view.frameMeterView();
        assertThat(fx(meter::isVisible)).isFalse();
        robot.clickOn("#event-table");
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.F).release(KeyCode.F, KeyCode.SHIFT, KeyCode.CONTROL);
        waitUntil(5, meter::isVisible);
        waitUntil(5, () -> meter.getText().matches("frames \\(5 s\\): p50 \\d+\\.\\d · p99 \\d+\\.\\d · max \\d+\\.\\d ms"
                + " · \\d+ over 16\\.7 ms · longest gap \\d+ ms"));
        assertThat(fx(() -> ui.view.frameMeter().pulses().size())).isPositive();
        assertThat(fx(() -> ui.view.frameMeter().gaps().all().p50Ms())).as("pulses come about every frame").isPositive();
    }

    private static Bounds scene(Node n) {
        return n.localToScene(n.getBoundsInLocal());
    }
}
