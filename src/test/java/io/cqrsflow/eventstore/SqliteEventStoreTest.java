package io.cqrsflow.eventstore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cqrsflow.domain.CustomerRegistered;
import io.cqrsflow.domain.Event;
import io.cqrsflow.domain.OrderCancelled;
import io.cqrsflow.domain.OrderLine;
import io.cqrsflow.domain.OrderPaid;
import io.cqrsflow.domain.OrderPlaced;
import io.cqrsflow.domain.OrderShipped;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The SQLite event store on real files: appends, reads, versions, conflicts, notifications, reopening.
 *
 * <p>Longer than 300 lines on purpose: it is the store's contract, one nested group per operation.
 */
class SqliteEventStoreTest {

    private static final EventMetadata META = new EventMetadata("cmd-1", "corr-1", "cause-1");

    @TempDir
    Path dir;
    Path file;
    TestClock clock;
    SqliteEventStore store;
    EventsDb db;

    @BeforeEach
    void open() {
        file = dir.resolve("events.db");
        clock = TestClock.at("2024-03-01T10:15:30.123456789Z");
        store = SqliteEventStore.open(file, clock);
        db = new EventsDb(file);
    }

    @AfterEach
    void close() {
        store.close();
    }

    static OrderPlaced placed(String orderId) {
        return new OrderPlaced(orderId, "c-1", List.of(new OrderLine("BOOK-1", 2, new BigDecimal("12.50")),
                new OrderLine("PEN-1", 3, new BigDecimal("0.10"))), new BigDecimal("25.30"));
    }

    static List<Event> oneOfEach() {
        return List.of(new CustomerRegistered("c-1", "Ada Lovelace"), placed("o-1"), new OrderPaid("o-1"),
                new OrderShipped("o-1"), new OrderCancelled("o-2", "changed mind"));
    }

    private List<RecordedEvent> append(String stream, long expected, Event... events) {
        return store.append(stream, expected, List.of(events), META);
    }

    @Nested
    class Appending {

        @Test
        void round_trips_every_event_type() {
            List<Event> events = oneOfEach();
            for (Event event : events) {
                append("stream-" + event.type(), ExpectedVersion.NO_STREAM, event);
            }

            assertThat(store.readAll(0, 100)).extracting(RecordedEvent::event).containsExactlyElementsOf(events);
            assertThat(store.readAll(0, 100)).extracting(RecordedEvent::type)
                    .containsExactly("CustomerRegistered", "OrderPlaced", "OrderPaid", "OrderShipped", "OrderCancelled");
            assertThat(store.readAll(0, 100)).extracting(RecordedEvent::metadata).containsOnly(META);
        }

        @Test
        void writes_money_as_exact_strings_in_the_data_column() throws Exception {
            append("order-o-1", ExpectedVersion.NO_STREAM, placed("o-1"));

            String data = (String) db.scalar("SELECT data FROM events WHERE position = 1");
            JsonNode json = new ObjectMapper().readTree(data);
            assertThat(json.get("total").isTextual()).isTrue();
            assertThat(json.get("total").asText()).isEqualTo("25.30");
            assertThat(json.get("items").get(0).get("unitPrice").asText()).isEqualTo("12.50");
            assertThat(json.get("items").get(1).get("unitPrice").asText()).isEqualTo("0.10");
            assertThat(json.get("items").get(0).get("quantity").asInt()).isEqualTo(2);
            assertThat(store.readAll(0, 1).get(0).data()).isEqualTo(data);
            assertThat(db.scalar("SELECT type FROM events WHERE position = 1")).isEqualTo("OrderPlaced");
        }

        @Test
        void returns_what_it_recorded_with_positions_and_versions() {
            List<RecordedEvent> first = append("order-o-1", 0, placed("o-1"), new OrderPaid("o-1"));
            List<RecordedEvent> second = append("customer-c-1", 0, new CustomerRegistered("c-1", "Ada"));
            List<RecordedEvent> third = append("order-o-1", 2, new OrderShipped("o-1"));

            assertThat(first).extracting(RecordedEvent::position, RecordedEvent::streamVersion)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(1L, 1L), org.assertj.core.groups.Tuple.tuple(2L, 2L));
            assertThat(second.get(0).position()).isEqualTo(3);
            assertThat(second.get(0).streamVersion()).isEqualTo(1);
            assertThat(third.get(0).position()).isEqualTo(4);
            assertThat(third.get(0).streamVersion()).isEqualTo(3);
            List<RecordedEvent> all = new ArrayList<>(first);
            all.addAll(second);
            all.addAll(third);
            assertThat(store.readAll(0, 100)).isEqualTo(all);
        }

