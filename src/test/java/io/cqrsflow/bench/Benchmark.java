package io.cqrsflow.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cqrsflow.domain.CustomerRegistered;
import io.cqrsflow.domain.Event;
import io.cqrsflow.domain.OrderCancelled;
import io.cqrsflow.domain.OrderLine;
import io.cqrsflow.domain.OrderPaid;
import io.cqrsflow.domain.OrderPlaced;
import io.cqrsflow.domain.OrderShipped;
import io.cqrsflow.domain.PlaceOrder;
import io.cqrsflow.domain.RegisterCustomer;
import io.cqrsflow.domain.Streams;
import io.cqrsflow.eventstore.EventCodec;
import io.cqrsflow.eventstore.EventMetadata;
import io.cqrsflow.eventstore.ExpectedVersion;
import io.cqrsflow.eventstore.SqliteEventStore;
import io.cqrsflow.eventstore.SqliteFiles;
import io.cqrsflow.sqlite.SqliteConnections;
import io.cqrsflow.read.ExecutorScheduler;
import io.cqrsflow.read.ProjectionNames;
import io.cqrsflow.read.Projector;
import io.cqrsflow.read.ProjectorListener;
import io.cqrsflow.read.ReadDatabase;
import io.cqrsflow.read.ReadSide;
import io.cqrsflow.write.CommandEnvelope;
import io.cqrsflow.write.CommandHandler;
import io.cqrsflow.write.CommandResult;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

/**
 * Measures the event store, the command path and rebuilds against raw sqlite-jdbc doing the same work
 * on the same schema, in the same run on the same machine. Prints the figures, their ratios, and last
 * one JSON line. Run with {@code ./mvnw -q -Pbench verify}. Not a test: nothing here fails a build.
 *
 * <p>Longer than 300 lines on purpose: each measurement sits beside its raw sqlite-jdbc baseline, so the
 * two can be read as doing the same work.
 */
public final class Benchmark {
    private static final EventCodec CODEC = new EventCodec();
    private static final EventMetadata META = EventMetadata.forCommand("bench");
    private static final int APPEND_EVENTS = 200_000;
    private static final int APPEND_BATCH = 100;
    private static final int COMMANDS = 3_000;
    private static final int REBUILD_EVENTS = 200_000;
    private static final int REBUILD_BIG = 1_000_000;
    private static final int ROUNDS = 3;

