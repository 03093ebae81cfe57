package io.cqrsflow.ui;

import io.cqrsflow.domain.Command;
import io.cqrsflow.domain.OrderLine;
import io.cqrsflow.domain.PayOrder;
import io.cqrsflow.domain.PlaceOrder;
import io.cqrsflow.domain.RegisterCustomer;
import io.cqrsflow.flow.Engine;
import io.cqrsflow.read.ProjectionNames;
import io.cqrsflow.write.CommandEnvelope;
import io.cqrsflow.write.CommandResult;
import io.cqrsflow.ui.lag.LagChart;
import javafx.geometry.Point2D;
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
import org.testfx.util.WaitForAsyncUtils;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static io.cqrsflow.ui.UiFixture.fx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The lag chart in a scene that is not in a window, as {@code --snapshot} renders it: such a scene is laid
 * out only when it is rendered, after the chart last sampled — the chart must still be drawn, each line at
 * the height of its projector's events behind, in its colour, and nothing in those colours elsewhere.
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
        // order-list waits longer than any test here runs, so it stays behind on whatever was submitted
        engine = Engine.open(dir, Clock.systemUTC(), Map.of(ProjectionNames.ORDER_LIST, 10_000L));
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
    void draws_each_projector_s_line_at_the_height_of_its_events_behind_in_a_scene_that_is_not_in_a_window()
            throws Exception {
        // given three events: order-list (10 s delay) has applied none of them, order-detail all three
        submit(new RegisterCustomer("c-1", "Ada Lovelace"));
        submit(new PlaceOrder("o-1", "c-1", List.of(new OrderLine("BOOK-1", 1, new BigDecimal("12.50")))));
        submit(new PayOrder("o-1"));
        assertThat(engine.awaitSettled(Duration.ofSeconds(10))).isTrue();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> engine.projector(ProjectionNames.ORDER_DETAIL).status().checkpoint() == 3);

        // and the window's view in a detached scene, sampling long enough for each line to have a length
        Scene scene = fx(() -> {
            view = new MainView(engine.client());
            return new Scene(view, CqrsFlowApp.MIN_WIDTH, CqrsFlowApp.MIN_HEIGHT);
        });
        LagChart chart = fx(() -> view.lagChart());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> chart.latest(ProjectionNames.ORDER_LIST) == 3
                && chart.latest(ProjectionNames.ORDER_DETAIL) == 0));
        // Nothing is laid out until the scene is rendered, so wait by the clock: a line spans the time its
        // samples cover (2 min across a plot some 290 px wide: 4 s is about 10 px).
        Thread.sleep(4_000);

        // when the scene is rendered, as --snapshot does (the points read in the same FX turn as the pixels)
        Drawn drawn = fx(() -> new Drawn(scene.snapshot(null), chart.plotArea(),
                chart.plotted(ProjectionNames.ORDER_LIST), chart.plotted(ProjectionNames.ORDER_DETAIL),
                chart.canvas().localToScene(0, 0)));

        // then on an axis of 0..4, order-list's line is three quarters up and order-detail's on the zero line
        Rectangle2D area = drawn.area();
        assertThat(area.getWidth()).isGreaterThan(100);
        assertThat(area.getHeight()).isGreaterThan(40);
        double threeBehind = area.getMaxY() - area.getHeight() * 3 / 4;
        double noneBehind = area.getMaxY();
        assertThat(drawn.orderList()).isNotEmpty().extracting(Point2D::getY).allSatisfy(y -> assertThat(y).isCloseTo(threeBehind, within(0.01)));
        assertThat(drawn.orderDetail()).isNotEmpty().extracting(Point2D::getY).allSatisfy(y -> assertThat(y).isCloseTo(noneBehind, within(0.01)));

        // and the pixels there are the projectors' colours (left of the end dot, so it is the line itself)
        assertColourAlongLine(drawn, drawn.orderList(), threeBehind, Palette.projector(ProjectionNames.ORDER_LIST));
        assertColourAlongLine(drawn, drawn.orderDetail(), noneBehind, Palette.projector(ProjectionNames.ORDER_DETAIL));

        // and nowhere else in the plot area, away from the two lines, is either colour
        int strayPixels = 0;
        PixelReader pixels = drawn.image().getPixelReader();
        for (int y = (int) Math.ceil(area.getMinY()); y < (int) area.getMaxY(); y++) {
            if (Math.abs(y - threeBehind) < 6 || Math.abs(y - noneBehind) < 6) {
                continue;
            }
            for (int x = (int) Math.ceil(area.getMinX()); x < (int) area.getMaxX(); x++) {
                Color c = pixels.getColor((int) Math.floor(drawn.canvasOrigin().getX() + x),
                        (int) Math.floor(drawn.canvasOrigin().getY() + y));
                if (near(c, Palette.projector(ProjectionNames.ORDER_LIST)) || near(c, Palette.projector(ProjectionNames.ORDER_DETAIL))) {
                    strayPixels++;
                }
            }
        }
        assertThat(strayPixels).as("pixels in a projector's colour away from the lines").isZero();
        assertThat(fx(() -> chart.latest(ProjectionNames.ORDER_LIST))).isEqualTo(3);
        assertThat(fx(() -> chart.latest(ProjectionNames.ORDER_DETAIL))).isEqualTo(0);
    }

    /** What one render showed: the image, and where the chart said it drew, in canvas coordinates. */
    private record Drawn(WritableImage image, Rectangle2D area, List<Point2D> orderList, List<Point2D> orderDetail,
                         Point2D canvasOrigin) {
    }

    /**
     * The pixels the line covers fully — the row of its height, from its first sample to just before the
     * dot at its last — are in its colour.
     */
    private static void assertColourAlongLine(Drawn drawn, List<Point2D> line, double y, Color colour) {
        PixelReader pixels = drawn.image().getPixelReader();
        Point2D origin = drawn.canvasOrigin();
        int row = (int) Math.floor(origin.getY() + y); // the line is 2.5 px wide: this row lies inside it
        int from = (int) Math.ceil(origin.getX() + line.get(0).getX());
        int to = (int) Math.floor(origin.getX() + line.get(line.size() - 1).getX() - 3.5) - 1; // dot: radius 3.5
        assertThat(to).as("columns of the line left of its dot").isGreaterThanOrEqualTo(from);
        for (int x = from; x <= to; x++) {
            Color c = pixels.getColor(x, row);
            assertThat(near(c, colour)).as("pixel at (%d, %d) is %s, not the line's %s", x, row, c, colour).isTrue();
        }
    }

    private static boolean near(Color a, Color b) {
        return Math.abs(a.getRed() - b.getRed()) < 0.1 && Math.abs(a.getGreen() - b.getGreen()) < 0.1
                && Math.abs(a.getBlue() - b.getBlue()) < 0.1;
    }

    private void submit(Command command) throws Exception {
        CommandResult result = engine.submit(CommandEnvelope.of("lag-" + command.type() + "-" + System.nanoTime(), command))
                .get(10, TimeUnit.SECONDS);
        assertThat(result).isInstanceOf(CommandResult.Accepted.class);
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
}