        @Test
        void appending_nothing_writes_nothing() {
            assertThat(store.append("order-o-1", 5, List.of(), META)).isEmpty();
            assertThat(store.head()).isZero();
            assertThat(db.count()).isZero();
        }

        @Test
        void head_is_the_last_position() {
            assertThat(store.head()).isZero();
            append("a", 0, new OrderPaid("a"), new OrderPaid("a"));
            assertThat(store.head()).isEqualTo(2);
            append("b", 0, new OrderPaid("b"));
            assertThat(store.head()).isEqualTo(3);
        }

        @Test
        void stream_versions_are_contiguous_per_stream() {
            for (int i = 0; i < 10; i++) {
                String stream = "order-o-" + (i % 3);
                append(stream, ExpectedVersion.ANY, new OrderPaid("o-" + (i % 3)));
            }

            List<Map<String, Object>> rows = db.rows(
                    "SELECT stream_id, stream_version FROM events ORDER BY stream_id, stream_version");
            assertThat(rows).hasSize(10);
            for (String stream : List.of("order-o-0", "order-o-1", "order-o-2")) {
                List<Long> versions = store.readStream(stream).stream().map(RecordedEvent::streamVersion).toList();
                List<Long> expected = new ArrayList<>();
                for (long v = 1; v <= versions.size(); v++) {
                    expected.add(v);
                }
                assertThat(versions).as(stream).isEqualTo(expected);
            }
        }

        @Test
        void a_stale_expected_version_throws_and_writes_nothing() {
            append("order-o-1", 0, placed("o-1"), new OrderPaid("o-1"));
            long headBefore = store.head();

            ConcurrencyConflict conflict = catchThrowableOfType(ConcurrencyConflict.class,
                    () -> append("order-o-1", 1, new OrderShipped("o-1"), new OrderShipped("o-1")));

            assertThat(conflict).isNotNull();
            assertThat(conflict.streamId()).isEqualTo("order-o-1");
            assertThat(conflict.expectedVersion()).isEqualTo(1);
            assertThat(conflict.actualVersion()).isEqualTo(2);
            assertThat(conflict.getMessage()).contains("order-o-1", "version 2", "version 1");
            assertThat(store.head()).isEqualTo(headBefore);
            assertThat(db.count()).isEqualTo(2);
            assertThat(store.readStream("order-o-1")).hasSize(2);
        }

        @Test
        void no_stream_conflicts_when_the_stream_exists() {
            append("customer-c-1", ExpectedVersion.NO_STREAM, new CustomerRegistered("c-1", "Ada"));

            assertThatThrownBy(() -> append("customer-c-1", ExpectedVersion.NO_STREAM,
                    new CustomerRegistered("c-1", "Grace")))
                    .isInstanceOf(ConcurrencyConflict.class);
            assertThat(db.count()).isEqualTo(1);
        }

        @Test
        void an_expected_version_ahead_of_the_stream_conflicts_too() {
            assertThatThrownBy(() -> append("order-o-1", 3, new OrderPaid("o-1")))
                    .isInstanceOfSatisfying(ConcurrencyConflict.class, c -> assertThat(c.actualVersion()).isZero());
            assertThat(db.count()).isZero();
        }

        @Test
        void the_store_keeps_working_after_a_conflict() {
            append("order-o-1", 0, placed("o-1"));
            assertThatThrownBy(() -> append("order-o-1", 0, placed("o-1"))).isInstanceOf(ConcurrencyConflict.class);

            List<RecordedEvent> paid = append("order-o-1", 1, new OrderPaid("o-1"));

            assertThat(paid.get(0).position()).isEqualTo(2);
            assertThat(paid.get(0).streamVersion()).isEqualTo(2);
        }

        @Test
        void any_skips_the_version_check() {
            append("order-o-1", ExpectedVersion.ANY, placed("o-1"));
            List<RecordedEvent> paid = append("order-o-1", ExpectedVersion.ANY, new OrderPaid("o-1"));

            assertThat(paid.get(0).streamVersion()).isEqualTo(2);
            assertThat(db.count()).isEqualTo(2);
        }

