package io.cqrsflow.bench;

import io.cqrsflow.domain.CustomerRegistered;
import io.cqrsflow.domain.Event;
import io.cqrsflow.domain.OrderCancelled;
import io.cqrsflow.domain.OrderLine;
import io.cqrsflow.domain.OrderPaid;
import io.cqrsflow.domain.OrderPlaced;
import io.cqrsflow.domain.OrderShipped;
import io.cqrsflow.domain.Streams;
import io.cqrsflow.eventstore.SqliteEventStore;
import io.cqrsflow.eventstore.SqliteFiles;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static io.cqrsflow.bench.StorePaths.CODEC;
import static io.cqrsflow.bench.StorePaths.META;

/**
 * An events.db of about {@code total} events — 1 000 customers, then orders placed, paid and shipped, or
 * cancelled — to rebuild from. The store creates the file (so its schema and marks are exactly the app's);
 * the rows go in through plain JDBC in large transactions, because a million durable single appends would
 * measure the disk for half an hour, not the rebuild. The store's scan at the next open checks every row.
 */
final class History {
    private static final Instant OLD = Instant.parse("2026-01-01T00:00:00Z");
    private static final int CUSTOMERS = 1_000;

    private History() {
    }

    /** Builds DIR/events.db; returns its head position. */
    static long build(Path dir, int total) throws SQLException {
        Path file = dir.resolve("events.db");
        SqliteEventStore.open(file, Clock.systemUTC()).close();
        String meta = CODEC.encodeMetadata(META);
        String at = SqliteFiles.formatInstant(OLD);
        try (Connection c = RawPaths.rawConnection(file);
             Statement s = c.createStatement();
             PreparedStatement insert = c.prepareStatement("INSERT INTO events(position, stream_id, stream_version, type,"
                     + " data, metadata, recorded_at) VALUES (?,?,?,?,?,?,?)")) {
            long position = 0;
            s.execute("BEGIN IMMEDIATE");
            for (int c0 = 0; c0 < CUSTOMERS; c0++) {
                position = insert(insert, position, Streams.customer("c-" + c0), 1,
                        new CustomerRegistered("c-" + c0, "Customer " + c0), meta, at);
            }
            int order = 0;
            while (position < total) {
                List<Event> events = order(order);
                String stream = Streams.order("o-" + order);
                for (int v = 0; v < events.size(); v++) {
                    position = insert(insert, position, stream, v + 1, events.get(v), meta, at);
                }
                order++;
                if (order % 20_000 == 0) {
                    s.execute("COMMIT");
                    s.execute("BEGIN IMMEDIATE");
                }
            }
            s.execute("COMMIT");
            return position;
        }
    }

    /** One order's stream: placed, then paid and shipped, or (every fifth) cancelled. */
    static List<Event> order(int order) {
        String id = "o-" + order;
        BigDecimal price = new BigDecimal("12.50").add(BigDecimal.valueOf(order % 7));
        List<Event> batch = new ArrayList<>(3);
        batch.add(new OrderPlaced(id, "c-" + (order % CUSTOMERS),
                List.of(new OrderLine("BOOK-" + (order % 13), 1 + order % 3, price)),
                price.multiply(BigDecimal.valueOf(1 + order % 3))));
        if (order % 5 == 4) {
            batch.add(new OrderCancelled(id, "changed mind"));
        } else {
            batch.add(new OrderPaid(id));
            batch.add(new OrderShipped(id));
        }
        return batch;
    }

    private static long insert(PreparedStatement insert, long position, String stream, long version, Event e,
                               String meta, String at) throws SQLException {
        insert.setLong(1, ++position);
        insert.setString(2, stream);
        insert.setLong(3, version);
        insert.setString(4, e.type());
        insert.setString(5, CODEC.encode(e));
        insert.setString(6, meta);
        insert.setString(7, at);
        insert.executeUpdate();
        return position;
    }
}
