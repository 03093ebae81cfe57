package io.cqrsflow.ui.flow;

import javafx.geometry.Point2D;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Flights described with the builder: merged past a few per path, landing with the tokens they carry. */
@ExtendWith(ApplicationExtension.class)
class TokenLayerTest {
    private static final long SECOND = 1_000_000_000L;

    @Start
    void start(Stage stage) {
        // the toolkit is all these tests need
    }

    @Test
    void more_flights_on_one_path_than_it_carries_merge_into_the_newest_and_land_with_all_their_tokens() {
        // given a layer
        TokenLayer layer = new TokenLayer();
        List<Integer> landed = new ArrayList<>();

        // when ten single tokens take off on one path
        for (int i = 0; i < 10; i++) {
            layer.flight("append").from(() -> Point2D.ZERO).to(() -> new Point2D(100, 0)).color(Color.RED)
                    .startingAt(0).lasting(SECOND).onArrival(landed::add).launch();
        }

        // then only a few are drawn, and when they land every token is counted
        assertThat(layer.inFlight()).isEqualTo(TokenLayer.MAX_PER_PATH);
        layer.tick(2 * SECOND);
        assertThat(layer.inFlight()).isZero();
        assertThat(landed.stream().mapToInt(Integer::intValue).sum()).isEqualTo(10);
    }

    @Test
    void each_token_in_the_air_is_a_small_node_of_its_own_so_a_move_redraws_only_its_spot() {
        // given a layer as big as the flow, with tokens in the air on two paths
        TokenLayer layer = new TokenLayer();
        layer.resize(600, 400);
        for (String path : List.of("append", "fan:order-list")) {
            layer.flight(path).from(() -> new Point2D(10, 10)).to(() -> new Point2D(500, 300)).color(Color.RED)
                    .startingAt(0).lasting(SECOND).launch();
        }

        // when they move
        layer.tick(SECOND / 4);
        layer.tick(SECOND / 2);

        // then what is drawn is one small node per token, where the token is (a canvas the size of the flow
        // would have the renderer draw the whole flow again every frame)
        List<javafx.geometry.Bounds> drawn = layer.getChildrenUnmodifiable().stream()
                .filter(javafx.scene.Node::isVisible).map(javafx.scene.Node::getBoundsInParent).toList();
        assertThat(drawn).hasSize(2);
        for (javafx.geometry.Bounds b : drawn) {
            assertThat(b.getWidth()).as("token width").isLessThan(60);
            assertThat(b.getHeight()).as("token height").isLessThan(60);
            assertThat(b.contains(layer.drawnAt().get(0).getCenterX(), layer.drawnAt().get(0).getCenterY()))
                    .as("the token is drawn where it is").isTrue();
        }

        // and when they land, nothing is left drawn
        layer.tick(2 * SECOND);
        assertThat(layer.getChildrenUnmodifiable().stream().filter(javafx.scene.Node::isVisible)).isEmpty();
    }

    @Test
    void a_flight_without_a_duration_is_refused() {
        TokenLayer layer = new TokenLayer();

        assertThatThrownBy(() -> layer.flight("command").from(() -> Point2D.ZERO).to(() -> Point2D.ZERO)
                .color(Color.RED).launch())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("command");
    }
}
