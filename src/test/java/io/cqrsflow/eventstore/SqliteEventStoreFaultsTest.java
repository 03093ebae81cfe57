package io.cqrsflow.eventstore;

import io.cqrsflow.domain.Event;
import io.cqrsflow.domain.OrderPaid;
import io.cqrsflow.domain.OrderPlaced;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * A store that is not healthy is never written to, and storage errors are named and survived (issue 11,
 * items 2, 4 and 6): each case is given again on a real file, and the file is checked to be byte for byte
 * as it was.
 */
class SqliteEventStoreFaultsTest {

    @TempDir
    Path dir;

    private final TestClock clock = TestClock.at("2024-03-01T10:00:00Z");

    private Path file() {
        return dir.resolve("events.db");
    }

    /** {@code count} events in batches, closed again (so the WAL is checkpointed into the file). */
    private void storeWith(int count) {
        try (SqliteEventStore store = SqliteEventStore.open(file(), clock)) {
            for (int i = 0; i < count; i += 100) {
                List<Event> batch = new ArrayList<>();
                for (int j = i; j < Math.min(count, i + 100); j++) {
                    batch.add(new OrderPaid("o-" + j + "-" + "x".repeat(60)));
                }
                store.append("order-batch-" + i, 0, batch, EventMetadata.forCommand("c" + i));
            }
        }
    }