        @Test
        void racing_appends_with_the_same_expected_version_have_exactly_one_winner() throws Exception {
            ExecutorService threads = Executors.newFixedThreadPool(2);
            try {
                for (int round = 0; round < 100; round++) {
                    String stream = "order-race-" + round;
                    append(stream, 0, placed("race-" + round));
                    CountDownLatch start = new CountDownLatch(1);
                    List<Future<Object>> racers = new ArrayList<>();
                    for (int r = 0; r < 2; r++) {
                        racers.add(threads.submit(() -> {
                            start.await();
                            try {
                                return append(stream, 1, new OrderPaid(stream));
                            } catch (ConcurrencyConflict conflict) {
                                return conflict;
                            }
                        }));
                    }
                    start.countDown();
                    List<Object> outcomes = List.of(racers.get(0).get(10, TimeUnit.SECONDS),
                            racers.get(1).get(10, TimeUnit.SECONDS));

                    assertThat(outcomes).as("round %d", round)
                            .filteredOn(o -> o instanceof ConcurrencyConflict).hasSize(1)
                            .first().satisfies(o -> {
                                ConcurrencyConflict c = (ConcurrencyConflict) o;
                                assertThat(c.expectedVersion()).isEqualTo(1);
                                assertThat(c.actualVersion()).isEqualTo(2);
                            });
                    assertThat(store.readStream(stream)).as("round %d", round).hasSize(2);
                }
                assertThat(db.count()).isEqualTo(200);
                assertThat(store.head()).isEqualTo(200);
            } finally {
                threads.shutdownNow();
            }
        }

