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
    void a_flight_without_a_duration_is_refused() {
        TokenLayer layer = new TokenLayer();

        assertThatThrownBy(() -> layer.flight("command").from(() -> Point2D.ZERO).to(() -> Point2D.ZERO)
                .color(Color.RED).launch())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("command");
    }
}
