package io.cqrsflow.read.ordersperstatus;

import io.cqrsflow.domain.CancelOrder;
import io.cqrsflow.domain.Command;
import io.cqrsflow.domain.OrderLine;
import io.cqrsflow.domain.OrderStatus;
import io.cqrsflow.domain.PayOrder;
import io.cqrsflow.domain.PlaceOrder;
import io.cqrsflow.domain.RegisterCustomer;
import io.cqrsflow.domain.ShipOrder;
import io.cqrsflow.flow.Engine;
import io.cqrsflow.read.OrderDetails;
import io.cqrsflow.read.StaleRow;
import io.cqrsflow.write.CommandEnvelope;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Orders per status: counted from the whole history once added, and stale while behind the write model. */
class OrdersPerStatusTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final OrdersPerStatusModule MODULE = new OrdersPerStatusModule();

    @TempDir
    Path dir;

    private int commands;

    @Test
    void added_at_runtime_it_counts_every_order_in_its_status_now() throws InterruptedException {
        try (Engine engine = Engine.open(dir, Clock.systemUTC(), Map.of())) {
            // given a history from before it existed
            submit(engine, new RegisterCustomer("c-1", "Ada Lovelace"));
            submit(engine, order("o-1"));
            submit(engine, new PayOrder("o-1"));
            submit(engine, new ShipOrder("o-1"));
            submit(engine, order("o-2"));
            submit(engine, new CancelOrder("o-2", "changed mind"));
            submit(engine, order("o-3"));

            // when it is added
            engine.addProjection(OrdersPerStatusModule.NAME, 0);
            assertThat(engine.awaitCaughtUp(WAIT)).isTrue();

            // then each order is counted once, in the status it is in now; paid was passed through
            assertThat(new OrdersPerStatusQueries(engine.readSide().database()).all()).containsExactly(
                    new OrdersWithStatus(OrderStatus.PENDING, 1), new OrdersWithStatus(OrderStatus.PAID, 0),
                    new OrdersWithStatus(OrderStatus.SHIPPED, 1), new OrdersWithStatus(OrderStatus.CANCELLED, 1));
            assertThat(engine.readSide().readModels().reading(MODULE).stale()).isEmpty();
        }
    }

    @Test
    void a_count_behind_the_truth_is_stale_and_a_status_not_counted_yet_is_missing() {
        // given the truth: one order paid, one pending; the read model has seen only their placing
        Map<String, OrderDetails> truth = new LinkedHashMap<>();
        truth.put("o-1", details("o-1", OrderStatus.PAID));
        truth.put("o-2", details("o-2", OrderStatus.PENDING));
        List<OrdersWithStatus> shown = List.of(new OrdersWithStatus(OrderStatus.PENDING, 2),
                new OrdersWithStatus(OrderStatus.SHIPPED, 0));

        // when
        Map<String, StaleRow<OrdersWithStatus>> stale = MODULE.stale(shown, truth);

        // then
        assertThat(stale).containsOnlyKeys("pending", "paid");
        assertThat(stale.get("pending").difference()).isEqualTo("orders: shows 2, truth is 1");
        assertThat(stale.get("paid").shown()).isNull();
        assertThat(stale.get("paid").difference()).isEqualTo("not in the read model yet; the truth is 1");
    }

    private void submit(Engine engine, Command command) {
        engine.submit(CommandEnvelope.of("cmd-" + (++commands), command)).join();
    }

    private static PlaceOrder order(String orderId) {
        return new PlaceOrder(orderId, "c-1", List.of(new OrderLine("BOOK-1", 1, new BigDecimal("4.00"))));
    }

    private static OrderDetails details(String orderId, OrderStatus status) {
        return new OrderDetails(orderId, "c-1", "Ada", List.of(new OrderLine("BOOK-1", 1, BigDecimal.ONE)),
                BigDecimal.ONE, status, Instant.EPOCH, null, null, null, null);
    }
}
