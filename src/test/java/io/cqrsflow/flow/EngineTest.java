package io.cqrsflow.flow;

import io.cqrsflow.domain.Command;
import io.cqrsflow.domain.OrderLine;
import io.cqrsflow.domain.PayOrder;
import io.cqrsflow.domain.PlaceOrder;
import io.cqrsflow.domain.RegisterCustomer;
import io.cqrsflow.read.CustomerSales;
import io.cqrsflow.read.History;
import io.cqrsflow.read.Projector;
import io.cqrsflow.read.ProjectorState;
import io.cqrsflow.read.QuerySource;
import io.cqrsflow.read.ReadDbContents;
import io.cqrsflow.write.CommandEnvelope;
import io.cqrsflow.write.CommandResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.cqrsflow.read.ProjectionNames.ORDER_DETAIL;
import static io.cqrsflow.read.ProjectionNames.ORDER_LIST;
import static io.cqrsflow.read.ProjectionNames.SALES_BY_CUSTOMER;
import static org.assertj.core.api.Assertions.assertThat;

/** The whole pipeline on real threads and real files: what the window and the headless runner rely on. */
@Timeout(30)
class EngineTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    private int commands;

    private CommandResult submit(Engine engine, Command command) {
        return engine.submit(CommandEnvelope.of("cmd-" + (++commands), command)).join();
    }

    private static PlaceOrder order(String orderId, String customerId, String price) {
        return new PlaceOrder(orderId, customerId, List.of(new OrderLine("BOOK-1", 1, new BigDecimal(price))));
    }

    @Test
    void aRestartedEngineResumesEveryProjectorFromItsCheckpoint() throws InterruptedException {
        // given
        try (Engine engine = Engine.open(dir, Clock.systemUTC(), Map.of())) {
            assertThat(engine.notices()).as("a brand-new folder has nothing to rebuild, so nothing to say").isEmpty();
            submit(engine, new RegisterCustomer("c-1", "Ada Lovelace"));
            submit(engine, order("o-1", "c-1", "12.50"));
            assertThat(engine.awaitCaughtUp(WAIT)).isTrue();
        }

        // when it opens again and one more command arrives
        List<String> applied = new CopyOnWriteArrayList<>();
        try (Engine engine = Engine.open(dir, Clock.systemUTC(), Map.of())) {
            engine.subscribe(signal -> {
                if (signal instanceof FlowSignal.EventsApplied a) {
                    a.events().forEach(e -> applied.add(a.projector() + "#" + e.position()));
                }
            });
            assertThat(engine.notices()).isEmpty();
            assertThat(engine.projector(ORDER_LIST).status().checkpoint()).isEqualTo(2);
            submit(engine, new PayOrder("o-1"));
            assertThat(engine.awaitCaughtUp(WAIT)).isTrue();

            // then only the new event was applied, once by each projector
            assertThat(applied).containsExactlyInAnyOrder(ORDER_LIST + "#3", ORDER_DETAIL + "#3");
            assertThat(engine.readSide().queries().listOrders(QuerySource.READ_MODEL))
                    .isEqualTo(engine.readSide().queries().listOrders(QuerySource.WRITE_MODEL));
        }
        assertThat(ReadDbContents.checkpoints(dir.resolve("read.db")))
                .isEqualTo(Map.of(ORDER_LIST, 3L, ORDER_DETAIL, 3L));
    }

    @Test
    void aProjectionAddedAtRuntimeCatchesUpAndRunsAgainAfterARestart() throws InterruptedException {
        // given
        try (Engine engine = Engine.open(dir, Clock.systemUTC(), Map.of())) {
            List<String> notices = new CopyOnWriteArrayList<>();
            engine.subscribe(signal -> {
                if (signal instanceof FlowSignal.Notice n) {
                    notices.add(n.message());
                }
            });
            submit(engine, new RegisterCustomer("c-1", "Ada Lovelace"));
            submit(engine, order("o-1", "c-1", "12.50"));
            submit(engine, order("o-2", "c-1", "2.50"));
            assertThat(engine.awaitCaughtUp(WAIT)).isTrue();

            // when
            engine.addProjection(SALES_BY_CUSTOMER, 0);

            // then
            assertThat(notices).containsExactly(
                    "added projection sales-by-customer: it starts at position 0 and catches up from history");
            assertThat(engine.awaitCaughtUp(WAIT)).isTrue();
            assertThat(engine.readSide().sales().all())
                    .containsExactly(new CustomerSales("c-1", "Ada Lovelace", 2, new BigDecimal("15.00"), 0));
        }

        // when the app starts again and more orders come
        try (Engine engine = Engine.open(dir, Clock.systemUTC(), Map.of())) {
            assertThat(engine.readSide().isRunning(SALES_BY_CUSTOMER)).isTrue();
            submit(engine, order("o-3", "c-1", "5.00"));
            assertThat(engine.awaitCaughtUp(WAIT)).isTrue();

            // then
            assertThat(engine.readSide().sales().all())
                    .containsExactly(new CustomerSales("c-1", "Ada Lovelace", 3, new BigDecimal("20.00"), 0));
            assertThat(engine.projector(SALES_BY_CUSTOMER).status().checkpoint()).isEqualTo(4);
        }
    }

    @Test
    void awaitingAfterARebuildWaitsUntilTheRebuildIsDone() throws InterruptedException {
        // given a history longer than one projector batch, already projected
        long head = History.withOrders(dir, Clock.systemUTC(), 1_200);
        try (Engine engine = Engine.open(dir, Clock.systemUTC(), Map.of())) {
            assertThat(engine.awaitCaughtUp(WAIT)).isTrue();
            Map<String, List<List<Object>>> before = ReadDbContents.tables(dir.resolve("read.db"));

            // when both are rebuilt and we wait
            for (Projector p : engine.readSide().projectors()) {
                p.rebuild();
            }
            assertThat(engine.awaitCaughtUp(WAIT)).isTrue();

            // then, the moment the wait is over, the rebuild is complete
            assertThat(ReadDbContents.checkpoints(dir.resolve("read.db")))
                    .isEqualTo(Map.of(ORDER_LIST, head, ORDER_DETAIL, head));
            for (Projector p : engine.readSide().projectors()) {
                assertThat(p.status().state()).isEqualTo(ProjectorState.CAUGHT_UP);
            }
            assertThat(ReadDbContents.tables(dir.resolve("read.db"))).isEqualTo(before);
        }
    }

    @Test
    void awaitingDoesNotReportCaughtUpWhileAProjectorIsPaused() throws InterruptedException {
        try (Engine engine = Engine.open(dir, Clock.systemUTC(), Map.of())) {
            submit(engine, new RegisterCustomer("c-1", "Ada Lovelace"));
            engine.projector(ORDER_DETAIL).pause();
            submit(engine, order("o-1", "c-1", "12.50"));

            assertThat(engine.awaitCaughtUp(Duration.ofMillis(300))).isFalse();

            engine.projector(ORDER_DETAIL).resume();
            assertThat(engine.awaitCaughtUp(WAIT)).isTrue();
        }
    }
}