    public static void main(String[] args) throws Exception {
        Path root = Files.createTempDirectory("cqrsflow-bench");
        try {
            System.out.printf(Locale.ROOT, "CQRS Flow benchmark — %d cores, Java %s, %s%n",
                    Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), Instant.now());
            // Warm up the JIT on the same code paths, then measure store and raw alternately, three
            // rounds each, and report the median of each: the two sides see the same machine state.
            appendStore(root.resolve("w1"), 50_000);
            appendRaw(root.resolve("w2"), 50_000);
            commandsStore(root.resolve("w3"), 1_000);
            commandsRaw(root.resolve("w4"), 1_000);

            double[] appends = new double[ROUNDS];
            double[] appendsRaw = new double[ROUNDS];
            double[] commands = new double[ROUNDS];
            double[] commandsRaw = new double[ROUNDS];
            for (int r = 0; r < ROUNDS; r++) {
                appends[r] = appendStore(root.resolve("a" + r), APPEND_EVENTS);
                appendsRaw[r] = appendRaw(root.resolve("ar" + r), APPEND_EVENTS);
                commands[r] = commandsStore(root.resolve("c" + r), COMMANDS);
                commandsRaw[r] = commandsRaw(root.resolve("cr" + r), COMMANDS);
            }
            double append = median(appends);
            double appendRaw = median(appendsRaw);
            double command = median(commands);
            double commandRaw = median(commandsRaw);
            System.out.printf(Locale.ROOT, "append, batches of %d:   store %,.0f events/s   raw %,.0f events/s   ratio %.2f   (rounds: store %s, raw %s)%n",
                    APPEND_BATCH, append, appendRaw, append / appendRaw, rounds(appends), rounds(appendsRaw));
            System.out.printf(Locale.ROOT, "single commands:          handler %,.0f commands/s   raw commits %,.0f/s   ratio %.2f   (rounds: handler %s, raw %s)%n",
                    command, commandRaw, command / commandRaw, rounds(commands), rounds(commandsRaw));

            Path history = root.resolve("history");
            int events = buildHistory(history, REBUILD_EVENTS);
            rebuildStore(history, root.resolve("warm-read.db")); // warm-up
            rebuildRaw(history, root.resolve("warm-raw.db"));
            double[] rebuilds = new double[ROUNDS];
            double[] rebuildsRaw = new double[ROUNDS];
            for (int r = 0; r < ROUNDS; r++) {
                rebuilds[r] = events / rebuildStore(history, root.resolve("r" + r + ".db"));
                rebuildsRaw[r] = events / rebuildRaw(history, root.resolve("rr" + r + ".db"));
            }
            double rebuild = median(rebuilds);
            double rebuildRaw = median(rebuildsRaw);
            System.out.printf(Locale.ROOT, "rebuild both read models (%,d events): projectors %,.0f events/s   raw %,.0f events/s   ratio %.2f   (rounds: projectors %s, raw %s)%n",
                    events, rebuild, rebuildRaw, rebuild / rebuildRaw, rounds(rebuilds), rounds(rebuildsRaw));

            Path big = root.resolve("big");
            int bigEvents = buildHistory(big, REBUILD_BIG);
            double bigSeconds = rebuildStore(big, root.resolve("big-read.db"));
            System.out.printf(Locale.ROOT, "rebuild both read models from %,d events: %.1f s%n", bigEvents, bigSeconds);

            System.out.printf(Locale.ROOT, "{\"append_per_s\":%.0f,\"append_raw_per_s\":%.0f,\"append_ratio\":%.2f,"
                            + "\"command_per_s\":%.0f,\"command_raw_per_s\":%.0f,\"command_ratio\":%.2f,"
                            + "\"rebuild_per_s\":%.0f,\"rebuild_raw_per_s\":%.0f,\"rebuild_ratio\":%.2f,"
                            + "\"rebuild_1m_events_s\":%.1f}%n",
                    append, appendRaw, append / appendRaw, command, commandRaw, command / commandRaw,
                    rebuild, rebuildRaw, rebuild / rebuildRaw, bigSeconds);
        } finally {
            deleteTree(root);
        }
    }

    private static List<Event> batch(int n, int seed) {
        List<Event> events = new ArrayList<>(n);
        String order = "o-" + seed;
        events.add(new OrderPlaced(order, "c-1", List.of(new OrderLine("BOOK-1", 2, new BigDecimal("12.50"))), new BigDecimal("25.00")));
        while (events.size() < n) {
            events.add(new OrderPaid(order));
        }
        return events;
    }

    /** Events/s appending batches of 100 events, each batch to a new stream, through the EventStore. */
    private static double appendStore(Path dir, int total) {
        try (SqliteEventStore store = SqliteEventStore.open(dir.resolve("events.db"), Clock.systemUTC())) {
            long start = System.nanoTime();
            for (int i = 0; i < total / APPEND_BATCH; i++) {
                store.append("order-o-" + i, ExpectedVersion.NO_STREAM, batch(APPEND_BATCH, i), META);
            }
            return total / seconds(start);
        }
    }

    /** The same rows through plain sqlite-jdbc: one transaction and one prepared batch per 100 rows. */
    private static double appendRaw(Path dir, int total) throws SQLException, IOException {
        Files.createDirectories(dir);
        String meta = CODEC.encodeMetadata(META);
        try (Connection c = rawConnection(dir.resolve("events.db"))) {
            createEvents(c);
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO events(position, stream_id, stream_version, type,"
                    + " data, metadata, recorded_at) VALUES (?,?,?,?,?,?,?)");
                 Statement s = c.createStatement()) {
                long position = 0;
                long start = System.nanoTime();
                for (int i = 0; i < total / APPEND_BATCH; i++) {
                    List<Event> events = batch(APPEND_BATCH, i);
                    String recordedAt = SqliteFiles.formatInstant(Instant.now());
                    s.execute("BEGIN IMMEDIATE");
                    for (int v = 0; v < events.size(); v++) {
                        Event e = events.get(v);
                        insert.setLong(1, ++position);
                        insert.setString(2, "order-o-" + i);
                        insert.setLong(3, v + 1);
                        insert.setString(4, e.type());
                        insert.setString(5, CODEC.encode(e));
                        insert.setString(6, meta);
                        insert.setString(7, recordedAt);
                        insert.addBatch();
                    }
                    insert.executeBatch();
                    s.execute("COMMIT");
                }
                return total / seconds(start);
            }
        }
    }

    /** Commands/s: each PlaceOrder loads its stream and its customer's, decides, appends and commits durably. */
    private static double commandsStore(Path dir, int total) {
        try (SqliteEventStore store = SqliteEventStore.open(dir.resolve("events.db"), Clock.systemUTC())) {
            CommandHandler handler = new CommandHandler(store);
            handler.handle(CommandEnvelope.of("c", new RegisterCustomer("c-1", "Ada Lovelace")));
            List<OrderLine> items = List.of(new OrderLine("BOOK-1", 2, new BigDecimal("12.50")));
            long start = System.nanoTime();
            for (int i = 0; i < total; i++) {
                CommandResult r = handler.handle(CommandEnvelope.of("cmd-" + i, new PlaceOrder("o-" + i, "c-1", items)));
                if (!(r instanceof CommandResult.Accepted)) {
                    throw new IllegalStateException("benchmark command not accepted: " + r);
                }
            }
            return total / seconds(start);
        }
    }

    /** Raw single-row durable commits of the same rows (autocommit insert, synchronous=FULL, WAL). */
    private static double commandsRaw(Path dir, int total) throws SQLException, IOException {
        Files.createDirectories(dir);
        String meta = CODEC.encodeMetadata(META);
        List<OrderLine> items = List.of(new OrderLine("BOOK-1", 2, new BigDecimal("12.50")));
        try (Connection c = rawConnection(dir.resolve("events.db"))) {
            createEvents(c);
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO events(position, stream_id, stream_version, type,"
                    + " data, metadata, recorded_at) VALUES (?,?,?,?,?,?,?)")) {
                long start = System.nanoTime();
                for (int i = 0; i < total; i++) {
                    Event e = new OrderPlaced("o-" + i, "c-1", items, new BigDecimal("25.00"));
                    insert.setLong(1, i + 1);
                    insert.setString(2, Streams.order("o-" + i));
                    insert.setLong(3, 1);
                    insert.setString(4, e.type());
                    insert.setString(5, CODEC.encode(e));
                    insert.setString(6, meta);
                    insert.setString(7, SqliteFiles.formatInstant(Instant.now()));
                    insert.executeUpdate();
                }
                return total / seconds(start);
            }
        }
    }

    /** An event store of about {@code total} events: customers, orders, payments, shipments, cancellations. */
    private static int buildHistory(Path dir, int total) {
        Instant old = Instant.parse("2026-01-01T00:00:00Z");
        try (SqliteEventStore store = SqliteEventStore.open(dir.resolve("events.db"), Clock.fixed(old, java.time.ZoneOffset.UTC))) {
            int customers = 1_000;
            List<Event> batch = new ArrayList<>();
            for (int c = 0; c < customers; c++) {
                store.append(Streams.customer("c-" + c), ExpectedVersion.NO_STREAM,
                        List.of(new CustomerRegistered("c-" + c, "Customer " + c)), META);
            }
            int order = 0;
            while (store.head() < total) {
                String id = "o-" + order;
                batch.clear();
                BigDecimal price = new BigDecimal("12.50").add(BigDecimal.valueOf(order % 7));
                batch.add(new OrderPlaced(id, "c-" + (order % customers),
                        List.of(new OrderLine("BOOK-" + (order % 13), 1 + order % 3, price)),
                        price.multiply(BigDecimal.valueOf(1 + order % 3))));
                if (order % 5 == 4) {
                    batch.add(new OrderCancelled(id, "changed mind"));
                } else {
                    batch.add(new OrderPaid(id));
                    batch.add(new OrderShipped(id));
                }
                store.append(Streams.order(id), ExpectedVersion.NO_STREAM, batch, META);
                order++;
            }
            return (int) store.head();
        }
    }

    /** Seconds for the real projectors (order-list and order-detail, delay 0) to catch up from position 0. */
    static double rebuildStore(Path history, Path readDb) throws InterruptedException {
        try (SqliteEventStore store = SqliteEventStore.open(history.resolve("events.db"), Clock.systemUTC())) {
            long head = store.head();
            CountDownLatch done = new CountDownLatch(2);
            ProjectorListener listener = new ProjectorListener() {
                @Override
                public void applied(String projector, List<io.cqrsflow.eventstore.RecordedEvent> events, Instant appliedAt) {
                    if (events.get(events.size() - 1).position() == head) {
                        done.countDown();
                    }
                }

                @Override
                public void statusChanged(io.cqrsflow.read.ProjectorStatus status) {
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

    /**
     * Raw sqlite-jdbc doing the same job by hand: read the events in pages, parse the JSON, upsert rows
     * of the same shape into order_list and order_detail, checkpoint per batch of 1 000.
     */
    static double rebuildRaw(Path history, Path readDb) throws SQLException {
        ObjectMapper json = new ObjectMapper();
        try (Connection events = rawConnection(history.resolve("events.db"));
             Connection read = rawConnection(readDb);
             Statement ddl = read.createStatement()) {
            read.createStatement().execute("PRAGMA synchronous = NORMAL");
            ddl.execute("CREATE TABLE order_list(order_id TEXT PRIMARY KEY, customer_id TEXT NOT NULL, customer_name TEXT NOT NULL,"
                    + " total TEXT NOT NULL, status TEXT NOT NULL, placed_at TEXT NOT NULL, item_count INTEGER NOT NULL, last_position INTEGER NOT NULL)");
            ddl.execute("CREATE TABLE order_detail(order_id TEXT PRIMARY KEY, customer_id TEXT NOT NULL, customer_name TEXT NOT NULL,"
                    + " items TEXT NOT NULL, total TEXT NOT NULL, status TEXT NOT NULL, placed_at TEXT NOT NULL, paid_at TEXT,"
                    + " shipped_at TEXT, cancelled_at TEXT, cancel_reason TEXT, last_position INTEGER NOT NULL)");
            ddl.execute("CREATE TABLE checkpoints(projection TEXT PRIMARY KEY, position INTEGER NOT NULL, updated_at TEXT NOT NULL)");
            Map<String, String> names = new HashMap<>();
            long start = System.nanoTime();
            try (PreparedStatement page = events.prepareStatement(
                    "SELECT position, type, data, recorded_at FROM events WHERE position > ? ORDER BY position LIMIT 1000");
                 PreparedStatement listInsert = read.prepareStatement("INSERT OR REPLACE INTO order_list VALUES (?,?,?,?,?,?,?,?)");
                 PreparedStatement detailInsert = read.prepareStatement("INSERT OR REPLACE INTO order_detail(order_id, customer_id,"
                         + " customer_name, items, total, status, placed_at, last_position) VALUES (?,?,?,?,?,?,?,?)");
                 PreparedStatement listStatus = read.prepareStatement("UPDATE order_list SET status = ?, last_position = ? WHERE order_id = ?");
                 PreparedStatement detailStatus = read.prepareStatement("UPDATE order_detail SET status = ?, paid_at = COALESCE(?, paid_at),"
                         + " cancel_reason = COALESCE(?, cancel_reason), last_position = ? WHERE order_id = ?");
                 PreparedStatement checkpoint = read.prepareStatement("INSERT OR REPLACE INTO checkpoints VALUES (?, ?, ?)");
                 Statement tx = read.createStatement()) {
                long after = 0;
                while (true) {
                    page.setLong(1, after);
                    int rows = 0;
                    tx.execute("BEGIN IMMEDIATE");
                    try (ResultSet rs = page.executeQuery()) {
                        while (rs.next()) {
                            rows++;
                            after = rs.getLong(1);
                            String type = rs.getString(2);
                            JsonNode d = json.readTree(rs.getString(3));
                            String at = rs.getString(4);
                            switch (type) {
                                case "CustomerRegistered" -> names.put(d.get("customerId").asText(), d.get("name").asText());
                                case "OrderPlaced" -> {
                                    String id = d.get("orderId").asText();
                                    String customer = d.get("customerId").asText();
                                    int count = 0;
                                    for (JsonNode line : d.get("items")) {
                                        count += line.get("quantity").asInt();
                                    }
                                    listInsert.setString(1, id);
                                    listInsert.setString(2, customer);
                                    listInsert.setString(3, names.getOrDefault(customer, "?"));
                                    listInsert.setString(4, d.get("total").asText());
                                    listInsert.setString(5, "pending");
                                    listInsert.setString(6, at);
                                    listInsert.setInt(7, count);
                                    listInsert.setLong(8, after);
                                    listInsert.executeUpdate();
                                    detailInsert.setString(1, id);
                                    detailInsert.setString(2, customer);
                                    detailInsert.setString(3, names.getOrDefault(customer, "?"));
                                    detailInsert.setString(4, d.get("items").toString());
                                    detailInsert.setString(5, d.get("total").asText());
                                    detailInsert.setString(6, "pending");
                                    detailInsert.setString(7, at);
                                    detailInsert.setLong(8, after);
                                    detailInsert.executeUpdate();
                                }
                                default -> {
                                    String status = type.equals("OrderPaid") ? "paid" : type.equals("OrderShipped") ? "shipped" : "cancelled";
                                    String id = d.get("orderId").asText();
                                    listStatus.setString(1, status);
                                    listStatus.setLong(2, after);
                                    listStatus.setString(3, id);
                                    listStatus.executeUpdate();
                                    detailStatus.setString(1, status);
                                    detailStatus.setString(2, type.equals("OrderPaid") ? at : null);
                                    detailStatus.setString(3, d.has("reason") ? d.get("reason").asText() : null);
                                    detailStatus.setLong(4, after);
                                    detailStatus.setString(5, id);
                                    detailStatus.executeUpdate();
                                }
                            }
                        }
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                    for (String projection : ProjectionNames.AT_START) {
                        checkpoint.setString(1, projection);
                        checkpoint.setLong(2, after);
                        checkpoint.setString(3, SqliteFiles.formatInstant(Instant.now()));
                        checkpoint.executeUpdate();
                    }
                    tx.execute("COMMIT");
                    if (rows == 0) {
                        break;
                    }
                }
            }
            return seconds(start);
        }
    }

    private static Connection rawConnection(Path file) throws SQLException {
        return SqliteConnections.open(file, SqliteConnections.Synchronous.FULL);
    }

    private static void createEvents(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE events(position INTEGER PRIMARY KEY, stream_id TEXT NOT NULL, stream_version INTEGER NOT NULL,"
                    + " type TEXT NOT NULL, data TEXT NOT NULL, metadata TEXT NOT NULL, recorded_at TEXT NOT NULL,"
                    + " UNIQUE(stream_id, stream_version))");
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static String rounds(double[] values) {
        StringBuilder b = new StringBuilder();
        for (double v : values) {
            b.append(b.length() == 0 ? "" : " / ").append(String.format(Locale.ROOT, "%,.0f", v));
        }
        return b.toString();
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
