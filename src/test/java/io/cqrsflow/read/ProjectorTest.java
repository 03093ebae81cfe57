package io.cqrsflow.read;

import io.cqrsflow.domain.CancelOrder;
import io.cqrsflow.domain.Command;
import io.cqrsflow.domain.Event;
import io.cqrsflow.domain.OrderLine;
import io.cqrsflow.domain.OrderPlaced;
import io.cqrsflow.domain.OrderStatus;
import io.cqrsflow.domain.PayOrder;
import io.cqrsflow.domain.PlaceOrder;
import io.cqrsflow.domain.RegisterCustomer;
import io.cqrsflow.eventstore.EventMetadata;
import io.cqrsflow.eventstore.ExpectedVersion;
import io.cqrsflow.eventstore.SqliteEventStore;
import io.cqrsflow.read.orderlist.OrderListProjection;
import io.cqrsflow.read.orderlist.OrderListQueries;
import io.cqrsflow.read.salesbycustomer.SalesByCustomerProjection;
import io.cqrsflow.read.salesbycustomer.SalesByCustomerQueries;
import io.cqrsflow.write.CommandEnvelope;
import io.cqrsflow.write.CommandHandler;
import io.cqrsflow.write.CommandResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The projector on a manual clock and scheduler: order, delay, pause, step, rebuild, exactly once.
 *
 * <p>Longer than 300 lines on purpose: every projector control has its own timed case on the same manual
 * clock, and splitting them would split that one fixture.
 */
class ProjectorTest {
    @TempDir
    Path dir;

    MutableClock clock = new MutableClock(Instant.parse("2026-01-01T10:00:00Z"));
    ManualScheduler scheduler = new ManualScheduler(clock);
    SqliteEventStore store;
    ReadDatabase db;
    CommandHandler handler;
    List<ProjectorStatus> statuses = new ArrayList<>();
    List<Long> appliedPositions = new ArrayList<>();

    ProjectorListener listener = new ProjectorListener() {
        @Override
        public void applied(String projector, List<io.cqrsflow.eventstore.RecordedEvent> events, Instant appliedAt) {
            events.forEach(e -> appliedPositions.add(e.position()));
        }

        @Override
        public void statusChanged(ProjectorStatus status) {
            statuses.add(status);
        }
    };

    @BeforeEach
    void open() {
        store = SqliteEventStore.open(dir.resolve("events.db"), clock);
        db = ReadDatabase.open(dir.resolve("read.db"), clock, store, m -> { });
        handler = new CommandHandler(store);
    }

    @AfterEach
    void close() {
        db.close();
        store.close();
    }

    private void given(Command... commands) {
        for (Command c : commands) {
            CommandResult r = handler.handle(CommandEnvelope.of(UUID.randomUUID().toString(), c));
            assertThat(r).isInstanceOf(CommandResult.Accepted.class);
        }
    }

    private static PlaceOrder order(String id) {
        return new PlaceOrder(id, "c-1", List.of(new OrderLine("BOOK-1", 2, new BigDecimal("12.50"))));
    }

    private Projector listProjector(long delayMs) {
        Projector p = new Projector(new OrderListProjection(), store, db, clock, scheduler, delayMs, listener);
        p.start();
        return p;
    }

    @Test
    void appliesAnEventNoEarlierThanRecordedAtPlusDelay() {
        // given a projector with a 2 s delay and two events recorded now
        Projector p = listProjector(2_000);
        given(new RegisterCustomer("c-1", "Ada Lovelace"), order("o-1"));
        scheduler.runDue();
        OrderListQueries list = new OrderListQueries(db);

        // when 1999 ms pass, then nothing is applied yet, and the lag says so
        scheduler.advance(1_999);
        assertThat(list.listOrders()).isEmpty();
        assertThat(p.status().eventsBehind()).isEqualTo(2);
        assertThat(p.status().timeBehindMs(clock.instant())).isEqualTo(1_999);
        assertThat(p.status().state()).isEqualTo(ProjectorState.RUNNING);

        // when the delay has passed, then both are applied and the projector is caught up
        scheduler.advance(1);
        assertThat(list.listOrders()).extracting(OrderSummary::orderId).containsExactly("o-1");
        assertThat(list.listOrders().get(0).customerName()).isEqualTo("Ada Lovelace");
        assertThat(p.status().state()).isEqualTo(ProjectorState.CAUGHT_UP);
        assertThat(p.status().eventsBehind()).isZero();
        assertThat(p.status().timeBehindMs(clock.instant())).isZero();
        assertThat(db.checkpoint("order-list")).isEqualTo(2);
    }

