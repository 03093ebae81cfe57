package io.cqrsflow.ui;

import io.cqrsflow.domain.OrderLine;
import io.cqrsflow.domain.PayOrder;
import io.cqrsflow.domain.PlaceOrder;
import io.cqrsflow.domain.RegisterCustomer;
import io.cqrsflow.ui.flow.FlowView;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.ScrollPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.cqrsflow.ui.UiFixture.fx;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tokens travel in a track of their own: frame after frame of an animation, no token covers a lane title, a
 * slider or a button, and the rejected command's ✗ token is drawn whole, inside the flow's viewport.
 */
@ExtendWith(ApplicationExtension.class)
class TokenTrackTest {
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
    void no_token_covers_a_control_in_any_frame_of_an_order_flowing_through() throws Exception {
        // given a slow animation, so that many frames show tokens on every leg of their way
        fx(() -> {
            ui.view.model().speedProperty().set(0.5);
            return null;
        });
        ui.submit(new RegisterCustomer("c-1", "Ada Lovelace"));
        ui.submit(new PlaceOrder("o-1", "c-1", List.of(new OrderLine("BOOK-1", 1, new BigDecimal("12.50")))));

        // when the frames go by
        List<String> covered = new ArrayList<>();
        int framesWithTokens = watch(4_000, covered, false);

        // then tokens were seen, and none was over a control
        assertThat(framesWithTokens).isGreaterThan(10);
        assertThat(covered).isEmpty();
    }

    @Test
    void the_rejected_token_is_drawn_whole_and_covers_no_control() throws Exception {
        fx(() -> {
            ui.view.model().speedProperty().set(0.5);
            return null;
        });
        ui.submit(new PayOrder("o-404")); // no such order: rejected, the ✗ token bounces back

        List<String> covered = new ArrayList<>();
        int framesWithTokens = watch(3_000, covered, true);

        assertThat(framesWithTokens).isGreaterThan(5);
        assertThat(covered).isEmpty();
    }

    @Test
    void the_check_sees_a_token_over_a_button() {
        // a token square drawn right on the first lane's rebuild button
        Bounds button = fx(() -> ui.view.flow().lookup(".lane .button").localToScene(
                ui.view.flow().lookup(".lane .button").getLayoutBounds()));

        List<String> covered = new ArrayList<>();
        fx(() -> {
            check(List.of(button), covered, false);
            return null;
        });

        assertThat(covered).singleElement().asString().contains("covers").contains("#lane-");
    }

    /** Samples the drawn tokens for that long; returns how many samples showed at least one. */
    private int watch(long millis, List<String> covered, boolean wholeInView) throws InterruptedException {
        int withTokens = 0;
        long end = System.currentTimeMillis() + millis;
        while (System.currentTimeMillis() < end) {
            boolean seen = fx(() -> {
                List<Bounds> drawn = ui.view.flow().tokensDrawn();
                check(drawn, covered, wholeInView);
                return !drawn.isEmpty();
            });
            if (seen) {
                withTokens++;
            }
            Thread.sleep(30);
        }
        return withTokens;
    }

    private void check(List<Bounds> tokens, List<String> covered, boolean wholeInView) {
        FlowView flow = ui.view.flow();
        List<Node> controls = new ArrayList<>();
        for (String selector : List.of(".lane-title", ".slider", ".button", ".toggle-button", ".legend-item",
                ".subheading", ".stage-title")) {
            controls.addAll(flow.lookupAll(selector));
        }
        Bounds view = viewport(flow);
        for (Bounds t : tokens) {
            for (Node c : controls) {
                if (c.isVisible() && c.localToScene(c.getLayoutBounds()).intersects(shrink(t))) {
                    covered.add("a token at " + t + " covers " + ClippedText.name(c));
                }
            }
            if (wholeInView && (t.getMinX() < view.getMinX() - 0.5 || t.getMaxX() > view.getMaxX() + 0.5)) {
                covered.add("a token at " + t + " is cut by the flow's edge " + view);
            }
        }
    }

    private static Bounds shrink(Bounds b) {
        return new javafx.geometry.BoundingBox(b.getMinX() + 1, b.getMinY() + 1, b.getWidth() - 2, b.getHeight() - 2);
    }

    private static Bounds viewport(Node flow) {
        for (Node p = flow; p != null; p = p.getParent()) {
            if (p instanceof ScrollPane sp) {
                return sp.localToScene(sp.getLayoutBounds());
            }
        }
        return flow.localToScene(flow.getLayoutBounds());
    }
}
