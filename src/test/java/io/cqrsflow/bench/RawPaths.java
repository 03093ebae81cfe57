package io.cqrsflow.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cqrsflow.domain.Event;
import io.cqrsflow.domain.OrderPlaced;
import io.cqrsflow.eventstore.SqliteEventStore;
import io.cqrsflow.eventstore.SqliteFiles;
import io.cqrsflow.read.ProjectionNames;
import io.cqrsflow.sqlite.SqliteConnections;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.cqrsflow.bench.StorePaths.CODEC;
import static io.cqrsflow.bench.StorePaths.META;
import static io.cqrsflow.bench.StorePaths.seconds;

/**
 * The baselines: plain sqlite-jdbc doing the same work as CQRS Flow on the same schema with the same settings
 * (WAL; synchronous=FULL for events.db, NORMAL for read.db), written by hand with no layers in between.
 * The rebuild is one long hand-written loop on purpose: it is what the projectors are measured against.
 */
final class RawPaths {
    private RawPaths() {
    }

    /**
     * Appends through plain sqlite-jdbc, the rows {@link SqliteEventStore#append} would store: one
     * {@code BEGIN IMMEDIATE} transaction and one prepared batch per append, each event encoded to JSON, on a
     * file of the same schema and settings (WAL, synchronous=FULL).
     */
    static final class RawAppender implements AutoCloseable {
        private final Connection connection;
        private final PreparedStatement insert;
        private final Statement statement;
        private final String meta = CODEC.encodeMetadata(META);
        private long position;

        RawAppender(Path dir) throws SQLException, IOException {
            Files.createDirectories(dir);
            connection = rawConnection(dir.resolve("events.db"));
            createEvents(connection);
            insert = connection.prepareStatement("INSERT INTO events(position, stream_id, stream_version, type,"
                    + " data, metadata, recorded_at) VALUES (?,?,?,?,?,?,?)");
            statement = connection.createStatement();
        }

        /** The events as versions 1..n of a new stream {@code streamId}, committed durably. */
        void append(String streamId, List<Event> events) throws SQLException {
            String recordedAt = SqliteFiles.formatInstant(Instant.now());
            statement.execute("BEGIN IMMEDIATE");
            for (int v = 0; v < events.size(); v++) {
                Event e = events.get(v);
                insert.setLong(1, ++position);
                insert.setString(2, streamId);
                insert.setLong(3, v + 1);
                insert.setString(4, e.type());
                insert.setString(5, CODEC.encode(e));
                insert.setString(6, meta);
                insert.setString(7, recordedAt);
                insert.addBatch();
            }
            insert.executeBatch();
            statement.execute("COMMIT");
        }

        @Override
        public void close() throws SQLException {
            try (connection; insert; statement) {
                // closed in reverse order
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

    static Connection rawConnection(Path file) throws SQLException {
        return SqliteConnections.open(file, SqliteConnections.Synchronous.FULL);
    }

    private static void createEvents(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE events(position INTEGER PRIMARY KEY, stream_id TEXT NOT NULL, stream_version INTEGER NOT NULL,"
                    + " type TEXT NOT NULL, data TEXT NOT NULL, metadata TEXT NOT NULL, recorded_at TEXT NOT NULL,"
                    + " UNIQUE(stream_id, stream_version))");
        }
    }
}