    @Test
    void eventsAreAppliedStrictlyInPositionOrder() {
        Projector p = listProjector(500);
        given(new RegisterCustomer("c-1", "Ada"));
        clock.advanceMs(100);
        given(order("o-1"));
        clock.advanceMs(100);
        given(new PayOrder("o-1"), new CancelOrder("o-1", "changed mind"));
        // recorded at 0, 100, 200 and 200; now is 200, the first is due at 500
        scheduler.advance(299);
        assertThat(appliedPositions).isEmpty();
        scheduler.advance(1);
        assertThat(appliedPositions).containsExactly(1L);
        scheduler.advance(100);
        assertThat(appliedPositions).containsExactly(1L, 2L);
        scheduler.advance(100);
        assertThat(appliedPositions).containsExactly(1L, 2L, 3L, 4L);
        assertThat(new OrderListQueries(db).listOrders().get(0).status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(p.status().checkpoint()).isEqualTo(4);
    }

    @Test
    void anEventThatCannotBeReadStopsTheProjectorWithTheReasonInsteadOfStallingSilently() throws Exception {
        // given an event whose JSON a learner broke in a database browser
        given(new RegisterCustomer("c-1", "Ada"), order("o-1"));
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("events.db"));
             java.sql.Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE events SET data = '{not json' WHERE position = 2");
        }

        // when the projector reads it
        Projector p = listProjector(0);
        scheduler.runDue();

