package io.cqrsflow.flow;

import io.cqrsflow.domain.OrderLine;
import io.cqrsflow.domain.PlaceOrder;
import io.cqrsflow.domain.RegisterCustomer;
import io.cqrsflow.read.ManualScheduler;
import io.cqrsflow.read.MutableClock;
import io.cqrsflow.read.ProjectorState;
import io.cqrsflow.read.Scheduler;
import io.cqrsflow.write.CommandEnvelope;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static io.cqrsflow.read.ProjectionNames.ORDER_DETAIL;
import static io.cqrsflow.read.ProjectionNames.ORDER_LIST;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The catch-up wait without a fixed timeout, through the real engine and real files on a virtual clock:
 * a rebuild slower than the old 40 s limit finishes, with progress and time left on the way; a projector
 * that stops moving ends the wait with its name.
 */
@Timeout(60)
class CatchUpTest {
    private static final Instant START = Instant.parse("2026-03-01T09:00:00Z");

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(START);
    private final ManualScheduler scheduler = new ManualScheduler(clock);

    private static void history(Engine engine, int orders) {
        engine.submit(CommandEnvelope.of("c", new RegisterCustomer("c-1", "Ada Lovelace"))).join();
        for (int i = 1; i <= orders; i++) {
            engine.submit(CommandEnvelope.of("o" + i, new PlaceOrder("o-" + i, "c-1",
                    List.of(new OrderLine("BOOK-1", 1, new BigDecimal("12.50")))))).join();
        }
    }

    /**
     * Waits on another thread, as the headless runner does, and moves the virtual clock one second each time
     * the wait has looked again — so the wait sees every step of the way, however fast this machine is.
     */
    private CatchUpWatch.Verdict waitWhileAdvancing(Engine engine, List<CatchUpWatch.Behind> heard)
            throws Exception {
        AtomicInteger looks = new AtomicInteger();
        CompletableFuture<CatchUpWatch.Verdict> verdict = CompletableFuture.supplyAsync(() -> {
            try {
                return engine.awaitCaughtUp(new CatchUpWatch(), 0, behind -> {
                    heard.add(behind);
                    looks.incrementAndGet();
                });
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        int seen = 0;
        while (!verdict.isDone()) {
            int now = looks.get();
            if (now > seen) {
                seen = now;
                scheduler.advance(1_000);
            } else {
                scheduler.runDue();
                Thread.onSpinWait();
            }
        }
        return verdict.get();
    }

    @Test
    void aPacedRebuildThatTakesLongerThanTheOldTimeoutFinishesWithTimeLeftOnTheWay() throws Exception {
        try (Engine engine = Engine.open(dir, clock, Map.of(), name -> scheduler)) {
            // given 31 events applied, then order-list rebuilding at one event every 2 s: 62 s of replay
            history(engine, 30);
            scheduler.runUntil(() -> engine.readSide().allCaughtUp());
            engine.rebuild(ORDER_LIST, 2_000);
            List<CatchUpWatch.Behind> heard = new CopyOnWriteArrayList<>();

            // when
            CatchUpWatch.Verdict verdict = waitWhileAdvancing(engine, heard);

            // then
            assertThat(verdict).isInstanceOf(CatchUpWatch.CaughtUp.class);
            assertThat(clock.millis() - START.toEpochMilli()).as("longer than the old 40 s limit").isGreaterThanOrEqualTo(60_000);
            assertThat(engine.projector(ORDER_LIST).status().checkpoint()).isEqualTo(31);
            assertThat(heard).anySatisfy(b -> assertThat(b.message())
                    .contains("order-list").contains(" / 31").contains("0 events/s").containsPattern("about \\d+ s left"));
            CatchUpWatch.Behind midway = heard.get(heard.size() / 2);
            assertThat(midway.msLeft()).as("time left, at 0.5 events/s").isBetween(10_000L, 50_000L);
        }
    }

    @Test
    void aProjectorThatStopsMovingEndsTheWaitWithItsName() throws Exception {
        // given order-list on a thread that never runs anything: its checkpoint can never move
        Scheduler stuck = new Scheduler() {
            @Override
            public void execute(Runnable task) {
            }

            @Override
            public Cancellable schedule(Runnable task, long delayMs) {
                return () -> { };
            }

            @Override
            public void close() {
            }
        };
        try (Engine engine = Engine.open(dir, clock, Map.of(), name -> ORDER_LIST.equals(name) ? stuck : scheduler)) {
            history(engine, 2);
            List<CatchUpWatch.Behind> heard = new CopyOnWriteArrayList<>();

            // when
            CatchUpWatch.Verdict verdict = waitWhileAdvancing(engine, heard);

            // then
            assertThat(verdict).isInstanceOf(CatchUpWatch.Stalled.class);
            assertThat(((CatchUpWatch.Stalled) verdict).projector()).isEqualTo(ORDER_LIST);
            assertThat(verdict.message()).startsWith("order-list stopped moving: its checkpoint has stayed at 0 of 3 for 30 s");
            assertThat(clock.millis() - START.toEpochMilli()).isBetween(30_000L, 32_000L);
            assertThat(engine.projector(ORDER_DETAIL).status().state()).isEqualTo(ProjectorState.CAUGHT_UP);
        }
    }
}
