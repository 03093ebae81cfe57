package io.cqrsflow.read;

import io.cqrsflow.domain.CustomerRegistered;
import io.cqrsflow.domain.Event;
import io.cqrsflow.eventstore.EventMetadata;
import io.cqrsflow.eventstore.ExpectedVersion;
import io.cqrsflow.eventstore.LogHash;
import io.cqrsflow.eventstore.RecordedEvent;
import io.cqrsflow.eventstore.SqliteEventStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;

/** The log hash after a batch, shared between projectors: always the value computing it event by event gives. */
class SharedLogHashesTest {

    @TempDir
    Path dir;

    @Test
    void gives_the_chained_hash_whoever_asks_and_from_whatever_hash() throws Exception {
        try (SqliteEventStore store = storeWith("a", 30)) {
            List<RecordedEvent> batch = store.readAll(0, 30);
            String other = chain(LogHash.EMPTY, store.readAll(0, 1));
            ExecutorService second = Executors.newSingleThreadExecutor();
            try {
                assertThat(SharedLogHashes.after(LogHash.EMPTY, batch)).isEqualTo(chain(LogHash.EMPTY, batch));
                assertThat(second.submit(() -> SharedLogHashes.after(LogHash.EMPTY, batch)).get())
                        .isEqualTo(chain(LogHash.EMPTY, batch));
                assertThat(SharedLogHashes.after(other, batch)).isEqualTo(chain(other, batch))
                        .isNotEqualTo(chain(LogHash.EMPTY, batch));
                assertThat(SharedLogHashes.after(LogHash.EMPTY, batch.subList(0, 29)))
                        .isEqualTo(chain(LogHash.EMPTY, batch.subList(0, 29)));
            } finally {
                second.shutdownNow();
            }
        }
    }

    @Test
    void two_logs_with_the_same_positions_keep_their_own_hashes() {
        try (SqliteEventStore one = storeWith("one", 20); SqliteEventStore two = storeWith("two", 20)) {
            List<RecordedEvent> a = one.readAll(0, 20);
            List<RecordedEvent> b = two.readAll(0, 20);

            String hashA = SharedLogHashes.after(LogHash.EMPTY, a);
            String hashB = SharedLogHashes.after(LogHash.EMPTY, b);

            assertThat(hashA).isEqualTo(chain(LogHash.EMPTY, a));
            assertThat(hashB).isEqualTo(chain(LogHash.EMPTY, b)).isNotEqualTo(hashA);
        }
    }

    private SqliteEventStore storeWith(String name, int events) {
        SqliteEventStore store = SqliteEventStore.open(dir.resolve(name).resolve("events.db"), Clock.systemUTC());
        for (int i = 0; i < events; i++) {
            List<Event> one = List.of(new CustomerRegistered("c-" + i, name + " " + i));
            store.append("customer-c-" + i, ExpectedVersion.NO_STREAM, one, EventMetadata.forCommand("test"));
        }
        return store;
    }

    private static String chain(String from, List<RecordedEvent> events) {
        LogHash hash = LogHash.from(from);
        new ArrayList<>(events).forEach(hash::add);
        return hash.value();
    }
}
