package io.cqrsflow.eventstore;

import io.cqrsflow.domain.Event;
import io.cqrsflow.domain.OrderPaid;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A store opened with its integrity check in the background (how the window opens a large store at once)
 * is still never written to when it is damaged: the first append waits for the check and throws the message
 * opening would have given, and the file is byte for byte as it was.
 */
@Timeout(60)
class BackgroundCheckTest {
    private static final int EVENTS = 10_000;

    @TempDir
    Path dir;

    private final TestClock clock = TestClock.at("2024-03-01T10:00:00Z");

    private Path file() {
        return dir.resolve("events.db");
    }

    /** {@code count} events in batches of 100, closed again (so the WAL is checkpointed into the file). */
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

    private void execute(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file()); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private long rows() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file()); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM events")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private String sha256() throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file())));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Opens in the background, appends at once (before the check can have finished), and expects the append
     * refused with all of {@code fragments}, the same message from checked() and unreadable(), and the file
     * unchanged.
     */
    private void assertFirstAppendRefused(String... fragments) throws Exception {
        String before = sha256();
        // A damaged page can end the check within a millisecond: open again (the file is never changed) until
        // an append comes while the check still runs, which is the case under test; ten tries at most.
        boolean pendingAtAppend = false;
        for (int attempt = 0; attempt < 10 && !pendingAtAppend; attempt++) {
            try (SqliteEventStore store = SqliteEventStore.openCheckingInBackground(file(), clock)) {
                CompletableFuture<String> checked = store.checked().toCompletableFuture();
                pendingAtAppend = !checked.isDone();

                assertThatThrownBy(() -> store.append("order-new", 0, List.of(new OrderPaid("o-new")),
                        EventMetadata.forCommand("late")))
                        .isInstanceOf(EventStoreException.class).message().contains(fragments);

                assertThat(checked.join()).contains(fragments);
                assertThat(store.unreadable()).isEqualTo(checked.join());
                assertThatThrownBy(() -> store.logHashesAt(List.of(1L))).message().contains(fragments);
            }
            assertThat(sha256()).as("sha256 of events.db").isEqualTo(before);
            assertThat(rows()).isEqualTo(EVENTS);
        }
        assertThat(pendingAtAppend).as("in ten tries, the check was still running when an append came").isTrue();
    }

    @Test
    void a_row_of_malformed_json_at_the_end_refuses_the_first_append_with_its_position() throws Exception {
        storeWith(EVENTS);
        execute("UPDATE events SET data = '{\"orderId\": ' WHERE position = " + EVENTS);

        assertFirstAppendRefused("position " + EVENTS, "cannot be read", "--fresh");
    }

    @Test
    void pages_overwritten_in_the_middle_refuse_the_first_append_as_damaged() throws Exception {
        storeWith(EVENTS);
        long pages = Files.size(file()) / 4096;
        try (RandomAccessFile raf = new RandomAccessFile(file().toFile(), "rw")) {
            byte[] garbage = new byte[4 * 4096];
            new Random(11).nextBytes(garbage);
            raf.seek((pages / 2) * 4096);
            raf.write(garbage);
        }

        assertFirstAppendRefused("is damaged", "has not written to it", "--fresh");
    }

    @Test
    void a_healthy_store_appends_after_its_check_and_knows_the_same_log_hashes() {
        storeWith(EVENTS);
        Map<Long, String> expected;
        try (SqliteEventStore store = SqliteEventStore.open(file(), clock)) {
            expected = store.logHashesAt(List.of(0L, 1L, 4_321L, (long) EVENTS));
        }

        try (SqliteEventStore store = SqliteEventStore.openCheckingInBackground(file(), clock)) {
            assertThat(store.head()).isEqualTo(EVENTS);
            List<RecordedEvent> appended = store.append("order-new", 0, List.of(new OrderPaid("o-new")),
                    EventMetadata.forCommand("after"));

            assertThat(appended).singleElement().extracting(RecordedEvent::position).isEqualTo(EVENTS + 1L);
            assertThat(store.checked().toCompletableFuture().join()).isNull();
            assertThat(store.unreadable()).isNull();
            assertThat(store.logHashesAt(expected.keySet())).isEqualTo(expected);
        }
    }

    @Test
    void a_check_asked_to_wait_starts_only_when_told_and_the_first_append_waits_for_it() throws Exception {
        storeWith(EVENTS);
        execute("UPDATE events SET data = '{\"orderId\": ' WHERE position = " + EVENTS);
        String before = sha256();
        CompletableFuture<Void> painted = new CompletableFuture<>();

        try (SqliteEventStore store = SqliteEventStore.openCheckingInBackground(file(), clock, painted)) {
            // the window's first frame is not drawn yet: the check has not begun (it would end in milliseconds)
            Thread.sleep(500);
            assertThat(store.checked().toCompletableFuture().isDone()).isFalse();
            CompletableFuture<List<RecordedEvent>> append = CompletableFuture.supplyAsync(() -> store.append("order-new",
                    0, List.of(new OrderPaid("o-new")), EventMetadata.forCommand("early")));
            Thread.sleep(200);
            assertThat(append).isNotDone();

            painted.complete(null);

            assertThat(store.checked().toCompletableFuture().join()).contains("position " + EVENTS);
            assertThatThrownBy(append::join).hasCauseInstanceOf(EventStoreException.class)
                    .cause().message().contains("position " + EVENTS, "cannot be read");
        }
        assertThat(sha256()).isEqualTo(before);
    }

    @Test
    void a_store_closed_before_its_check_began_closes_at_once() {
        storeWith(100);
        long start = System.nanoTime();
        try (SqliteEventStore store = SqliteEventStore.openCheckingInBackground(file(), clock, new CompletableFuture<>())) {
            assertThat(store.head()).isEqualTo(100);
        }
        assertThat((System.nanoTime() - start) / 1_000_000).as("ms to open and close").isLessThan(5_000);
    }

    @Test
    void a_store_that_is_not_ours_is_still_refused_while_opening() throws Exception {
        execute("CREATE TABLE notes(text TEXT)");

        assertThatThrownBy(() -> SqliteEventStore.openCheckingInBackground(file(), clock).close())
                .isInstanceOf(EventStoreException.class).message().contains("not a CQRS Flow event store");
    }
}
