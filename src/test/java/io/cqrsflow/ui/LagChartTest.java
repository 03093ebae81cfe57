package io.cqrsflow.ui;

import io.cqrsflow.flow.Engine;
import io.cqrsflow.ui.lag.LagChart;
import javafx.geometry.Bounds;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

import static io.cqrsflow.ui.UiFixture.fx;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lag chart in a scene that is not in a window, as {@code --snapshot} renders it: such a scene is laid
 * out only when it is rendered, after the chart last sampled — the chart must still be drawn.
 */
@ExtendWith(ApplicationExtension.class)
class LagChartTest {
    @TempDir
    Path dir;

    private Engine engine;
    private MainView view;

    @Start
    void start(Stage stage) {
        // no stage for the view under test: the extension's own stage stays empty
        engine = Engine.open(dir, Clock.systemUTC(), Map.of());
    }

    @AfterEach
    void close() {
        fx(() -> {
            if (view != null) {
                view.dispose();
            }
            return null;
        });
        engine.close();
    }

    @Test
    void draws_in_a_scene_that_is_not_in_a_window() throws Exception {
        // given the window's view in a detached scene that has sampled for a while
        Scene scene = fx(() -> {
            view = new MainView(engine.client());
            return new Scene(view, CqrsFlowApp.MIN_WIDTH, CqrsFlowApp.MIN_HEIGHT);
        });
        Thread.sleep(1_000); // a few samples (one every 250 ms)

        // when the scene is rendered, as --snapshot does
        WritableImage image = fx(() -> scene.snapshot(null));

        // then the chart's canvas has its size and something on it: axes, grid, lines
        LagChart chart = fx(() -> view.lagChart());
        Bounds b = fx(() -> chart.canvas().localToScene(chart.canvas().getLayoutBounds()));
        assertThat(b.getWidth()).isGreaterThan(100);
        assertThat(b.getHeight()).isGreaterThan(60);
        assertThat(inkedPixels(image, b)).isGreaterThan(200);
        assertThat(fx(() -> chart.latest("order-list"))).isEqualTo(0);
    }

    @Test
    void in_presenter_mode_the_axes_and_legend_make_room_for_their_larger_text() throws Exception {
        // given the chart drawn at the usual size
        Scene scene = fx(() -> {
            view = new MainView(engine.client());
            return new Scene(view, CqrsFlowApp.MIN_WIDTH, CqrsFlowApp.MIN_HEIGHT);
        });
        Thread.sleep(600);
        fx(() -> scene.snapshot(null));
        LagChart chart = fx(() -> view.lagChart());
        Rectangle2D usual = fx(chart::plotArea);
        double usualBottom = fx(() -> chart.canvas().getHeight()) - usual.getMaxY();

        // when presenter mode is on
        fx(() -> {
            view.presenterModeProperty().set(true);
            return scene.snapshot(null);
        });

        // then the lines leave more room for the labels on the left, below, and the legend above
        Rectangle2D presenting = fx(chart::plotArea);
        double presentingBottom = fx(() -> chart.canvas().getHeight()) - presenting.getMaxY();
        assertThat(presenting.getMinX()).isGreaterThan(usual.getMinX());
        assertThat(presenting.getMinY()).isGreaterThan(usual.getMinY());
        assertThat(presentingBottom).isGreaterThan(usualBottom);
    }

    /** Pixels in the box that differ from the box's top-left pixel (the chart's background). */
    private static int inkedPixels(WritableImage image, Bounds b) {
        PixelReader pixels = image.getPixelReader();
        int x0 = (int) Math.ceil(b.getMinX()) + 1;
        int y0 = (int) Math.ceil(b.getMinY()) + 1;
        Color background = pixels.getColor(x0, y0);
        int inked = 0;
        for (int y = y0; y < (int) b.getMaxY() - 1; y++) {
            for (int x = x0; x < (int) b.getMaxX() - 1; x++) {
                if (!pixels.getColor(x, y).equals(background)) {
                    inked++;
                }
            }
        }
        return inked;
    }
}