        @Test
        void cannot_be_used_after_close() {
            store.close();

            assertThatThrownBy(() -> append("order-o-1", 0, new OrderPaid("o-1"))).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> store.readAll(0, 10)).isInstanceOf(IllegalStateException.class);
            store.close(); // twice is harmless
        }
    }

    @Nested
    class Reading {

        @BeforeEach
        void tenEvents() {
            for (int i = 1; i <= 10; i++) {
                append(i % 2 == 0 ? "order-even" : "order-odd", ExpectedVersion.ANY, new OrderPaid("o-" + i));
            }
        }

        @Test
        void reads_all_in_position_order() {
            assertThat(store.readAll(0, 100)).extracting(RecordedEvent::position)
                    .containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
        }

        @Test
        void pages_after_a_position_with_a_limit() {
            assertThat(store.readAll(3, 4)).extracting(RecordedEvent::position).containsExactly(4L, 5L, 6L, 7L);
            assertThat(store.readAll(8, 4)).extracting(RecordedEvent::position).containsExactly(9L, 10L);
            assertThat(store.readAll(10, 4)).isEmpty();
            assertThat(store.readAll(0, 0)).isEmpty();
        }

        @Test
        void paging_through_everything_sees_each_event_once() {
            List<Long> seen = new ArrayList<>();
            long after = 0;
            List<RecordedEvent> page;
            while (!(page = store.readAll(after, 3)).isEmpty()) {
                page.forEach(e -> seen.add(e.position()));
                after = page.get(page.size() - 1).position();
            }
            assertThat(seen).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
        }

        @Test
        void a_full_page_read_again_from_another_thread_is_the_same_unmodifiable_list() throws Exception {
            List<RecordedEvent> first = store.readAll(2, 4);
            ExecutorService reader = Executors.newSingleThreadExecutor();
            try {
                List<RecordedEvent> again = reader.submit(() -> store.readAll(2, 4)).get();

                assertThat(again).isSameAs(first); // decoded once, shared by projectors replaying the same range
                assertThat(again).extracting(RecordedEvent::position).containsExactly(3L, 4L, 5L, 6L);
                assertThatThrownBy(() -> again.remove(0)).isInstanceOf(UnsupportedOperationException.class);
            } finally {
                reader.shutdownNow();
            }
        }

        @Test
        void a_page_that_reached_the_head_is_read_afresh_and_sees_later_appends() {
            assertThat(store.readAll(8, 4)).extracting(RecordedEvent::position).containsExactly(9L, 10L);

            append("order-odd", ExpectedVersion.ANY, new OrderPaid("o-11"));

            assertThat(store.readAll(8, 4)).extracting(RecordedEvent::position).containsExactly(9L, 10L, 11L);
        }

        @Test
        void reads_one_stream_in_stream_order() {
            List<RecordedEvent> even = store.readStream("order-even");

            assertThat(even).extracting(RecordedEvent::streamVersion).containsExactly(1L, 2L, 3L, 4L, 5L);
            assertThat(even).extracting(RecordedEvent::position).containsExactly(2L, 4L, 6L, 8L, 10L);
            assertThat(even).extracting(RecordedEvent::streamId).containsOnly("order-even");
            assertThat(store.readStream("order-none")).isEmpty();
        }

        @Test
        void reads_from_other_threads_too() throws Exception {
            ExecutorService reader = Executors.newSingleThreadExecutor();
            try {
                assertThat(reader.submit(() -> store.readAll(0, 100)).get()).hasSize(10);
            } finally {
                reader.shutdownNow();
            }
        }
    }

    @Nested
    class RecordedAt {

        @Test
        void is_an_iso_8601_utc_instant_with_milliseconds_in_the_file() {
            append("order-o-1", 0, placed("o-1"));
            clock.set(Instant.parse("2024-03-01T10:15:31Z")); // whole second: the .000 must still be written
            append("order-o-1", 1, new OrderPaid("o-1"));

            assertThat(db.rows("SELECT recorded_at FROM events ORDER BY position"))
                    .extracting(row -> row.get("recorded_at"))
                    .containsExactly("2024-03-01T10:15:30.123Z", "2024-03-01T10:15:31.000Z");
            assertThat(store.readAll(0, 10)).extracting(RecordedEvent::recordedAt)
                    .containsExactly(Instant.parse("2024-03-01T10:15:30.123Z"), Instant.parse("2024-03-01T10:15:31Z"));
        }

        @Test
        void is_utc_whatever_the_clock_zone() {
            store.close();
            Clock berlin = Clock.fixed(Instant.parse("2024-07-01T22:30:00.5Z"), ZoneId.of("Europe/Berlin"));
            store = SqliteEventStore.open(file, berlin);

            List<RecordedEvent> recorded = append("order-o-1", 0, placed("o-1"));

            assertThat(db.scalar("SELECT recorded_at FROM events")).isEqualTo("2024-07-01T22:30:00.500Z");
            assertThat(recorded.get(0).recordedAt()).isEqualTo(Instant.parse("2024-07-01T22:30:00.500Z"));
        }

        @Test
        void one_append_shares_one_timestamp() {
            List<RecordedEvent> recorded = append("order-o-1", 0, placed("o-1"), new OrderPaid("o-1"));

            assertThat(recorded).extracting(RecordedEvent::recordedAt).containsOnly(recorded.get(0).recordedAt());
            assertThat(db.rows("SELECT DISTINCT recorded_at FROM events")).hasSize(1);
        }
    }

    @Nested
    class Listeners {

        @Test
        void get_the_recorded_events_after_commit() {
            List<List<RecordedEvent>> heard = new CopyOnWriteArrayList<>();
            List<Long> rowsSeenByListener = new CopyOnWriteArrayList<>();
            store.subscribe(events -> {
                heard.add(events);
                rowsSeenByListener.add(db.count()); // another connection: sees committed rows only
            });

            List<RecordedEvent> first = append("order-o-1", 0, placed("o-1"), new OrderPaid("o-1"));
            List<RecordedEvent> second = append("order-o-2", 0, placed("o-2"));

            assertThat(heard).containsExactly(first, second);
            assertThat(rowsSeenByListener).containsExactly(2L, 3L);
        }

        @Test
        void hear_nothing_of_a_conflict() {
            List<List<RecordedEvent>> heard = new CopyOnWriteArrayList<>();
            append("order-o-1", 0, placed("o-1"));
            store.subscribe(heard::add);

            assertThatThrownBy(() -> append("order-o-1", 0, placed("o-1"))).isInstanceOf(ConcurrencyConflict.class);

            assertThat(heard).isEmpty();
        }

        @Test
        void stop_hearing_after_closing_the_subscription() {
            List<List<RecordedEvent>> heard = new CopyOnWriteArrayList<>();
            EventStore.Subscription subscription = store.subscribe(heard::add);
            append("order-o-1", 0, placed("o-1"));

            subscription.close();
            append("order-o-1", 1, new OrderPaid("o-1"));

            assertThat(heard).hasSize(1);
        }

        @Test
        void a_failing_listener_neither_undoes_the_append_nor_silences_the_others() {
            Logger logger = Logger.getLogger(SqliteEventStore.class.getName());
            Level level = logger.getLevel();
            logger.setLevel(Level.OFF); // the warning is expected here; keep the build output clean
            try {
                List<List<RecordedEvent>> heard = new CopyOnWriteArrayList<>();
                store.subscribe(events -> {
                    throw new IllegalStateException("listener bug");
                });
                store.subscribe(heard::add);

                List<RecordedEvent> recorded = append("order-o-1", 0, placed("o-1"));

                assertThat(recorded).hasSize(1);
                assertThat(heard).containsExactly(recorded);
                assertThat(db.count()).isEqualTo(1);
            } finally {
                logger.setLevel(level);
            }
        }
    }

    @Nested
    class TheFile {

        @Test
        void has_exactly_the_documented_schema() {
            assertThat(db.rows("SELECT name FROM sqlite_master WHERE type = 'table'"))
                    .extracting(row -> row.get("name")).containsExactly("events");
            List<Map<String, Object>> columns = db.rows("PRAGMA table_info(events)");
            assertThat(columns).extracting(c -> c.get("name")).containsExactly(
                    "position", "stream_id", "stream_version", "type", "data", "metadata", "recorded_at");
            assertThat(columns).extracting(c -> c.get("type")).containsExactly(
                    "INTEGER", "TEXT", "INTEGER", "TEXT", "TEXT", "TEXT", "TEXT");
            assertThat(columns).extracting(c -> ((Number) c.get("notnull")).intValue())
                    .containsExactly(0, 1, 1, 1, 1, 1, 1); // position is the rowid alias
            assertThat(columns).extracting(c -> ((Number) c.get("pk")).intValue())
                    .containsExactly(1, 0, 0, 0, 0, 0, 0);
        }

        @Test
        void stream_id_and_version_are_unique_together() {
            List<Map<String, Object>> unique = db.rows("PRAGMA index_list(events)").stream()
                    .filter(index -> ((Number) index.get("unique")).intValue() == 1).toList();
            assertThat(unique).hasSize(1);
            assertThat(db.rows("PRAGMA index_info('" + unique.get(0).get("name") + "')"))
                    .extracting(c -> c.get("name")).containsExactly("stream_id", "stream_version");
        }

        @Test
        void is_in_wal_mode_and_marked_as_ours() {
            assertThat(db.scalar("PRAGMA journal_mode")).isEqualTo("wal");
            assertThat(((Number) db.scalar("PRAGMA user_version")).intValue()).isEqualTo(SqliteEventStore.SCHEMA_VERSION);
            assertThat(((Number) db.scalar("PRAGMA application_id")).intValue()).isEqualTo(SqliteEventStore.APPLICATION_ID);
        }

        @Test
        void reopening_keeps_everything_and_carries_on() {
            append("customer-c-1", 0, new CustomerRegistered("c-1", "Ada"));
            append("order-o-1", 0, placed("o-1"), new OrderPaid("o-1"));
            List<RecordedEvent> before = store.readAll(0, 100);
            store.close();

            clock.advance(Duration.ofHours(1));
            store = SqliteEventStore.open(file, clock);

            assertThat(store.readAll(0, 100)).isEqualTo(before);
            assertThat(store.head()).isEqualTo(3);
            assertThatThrownBy(() -> append("order-o-1", 1, new OrderShipped("o-1"))).isInstanceOf(ConcurrencyConflict.class);
            List<RecordedEvent> shipped = append("order-o-1", 2, new OrderShipped("o-1"));
            assertThat(shipped.get(0).position()).isEqualTo(4);
            assertThat(shipped.get(0).streamVersion()).isEqualTo(3);
        }

        @Test
        void keeps_the_metadata_as_json() throws Exception {
            append("order-o-1", 0, placed("o-1"));

            JsonNode meta = new ObjectMapper().readTree((String) db.scalar("SELECT metadata FROM events"));
            assertThat(meta.get("commandId").asText()).isEqualTo("cmd-1");
            assertThat(meta.get("correlationId").asText()).isEqualTo("corr-1");
            assertThat(meta.get("causationId").asText()).isEqualTo("cause-1");
        }
    }
}
