package io.cqrsflow.ui;

import io.cqrsflow.domain.OrderLine;
import io.cqrsflow.domain.PlaceOrder;
import io.cqrsflow.domain.RegisterCustomer;
import io.cqrsflow.read.ProjectionNames;
import io.cqrsflow.write.CommandEnvelope;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static io.cqrsflow.ui.UiFixture.fx;
import static io.cqrsflow.ui.UiFixture.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/** 200 orders in a burst: the window keeps answering, and the tokens aggregate instead of piling up. */
@ExtendWith(ApplicationExtension.class)
class BurstTest {
    @TempDir
    Path dir;

    private UiFixture ui;

    @Start
    void start(Stage stage) {
        ui = UiFixture.start(stage, dir, Map.of(ProjectionNames.ORDER_LIST, 1_000L));
    }

    @AfterEach
    void close() {
        ui.close();
    }

    @Test
    void two_hundred_orders_in_a_burst_keep_the_window_responsive() throws Exception {
        ui.submit(new RegisterCustomer("c-1", "Ada Lovelace"));
        List<OrderLine> items = List.of(new OrderLine("BOOK-1", 1, new BigDecimal("1.00")));
        for (int i = 1; i <= 200; i++) {
            ui.engine.submit(CommandEnvelope.of("burst-" + i, new PlaceOrder("o-" + i, "c-1", items)));
        }

        long worstMs = 0;
        int maxTokens = 0;
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
        while (System.nanoTime() < until) {
            long t0 = System.nanoTime();
            CompletableFuture<Integer> tokens = new CompletableFuture<>();
            Platform.runLater(() -> tokens.complete(ui.view.flow().tokensInFlight()));
            maxTokens = Math.max(maxTokens, tokens.get(5, TimeUnit.SECONDS));
            worstMs = Math.max(worstMs, (System.nanoTime() - t0) / 1_000_000);
            Thread.sleep(20);
        }

        // Not a speed target but a freeze detector: the bound is what a freeze breaks, with room for a slow
        // machine. Normally the FX thread is busiest drawing one software-rendered frame of the whole window:
        // ~100 ms on an idle 2-core machine, 330-520 ms over five runs while other builds shared the cores.
        // A FX thread that waits for the engine (here: once per signal until the projectors caught up) is
        // gone for about 2 s under this burst, which the old 3 s bound let pass. 1 s is about twice the worst
        // normal frame seen and half such a freeze.
        System.out.println("BurstTest: longest wait for the FX thread during a 200-order burst: " + worstMs + " ms");
        assertThat(worstMs).as("longest wait for the FX thread, ms").isLessThan(1_000);
        assertThat(maxTokens).as("tokens drawn at once").isLessThanOrEqualTo(40);
        waitUntil(20, () -> ui.view.readModels().orderList().table().getItems().size() == 200);
        assertThat(fx(() -> ui.view.eventTable().table().getItems().size())).isEqualTo(201);
    }
}
