package io.cqrsflow.bench;

import io.cqrsflow.domain.Event;
import io.cqrsflow.domain.OrderLine;
import io.cqrsflow.domain.OrderPlaced;
import io.cqrsflow.domain.PlaceOrder;
import io.cqrsflow.domain.RegisterCustomer;
import io.cqrsflow.domain.Streams;
import io.cqrsflow.eventstore.SqliteEventStore;
import io.cqrsflow.eventstore.SqliteFiles;
import io.cqrsflow.flow.Engine;
import io.cqrsflow.flow.FlowSignal;
import io.cqrsflow.write.CommandEnvelope;
import io.cqrsflow.write.CommandHandler;
import io.cqrsflow.write.CommandResult;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.cqrsflow.bench.StorePaths.CODEC;
import static io.cqrsflow.bench.StorePaths.META;

/**
 * Single durable commands, three ways side by side: the {@link CommandHandler} on the store (load, decide,
 * append, commit), the same commands through the app ({@link Engine#submit}, projectors and signals running),
 * and raw sqlite-jdbc autocommitted single-row inserts of the same rows. A durable commit costs a disk flush,
 * and how long a flush takes moves from second to second on a shared machine; so the three take turns in
 * blocks of {@value #BLOCK} commands, in rotating order, and each side's rate is its commands over its own
 * summed time — all three see the disk as it was at nearly the same moments.
 */
final class CommandRace {
    private static final int BLOCK = 50;
    private static final List<OrderLine> ITEMS = List.of(new OrderLine("BOOK-1", 2, new BigDecimal("12.50")));

    private CommandRace() {
    }

    private interface Side extends AutoCloseable {
        void command(int i) throws Exception;

        @Override
        void close() throws java.sql.SQLException;
    }

    /** One round on fresh files: commands/s of handler, app and raw, in that order. */
    static double[] round(Path dir, int total) throws Exception {
        try (Side handler = handler(dir.resolve("handler")); Side app = app(dir.resolve("app")); Side raw = raw(dir.resolve("raw"))) {
            Side[] sides = {handler, app, raw};
            long[] nanos = new long[3];
            int warm = 100;
            for (int i = 0; i < warm; i++) {
                for (Side s : sides) {
                    s.command(i);
                }
            }
            for (int block = 0; block < total / BLOCK; block++) {
                for (int k = 0; k < 3; k++) {
                    int side = (block + k) % 3;
                    long start = System.nanoTime();
                    for (int i = 0; i < BLOCK; i++) {
                        sides[side].command(warm + block * BLOCK + i);
                    }
                    nanos[side] += System.nanoTime() - start;
                }
            }
            int measured = total / BLOCK * BLOCK;
            return new double[] {measured / (nanos[0] / 1e9), measured / (nanos[1] / 1e9), measured / (nanos[2] / 1e9)};
        }
    }

    private static void accepted(CommandResult r) {
        if (!(r instanceof CommandResult.Accepted)) {
            throw new IllegalStateException("benchmark command not accepted: " + r);
        }
    }

    private static PlaceOrder order(int i) {
        return new PlaceOrder("o-" + i, "c-1", ITEMS);
    }

    private static Side handler(Path dir) {
        SqliteEventStore store = SqliteEventStore.open(dir.resolve("events.db"), Clock.systemUTC());
        CommandHandler handler = new CommandHandler(store);
        accepted(handler.handle(CommandEnvelope.of("c", new RegisterCustomer("c-1", "Ada Lovelace"))));
        return new Side() {
            @Override
            public void command(int i) {
                accepted(handler.handle(CommandEnvelope.of("cmd-" + i, order(i))));
            }

            @Override
            public void close() {
                store.close();
            }
        };
    }

    private static Side app(Path dir) {
        Engine engine = Engine.open(dir, Clock.systemUTC(), Map.of());
        engine.subscribe(FlowSignal::toString); // as the window's inbox or the trace: every signal looked at
        accepted(engine.submit(CommandEnvelope.of("c", new RegisterCustomer("c-1", "Ada Lovelace"))).join());
        return new Side() {
            @Override
            public void command(int i) {
                accepted(engine.submit(CommandEnvelope.of("cmd-" + i, order(i))).join());
            }

            @Override
            public void close() {
                engine.close();
            }
        };
    }

    /** Raw single-row durable commits of the same rows (autocommit insert, synchronous=FULL, WAL). */
    private static Side raw(Path dir) throws Exception {
        Files.createDirectories(dir);
        String meta = CODEC.encodeMetadata(META);
        Connection c = RawPaths.rawConnection(dir.resolve("events.db"));
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE events(position INTEGER PRIMARY KEY, stream_id TEXT NOT NULL, stream_version INTEGER NOT NULL,"
                    + " type TEXT NOT NULL, data TEXT NOT NULL, metadata TEXT NOT NULL, recorded_at TEXT NOT NULL,"
                    + " UNIQUE(stream_id, stream_version))");
        }
        PreparedStatement insert = c.prepareStatement("INSERT INTO events(position, stream_id, stream_version, type,"
                + " data, metadata, recorded_at) VALUES (?,?,?,?,?,?,?)");
        return new Side() {
            @Override
            public void command(int i) throws Exception {
                Event e = new OrderPlaced("o-" + i, "c-1", ITEMS, new BigDecimal("25.00"));
                insert.setLong(1, i + 1);
                insert.setString(2, Streams.order("o-" + i));
                insert.setLong(3, 1);
                insert.setString(4, e.type());
                insert.setString(5, CODEC.encode(e));
                insert.setString(6, meta);
                insert.setString(7, SqliteFiles.formatInstant(Instant.now()));
                insert.executeUpdate();
            }

            @Override
            public void close() throws java.sql.SQLException {
                insert.close();
                c.close();
            }
        };
    }
}
