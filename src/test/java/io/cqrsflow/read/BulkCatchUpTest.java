package io.cqrsflow.read;

import io.cqrsflow.domain.CustomerRegistered;
import io.cqrsflow.domain.Event;
import io.cqrsflow.domain.OrderLine;
import io.cqrsflow.domain.OrderPlaced;
import io.cqrsflow.eventstore.EventMetadata;
import io.cqrsflow.eventstore.ExpectedVersion;
import io.cqrsflow.eventstore.RecordedEvent;
import io.cqrsflow.eventstore.SqliteEventStore;
import io.cqrsflow.read.orderdetail.OrderDetailProjection;
import io.cqrsflow.read.orderlist.OrderListProjection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A projector far behind applies up to {@link Projector#BULK} events per transaction, and what it stores is the
 * same as event by event: every event once, in order, and at the checkpoint the log's hash as events.db computes
 * it — also from a checkpoint in the middle of a page, and for two projectors sharing the reads.
 */
class BulkCatchUpTest {
    @TempDir
    Path dir;

    MutableClock clock = new MutableClock(Instant.parse("2026-01-01T10:00:00Z"));
    ManualScheduler scheduler = new ManualScheduler(clock);
    SqliteEventStore store;
    ReadDatabase db;
    Map<String, List<List<Long>>> batches = new java.util.concurrent.ConcurrentHashMap<>();

    ProjectorListener listener = new ProjectorListener() {
        @Override
        public void applied(String projector, List<RecordedEvent> events, Instant appliedAt) {
            batches.computeIfAbsent(projector, n -> new ArrayList<>()).add(events.stream().map(RecordedEvent::position).toList());
        }

        @Override
        public void statusChanged(ProjectorStatus status) {
        }
    };

    @BeforeEach
    void open() {
        store = SqliteEventStore.open(dir.resolve("events.db"), clock);
        db = ReadDatabase.open(dir.resolve("read.db"), clock, store, m -> { });
    }

    @AfterEach
    void close() {
        db.close();
        store.close();
    }

    @Test
    void far_behind_it_applies_up_to_a_bulk_of_events_per_transaction_each_once_and_in_order() {
        // given more history than one bulk transaction holds
        long head = history(0, Projector.BULK + 1_500);
        Projector p = start(new OrderListProjection());

        // when it catches up
        scheduler.runDue();

        // then the first transaction held a whole bulk, and every event was applied once, in order
        List<List<Long>> applied = batches.get(p.name());
        assertThat(applied).hasSize(2);
        assertThat(applied.get(0)).hasSize(Projector.BULK);
        assertThat(applied.stream().flatMap(List::stream).toList()).hasSize((int) head).isSorted().doesNotHaveDuplicates();
        assertThat(db.checkpoint(p.name())).isEqualTo(head);
        assertThat(new io.cqrsflow.read.orderlist.OrderListQueries(db).listOrders()).hasSize(Projector.BULK + 1_500);
    }

    @Test
    void the_log_hash_at_its_checkpoint_is_events_db_s_own_also_from_the_middle_of_a_page_and_for_two_projectors() {
        // given a list projector caught up on 1 234 events (a checkpoint in the middle of a read page)
        history(0, 1_233);
        Projector list = start(new OrderListProjection());
        scheduler.runDue();
        assertThat(db.checkpoint(list.name())).isEqualTo(1_234);

        // when much more history comes, and a detail projector starts from nothing beside it
        long head = history(1_233, Projector.BULK * 2 + 77);
        Projector detail = start(new OrderDetailProjection());
        store.append("nudge", ExpectedVersion.ANY, List.of(new CustomerRegistered("c-2", "Bob")), EventMetadata.forCommand("t"));
        head++;
        scheduler.runDue();

        // then both stand at the head with the hash events.db computes for the log up to it
        String expected = store.logHashesAt(List.of(head)).get(head);
        assertThat(expected).isNotNull();
        for (Projector p : List.of(list, detail)) {
            ReadDatabase.Checkpoint at = db.checkpointOf(p.name());
            assertThat(at.position()).as(p.name()).isEqualTo(head);
            assertThat(at.logHash()).as(p.name()).isEqualTo(expected);
        }
    }

    private Projector start(Projection projection) {
        Projector p = new Projector(projection, store, db, clock, scheduler, 0, listener);
        p.start();
        return p;
    }

    /** A customer (the first time) and {@code orders} orders after the first {@code from}; returns the head. */
    private long history(int from, int orders) {
        List<Event> events = new ArrayList<>();
        if (from == 0) {
            events.add(new CustomerRegistered("c-1", "Ada"));
        }
        for (int i = from + 1; i <= from + orders; i++) {
            events.add(new OrderPlaced("o-" + i, "c-1", List.of(new OrderLine("BOOK-1", 1, new BigDecimal("2.50"))),
                    new BigDecimal("2.50")));
        }
        store.append("history-" + from, ExpectedVersion.ANY, events, EventMetadata.forCommand("history"));
        return store.head();
    }
}