    private String sha256() throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file())));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Opening is refused, quickly, with all of {@code fragments} in the message, and the file is unchanged. */
    private void assertRefusedUnchanged(String... fragments) throws IOException {
        String before = sha256();
        long start = System.nanoTime();

        assertThatThrownBy(() -> SqliteEventStore.open(file(), clock).close())
                .isInstanceOf(EventStoreException.class)
                .message().contains(fragments);

        assertThat((System.nanoTime() - start) / 1_000_000).as("ms to refuse").isLessThan(5_000);
        assertThat(sha256()).as("sha256 of events.db").isEqualTo(before);
        assertThat(Files.exists(dir.resolve("events.db-wal"))).as("a WAL begun").isFalse();
    }

    @Test
    void a_store_with_four_pages_overwritten_in_the_middle_is_refused_before_anything_is_written() throws IOException {
        storeWith(2_000);
        long pages = Files.size(file()) / 4096;
        assertThat(pages).isGreaterThan(20);
        try (RandomAccessFile raf = new RandomAccessFile(file().toFile(), "rw")) {
            byte[] garbage = new byte[4 * 4096];
            new Random(7).nextBytes(garbage);
            raf.seek((pages / 2) * 4096);
            raf.write(garbage);
        }

        assertRefusedUnchanged("is damaged", "integrity check", "has not written to it", "--fresh");
    }

    @Test
    void a_row_of_malformed_json_is_refused_at_open_with_its_position() throws IOException {
        storeWith(300);
        new EventsDb(file()).execute("UPDATE events SET data = '{\"orderId\": ' WHERE position = 120");

        assertRefusedUnchanged("position 120", "cannot be read", "--fresh", "position < 120");
    }

    @Test
    void a_row_of_an_unknown_type_is_refused_at_open_with_its_position() throws IOException {
        storeWith(300);
        new EventsDb(file()).execute("UPDATE events SET type = 'OrderTeleported' WHERE position = 7");

        assertRefusedUnchanged("position 7", "unknown event type 'OrderTeleported'");
    }

    @Test
    void a_total_the_codec_refuses_is_refused_at_open_with_its_position() throws IOException {
        storeWith(10);
        new EventsDb(file()).execute("UPDATE events SET type = 'OrderPlaced', data = '{\"orderId\":\"o-1\","
                + "\"customerId\":\"c-1\",\"items\":[],\"total\":\"" + "9".repeat(5_000) + "\"}' WHERE position = 4");

        assertRefusedUnchanged("position 4", "cannot be read");
    }

    @Test
    void a_short_row_of_the_wrong_shape_is_found_on_its_first_read_and_nothing_is_appended_after_it() {
        storeWith(10);
        new EventsDb(file()).execute("UPDATE events SET data = '{\"orderId\": [1, 2]}' WHERE position = 3");

        try (SqliteEventStore store = SqliteEventStore.open(file(), clock)) {
            assertThat(store.unreadable()).isNull();
            assertThatThrownBy(() -> store.readAll(0, 100)).hasMessageContaining("position 3");
            assertThat(store.unreadable()).contains("position 3", "--fresh");

            assertThatThrownBy(() -> store.append("order-o-new", 0, List.of(new OrderPaid("o-new")),
                    EventMetadata.forCommand("c")))
                    .isInstanceOf(EventStoreException.class).hasMessageContaining("position 3");
        }
        assertThat(new EventsDb(file()).count()).isEqualTo(10);
    }

    @Test
    void a_schema_version_of_minus_one_is_named_and_the_file_left_alone() throws IOException {
        storeWith(10);
        new EventsDb(file()).execute("PRAGMA user_version = -1");

        assertRefusedUnchanged("schema version -1", "untouched");
    }

    @Test
    void our_mark_with_schema_version_0_and_tables_is_named_and_the_file_left_alone() throws IOException {
        EventsDb db = new EventsDb(file());
        db.execute("CREATE TABLE events(position INTEGER PRIMARY KEY)");
        db.execute("PRAGMA application_id = " + SqliteEventStore.APPLICATION_ID);

        assertRefusedUnchanged("schema version 0", "untouched");
    }

    @Test
    void our_mark_and_version_without_our_tables_is_named_and_the_file_left_alone() throws IOException {
        EventsDb db = new EventsDb(file());
        db.execute("CREATE TABLE notes(text TEXT)");
        db.execute("PRAGMA application_id = " + SqliteEventStore.APPLICATION_ID);
        db.execute("PRAGMA user_version = 1");

        assertRefusedUnchanged("has no events table", "untouched");
    }

    @Test
    void a_strangers_empty_file_of_version_7_is_not_called_a_newer_cqrs_flow() throws IOException {
        EventsDb db = new EventsDb(file());
        db.execute("PRAGMA application_id = 42");
        db.execute("PRAGMA user_version = 7");

        assertRefusedUnchanged("not a CQRS Flow event store", "application_id 0x0000002A, user_version 7", "untouched");
        assertThat(String.valueOf(db.scalar("PRAGMA application_id"))).isEqualTo("42");
    }

    @Test
    void a_strangers_empty_file_of_version_0_is_not_taken_over() throws IOException {
        EventsDb db = new EventsDb(file());
        db.execute("PRAGMA application_id = 42");

        assertRefusedUnchanged("not a CQRS Flow event store", "untouched");
        assertThat(String.valueOf(db.scalar("PRAGMA application_id"))).isEqualTo("42");
    }

    @Test
    void a_full_disk_is_named_nothing_is_stored_and_appends_resume_once_there_is_room() {
        try (SqliteEventStore store = SqliteEventStore.open(file(), clock)) {
            store.append("order-o-0", 0, List.of(new OrderPaid("o-0")), EventMetadata.forCommand("c0"));
            store.limitSizeTo(pageCount());
            List<Event> big = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                big.add(new OrderPaid("o-" + "y".repeat(200) + i));
            }

            for (int attempt = 0; attempt < 3; attempt++) {
                assertThatThrownBy(() -> store.append("order-big", 0, big, EventMetadata.forCommand("big")))
                        .isInstanceOf(EventStoreException.class)
                        .hasMessageContaining("the disk is full")
                        .message().doesNotContain("rollback", "within a transaction");
                assertThat(store.head()).isEqualTo(1);
                assertThat(new EventsDb(file()).count()).isEqualTo(1);
            }

            store.limitSizeTo(1_073_741_823);
            store.append("order-big", 0, big, EventMetadata.forCommand("big"));
            store.append("order-o-1", 0, List.of(new OrderPaid("o-1")), EventMetadata.forCommand("c1"));
            assertThat(store.head()).isEqualTo(202);
        }
        assertThat(new EventsDb(file()).count()).isEqualTo(202);
    }

    private long pageCount() {
        return ((Number) new EventsDb(file()).scalar("PRAGMA page_count")).longValue();
    }

    @Test
    void a_read_only_data_folder_says_why_it_cannot_be_locked() throws IOException {
        assumeThat(System.getProperty("user.name")).as("root may write anywhere").isNotEqualTo("root");
        Path folder = Files.createDirectory(dir.resolve("read-only"));
        assertThat(folder.toFile().setWritable(false, false)).isTrue();
        try {
            assertThatThrownBy(() -> SqliteEventStore.open(folder.resolve("events.db"), clock))
                    .isInstanceOf(EventStoreException.class)
                    .hasMessageContaining("cannot lock the data folder")
                    .hasMessageContaining("may not be written");
        } finally {
            folder.toFile().setWritable(true, false);
        }
    }

    @Test
    void an_event_that_would_not_read_back_is_refused_and_nothing_of_its_append_is_stored() {
        // given events the codec writes but cannot read again: a total of 1 002 digits (a long row), and one
        // whose exponent overflows when read (a short row: a length check alone would let it through)
        List<Event> unreadable = List.of(
                new OrderPlaced("o-long", "c-1", List.of(), new BigDecimal("1" + "0".repeat(1001))),
                new OrderPlaced("o-short", "c-1", List.of(), new BigDecimal(BigInteger.ONE, Integer.MIN_VALUE)));
        try (SqliteEventStore store = SqliteEventStore.open(file(), clock)) {
            for (Event bad : unreadable) {
                // when each is appended after a good event of the same append
                assertThatThrownBy(() -> store.append("order-x", ExpectedVersion.NO_STREAM,
                        List.of(new OrderPaid("o-x"), bad), EventMetadata.forCommand("c")))
                        // then it is refused, saying which event and why
                        .isInstanceOf(EventStoreException.class)
                        .message().contains("the OrderPlaced was not stored: it could not be read back");
            }
            // and nothing of either append is stored, and the store goes on
            assertThat(store.head()).isZero();
            assertThat(new EventsDb(file()).count()).isZero();
            List<RecordedEvent> next = store.append("order-x", ExpectedVersion.NO_STREAM, List.of(new OrderPaid("o-x")),
                    EventMetadata.forCommand("c"));
            assertThat(next.get(0).position()).isEqualTo(1);
            assertThat(store.unreadable()).isNull();
        }
    }
}
