package io.cqrsflow.read;

import io.cqrsflow.domain.CustomerRegistered;
import io.cqrsflow.eventstore.EventMetadata;
import io.cqrsflow.eventstore.EventStoreException;
import io.cqrsflow.eventstore.ExpectedVersion;
import io.cqrsflow.eventstore.RecordedEvent;
import io.cqrsflow.eventstore.SqliteEventStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The truth's fold reads the log a page ahead ({@link ReadAhead}): it hands out exactly what the store would,
 * page after page, also when the page asked for is not the one guessed, when the log has grown since a short
 * page was read, and an event that cannot be read fails the read of its own page, not an earlier one.
 */
class ReadAheadTest {
    @TempDir
    Path dir;

    private SqliteEventStore store() {
        return SqliteEventStore.open(dir.resolve("events.db"), Clock.systemUTC());
    }

    private static void customers(SqliteEventStore store, int from, int count) {
        List<CustomerRegistered> events = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            events.add(new CustomerRegistered("c-" + i, "Customer " + i));
        }
        store.append("customers", ExpectedVersion.ANY, events, EventMetadata.forCommand("given-" + from));
    }

    private static List<Long> positions(List<RecordedEvent> events) {
        return events.stream().map(RecordedEvent::position).toList();
    }

    @Test
    void pageAfterPageItHandsOutWhatTheStoreHolds() {
        try (SqliteEventStore store = store(); ReadAhead ahead = new ReadAhead(store)) {
            customers(store, 0, 2_500);
            List<Long> read = new ArrayList<>();
            long at = 0;
            while (true) {
                List<RecordedEvent> page = ahead.readAll(at, 300);
                assertThat(positions(page)).isEqualTo(positions(store.readAll(at, 300)));
                if (page.isEmpty()) {
                    break;
                }
                page.forEach(e -> read.add(e.position()));
                at = page.get(page.size() - 1).position();
            }
            assertThat(read).hasSize(2_500).startsWith(1L).endsWith(2_500L);
            // a page other than the one guessed, and another length
            assertThat(positions(ahead.readAll(10, 5))).containsExactly(11L, 12L, 13L, 14L, 15L);
            assertThat(positions(ahead.readAll(15, 3))).containsExactly(16L, 17L, 18L);
        }
    }

    @Test
    void aShortPageIsReadAgainOnceTheLogHasGrown() {
        try (SqliteEventStore store = store(); ReadAhead ahead = new ReadAhead(store)) {
            customers(store, 0, 150);
            assertThat(ahead.readAll(0, 100)).hasSize(100); // the next page, read ahead, has 50
            customers(store, 150, 100);
            assertThat(positions(ahead.readAll(100, 100))).hasSize(100).startsWith(101L).endsWith(200L);
        }
    }

    @Test
    void anUnreadableEventFailsTheReadOfItsOwnPage() throws Exception {
        try (SqliteEventStore store = store()) {
            customers(store, 0, 40);
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("events.db"));
             Statement s = c.createStatement()) {
            s.execute("UPDATE events SET data = '{\"customerId\": [1]}' WHERE position = 25");
        }
        try (SqliteEventStore store = store(); ReadAhead ahead = new ReadAhead(store)) {
            assertThat(ahead.readAll(0, 10)).hasSize(10);
            assertThat(ahead.readAll(10, 10)).hasSize(10); // the page after it, read ahead, has the bad event
            assertThatThrownBy(() -> ahead.readAll(20, 10)).isInstanceOf(EventStoreException.class)
                    .hasMessageContaining("position 25");
        }
    }
}