        // then it stops where it is, saying why (the page holding the bad event could not be read)
        assertThat(p.status().state()).isEqualTo(ProjectorState.FAILED);
        assertThat(p.status().checkpoint()).isZero();
        assertThat(p.status().problem()).contains("position 2");
        assertThat(statuses).extracting(ProjectorStatus::state).contains(ProjectorState.FAILED);
    }

    @Test
    void catchesUpOnMoreEventsThanOneBatchHolds() {
        // given more than two batches' worth of history before the projector starts
        given(new RegisterCustomer("c-1", "Ada"));
        for (int i = 0; i < Projector.BATCH; i++) {
            given(order("o-" + i), new PayOrder("o-" + i));
        }
        Projector p = listProjector(0);

        // when it runs until nothing is left to do now
        scheduler.runDue();

        // then it applied everything, in batches
        assertThat(p.status().checkpoint()).isEqualTo(store.head()).isEqualTo(2L * Projector.BATCH + 1);
        assertThat(p.status().state()).isEqualTo(ProjectorState.CAUGHT_UP);
        assertThat(new OrderListQueries(db).listOrders()).hasSize(Projector.BATCH)
                .allSatisfy(row -> assertThat(row.status()).isEqualTo(OrderStatus.PAID));
    }

    @Test
    void loweringTheDelayAppliesWaitingEventsAtOnce() {
        Projector p = listProjector(10_000);
        given(new RegisterCustomer("c-1", "Ada"), order("o-1"));
        scheduler.advance(1_000);
        assertThat(p.status().eventsBehind()).isEqualTo(2);

        p.setDelay(0);
        scheduler.runDue();

        assertThat(p.status().eventsBehind()).isZero();
        assertThat(p.status().delayMs()).isZero();
    }

    @Test
    void raisingTheDelayHoldsBackEventsNotYetApplied() {
        Projector p = listProjector(1_000);
        given(new RegisterCustomer("c-1", "Ada"));
        scheduler.runDue();
        p.setDelay(5_000);
        scheduler.advance(4_000);
        assertThat(p.status().eventsBehind()).isEqualTo(1);
        scheduler.advance(1_000);
        assertThat(p.status().eventsBehind()).isZero();
    }

    @Test
    void delayIsClampedToTenSeconds() {
        Projector p = listProjector(0);
        p.setDelay(60_000);
        scheduler.runDue();
        assertThat(p.status().delayMs()).isEqualTo(10_000);
    }

    @Test
    void pauseStopsApplyingAndStepAppliesExactlyOneEvent() {
        Projector p = listProjector(0);
        p.pause();
        scheduler.runDue();
        given(new RegisterCustomer("c-1", "Ada"), order("o-1"), new PayOrder("o-1"));
        scheduler.advance(5_000);
        assertThat(p.status().state()).isEqualTo(ProjectorState.PAUSED);
        assertThat(p.status().checkpoint()).isZero();

        p.step();
        scheduler.runDue();
        assertThat(p.status().checkpoint()).isEqualTo(1);
        assertThat(appliedPositions).containsExactly(1L);

        p.step();
        scheduler.runDue();
        assertThat(p.status().checkpoint()).isEqualTo(2);

        p.resume();
        scheduler.runDue();
        assertThat(p.status().checkpoint()).isEqualTo(3);
        assertThat(p.status().state()).isEqualTo(ProjectorState.CAUGHT_UP);
    }

    @Test
    void stepIgnoresTheDelay() {
        Projector p = listProjector(10_000);
        p.pause();
        given(new RegisterCustomer("c-1", "Ada"));
        p.step();
        scheduler.runDue();
        assertThat(p.status().checkpoint()).isEqualTo(1);
    }

    @Test
    void rebuildEmptiesTheTablesAndReplaysToTheSameRows() {
        Projector p = listProjector(0);
        given(new RegisterCustomer("c-1", "Ada"), order("o-1"), order("o-2"), new PayOrder("o-2"));
        scheduler.runDue();
        OrderListQueries list = new OrderListQueries(db);
        List<OrderSummary> before = list.listOrders();

        p.rebuild();
        scheduler.runDue();

        assertThat(list.listOrders()).isEqualTo(before);
        assertThat(p.status().checkpoint()).isEqualTo(store.head());
        assertThat(statuses).extracting(ProjectorStatus::state).contains(ProjectorState.REBUILDING);
        assertThat(p.status().state()).isEqualTo(ProjectorState.CAUGHT_UP);
    }

    @Test
    void rebuildingAnEmptyStoreIsDoneAtOnce() {
        // given
        Projector p = listProjector(0);
        scheduler.runDue();

        // when
        p.rebuild();
        scheduler.runDue();

        // then
        assertThat(statuses).extracting(ProjectorStatus::state).contains(ProjectorState.REBUILDING);
        assertThat(p.status().state()).isEqualTo(ProjectorState.CAUGHT_UP);
        assertThat(p.status().rebuildProgress()).isEqualTo(1.0);
    }

    @Test
    void aRebuildIsOverOnceItReachesTheHeadItStartedFrom() {
        // given a projector with a 1 s delay, rebuilt over two events
        Projector p = listProjector(1_000);
        given(new RegisterCustomer("c-1", "Ada"), order("o-1"));
        p.rebuild();
        scheduler.runDue();

        // when a third event arrives during the rebuild, and the first two become due
        clock.advanceMs(500);
        given(new PayOrder("o-1"));
        scheduler.advance(500);

        // then the rebuild is over; the projector is only waiting for the new event's delay
        assertThat(p.status().checkpoint()).isEqualTo(2);
        assertThat(p.status().state()).isEqualTo(ProjectorState.RUNNING);
        assertThat(p.status().rebuildTarget()).isZero();
        scheduler.advance(500);
        assertThat(p.status().state()).isEqualTo(ProjectorState.CAUGHT_UP);
    }

    @Test
    void restartResumesFromTheStoredCheckpoint() {
        Projector p = listProjector(0);
        given(new RegisterCustomer("c-1", "Ada"), order("o-1"));
        scheduler.runDue();
        p.close();
        given(new PayOrder("o-1"));
        appliedPositions.clear();

        Projector again = listProjector(0);
        scheduler.runDue();

        assertThat(appliedPositions).containsExactly(3L);
        assertThat(again.status().checkpoint()).isEqualTo(3);
    }

    /** Appends a customer and {@code orders} orders in one go: more history than one batch. */
    private long longHistory(int orders) {
        given(new RegisterCustomer("c-1", "Ada"));
        List<Event> events = new ArrayList<>();
        for (int i = 1; i <= orders; i++) {
            events.add(new OrderPlaced("o-" + i, "c-1", List.of(new OrderLine("BOOK-1", 1, new BigDecimal("2.50"))),
                    new BigDecimal("2.50")));
        }
        store.append("history", ExpectedVersion.ANY, events, EventMetadata.forCommand("history"));
        return store.head();
    }

    @Test
    void catchesUpFromFurtherBehindThanOneBatch() {
        // given more events than one batch, and a projector starting from 0
        long head = longHistory(Projector.BATCH * 2 + 500);
        Projector p = listProjector(0);

        // when it runs, with no further append to wake it
        scheduler.runDue();

        // then it applied them all, in batches
        assertThat(p.status().checkpoint()).isEqualTo(head);
        assertThat(p.status().state()).isEqualTo(ProjectorState.CAUGHT_UP);
        assertThat(appliedPositions).hasSize((int) head).isSorted().doesNotHaveDuplicates();
        assertThat(new OrderListQueries(db).listOrders()).hasSize(Projector.BATCH * 2 + 500);
    }

    @Test
    void rebuildsMoreThanOneBatch() {
        // given
        long head = longHistory(Projector.BATCH + 10);
        Projector p = listProjector(0);
        scheduler.runDue();
        List<OrderSummary> before = new OrderListQueries(db).listOrders();

        // when
        p.rebuild();
        scheduler.runDue();

        // then
        assertThat(p.status().checkpoint()).isEqualTo(head);
        assertThat(p.status().state()).isEqualTo(ProjectorState.CAUGHT_UP);
        assertThat(new OrderListQueries(db).listOrders()).isEqualTo(before);
    }

    @Test
    void aCrashBetweenApplyAndCommitNeitherSkipsNorDoublesAnEvent() {
        // given a projection that writes its rows and then dies before the commit, on the 3rd event
        given(new RegisterCustomer("c-1", "Ada"), order("o-1"), order("o-2"), new PayOrder("o-1"));
        Projection crashing = new CrashingProjection(new SalesByCustomerProjection(), 3);
        Projector p = new Projector(crashing, store, db, clock, scheduler, 0, listener);
        p.start();
        scheduler.runDue();

        // then the failed batch was rolled back: checkpoint and rows are as before it
        assertThat(p.status().state()).isEqualTo(ProjectorState.FAILED);
        long checkpointAfterCrash = db.checkpoint(crashing.name());
        assertThat(checkpointAfterCrash).isZero();
        assertThat(new SalesByCustomerQueries(db).all()).isEmpty();
        p.close();

        // when the process "restarts" with a healthy projection
        Projector restarted = new Projector(new SalesByCustomerProjection(), store, db, clock, scheduler, 0, listener);
        restarted.start();
        scheduler.runDue();

        // then every order was counted exactly once
        assertThat(new SalesByCustomerQueries(db).all()).singleElement()
                .satisfies(row -> {
                    assertThat(row.orders()).isEqualTo(2);
                    assertThat(row.revenue()).isEqualByComparingTo("50.00");
                });
        assertThat(db.checkpoint("sales-by-customer")).isEqualTo(4);
    }

    @Test
    void aRebuildAfterAFailureAppliesAgain() {
        // given a projector that failed on its 3rd event and stopped
        given(new RegisterCustomer("c-1", "Ada"), order("o-1"), order("o-2"), new PayOrder("o-1"));
        Projection crashing = new CrashingProjection(new SalesByCustomerProjection(), 3);
        Projector p = new Projector(crashing, store, db, clock, scheduler, 0, listener);
        p.start();
        scheduler.runDue();
        assertThat(p.status().state()).isEqualTo(ProjectorState.FAILED);

        // when the user rebuilds it (the fault was passing: the writer does not fail again)
        p.rebuild();
        scheduler.runDue();

        // then it replays from 0 and catches up, instead of sitting paused
        assertThat(p.status().state()).isEqualTo(ProjectorState.CAUGHT_UP);
        assertThat(p.status().checkpoint()).isEqualTo(store.head());
        assertThat(new SalesByCustomerQueries(db).all()).singleElement()
                .satisfies(row -> assertThat(row.orders()).isEqualTo(2));
    }

    @Test
    void aStepOnAFailedProjectorAppliesOneEventAndLeavesItPaused() {
        // given a projector that failed on its 3rd event
        given(new RegisterCustomer("c-1", "Ada"), order("o-1"), order("o-2"), new PayOrder("o-1"));
        Projector p = new Projector(new CrashingProjection(new SalesByCustomerProjection(), 3), store, db, clock,
                scheduler, 0, listener);
        p.start();
        scheduler.runDue();
        long stuckAt = p.status().checkpoint();

        // when the user steps it past the fault
        p.step();
        scheduler.runDue();

        // then exactly one event was applied, and it waits for the next step or a resume
        assertThat(p.status().checkpoint()).isEqualTo(stuckAt + 1);
        assertThat(p.status().state()).isEqualTo(ProjectorState.PAUSED);
        p.resume();
        scheduler.runDue();
        assertThat(p.status().state()).isEqualTo(ProjectorState.CAUGHT_UP);
    }

    @Test
    void aProjectorPausedByTheUserStaysPausedThroughARebuild() {
        Projector p = listProjector(0);
        given(new RegisterCustomer("c-1", "Ada"), order("o-1"));
        scheduler.runDue();
        p.pause();
        p.rebuild();
        scheduler.runDue();

        assertThat(p.status().state()).isEqualTo(ProjectorState.PAUSED);
        assertThat(p.status().checkpoint()).isZero();
        p.resume();
        scheduler.runDue();
        assertThat(p.status().state()).isEqualTo(ProjectorState.CAUGHT_UP);
    }
}
