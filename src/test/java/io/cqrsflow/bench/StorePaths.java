package io.cqrsflow.bench;

import io.cqrsflow.domain.Event;
import io.cqrsflow.domain.OrderLine;
import io.cqrsflow.domain.OrderPaid;
import io.cqrsflow.domain.OrderPlaced;
import io.cqrsflow.eventstore.EventCodec;
import io.cqrsflow.eventstore.EventMetadata;
import io.cqrsflow.eventstore.RecordedEvent;
import io.cqrsflow.eventstore.SqliteEventStore;
import io.cqrsflow.read.ExecutorScheduler;
import io.cqrsflow.read.ProjectionNames;
import io.cqrsflow.read.Projector;
import io.cqrsflow.read.ProjectorListener;
import io.cqrsflow.read.ProjectorStatus;
import io.cqrsflow.read.ReadDatabase;
import io.cqrsflow.read.ReadSide;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/** CQRS Flow's own paths, each the counterpart of one in {@link RawPaths}. */
final class StorePaths {
    static final EventCodec CODEC = new EventCodec();
    static final EventMetadata META = EventMetadata.forCommand("bench");
    static final int APPEND_BATCH = 100;

    private StorePaths() {
    }

    static List<Event> batch(int n, int seed) {
        List<Event> events = new ArrayList<>(n);
        String order = "o-" + seed;
        events.add(new OrderPlaced(order, "c-1", List.of(new OrderLine("BOOK-1", 2, new BigDecimal("12.50"))), new BigDecimal("25.00")));
        while (events.size() < n) {
            events.add(new OrderPaid(order));
        }
        return events;
    }

    /** Seconds for the real projectors (order-list and order-detail, delay 0) to catch up from position 0. */
    static double rebuildStore(Path history, Path readDb) throws InterruptedException {
        try (SqliteEventStore store = SqliteEventStore.open(history.resolve("events.db"), Clock.systemUTC())) {
            long head = store.head();
            CountDownLatch done = new CountDownLatch(2);
            ProjectorListener listener = new ProjectorListener() {
                @Override
                public void applied(String projector, List<RecordedEvent> events, Instant appliedAt) {
                    if (events.get(events.size() - 1).position() == head) {
                        done.countDown();
                    }
                }

                @Override
                public void statusChanged(ProjectorStatus status) {
                }
            };
            long start = System.nanoTime();
            try (ReadDatabase db = ReadDatabase.open(readDb, Clock.systemUTC(), store, m -> { })) {
                List<Projector> projectors = new ArrayList<>();
                for (String name : ProjectionNames.AT_START) {
                    Projector p = new Projector(ReadSide.projection(name), store, db, Clock.systemUTC(),
                            new ExecutorScheduler("bench " + name), 0, listener);
                    projectors.add(p);
                    p.start();
                }
                done.await();
                double s = seconds(start);
                projectors.forEach(Projector::close);
                return s;
            }
        }
    }

    static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
