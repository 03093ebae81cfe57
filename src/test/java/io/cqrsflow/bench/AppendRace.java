package io.cqrsflow.bench;

import io.cqrsflow.domain.Event;
import io.cqrsflow.eventstore.ExpectedVersion;
import io.cqrsflow.eventstore.SqliteEventStore;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import static io.cqrsflow.bench.StorePaths.APPEND_BATCH;
import static io.cqrsflow.bench.StorePaths.META;
import static io.cqrsflow.bench.StorePaths.batch;

/**
 * Appends of batches of {@value StorePaths#APPEND_BATCH} events, each batch a new stream, two ways side by side on
 * fresh files: through {@link SqliteEventStore#append}, and raw sqlite-jdbc inserting the same rows
 * ({@link RawPaths.RawAppender}). Every append is a durable commit, a disk flush whose time moves from second to
 * second on a shared machine; so the two take turns in blocks of {@value #BLOCK} batches, in alternating order,
 * and each side's rate is its events over its own summed time: both see the disk as it was at nearly the same
 * moments.
 */
final class AppendRace {
    private static final int BLOCK = 10;

    private AppendRace() {
    }

    /** One round on fresh files under {@code dir}: events/s of the store and of raw sqlite-jdbc, in that order. */
    static double[] round(Path dir, int total) throws Exception {
        try (SqliteEventStore store = SqliteEventStore.open(dir.resolve("store").resolve("events.db"), Clock.systemUTC());
             RawPaths.RawAppender raw = new RawPaths.RawAppender(dir.resolve("raw"))) {
            long[] nanos = new long[2];
            int blocks = total / APPEND_BATCH / BLOCK;
            for (int block = 0; block < blocks; block++) {
                for (int k = 0; k < 2; k++) {
                    int side = (block + k) % 2;
                    long start = System.nanoTime();
                    for (int i = block * BLOCK; i < (block + 1) * BLOCK; i++) {
                        List<Event> events = batch(APPEND_BATCH, i);
                        if (side == 0) {
                            store.append("order-o-" + i, ExpectedVersion.NO_STREAM, events, META);
                        } else {
                            raw.append("order-o-" + i, events);
                        }
                    }
                    nanos[side] += System.nanoTime() - start;
                }
            }
            double measured = (double) blocks * BLOCK * APPEND_BATCH;
            return new double[] {measured / (nanos[0] / 1e9), measured / (nanos[1] / 1e9)};
        }
    }
}
