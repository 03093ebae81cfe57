package io.cqrsflow.read;

import io.cqrsflow.eventstore.EventStoreException;
import io.cqrsflow.eventstore.RecordedEvent;
import io.cqrsflow.eventstore.SqliteFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * read.db: every read model's tables plus {@code checkpoints(projection, position, updated_at)}.
 * One writer connection on one writer thread; each projector hands it the work of one transaction
 * (rows + checkpoint together, so a crash can neither skip nor double-apply an event). Queries use
 * per-thread reader connections and never wait for a projector (WAL).
 *
 * <p>read.db is derived data: a missing, corrupt, foreign or outdated file is moved aside (never
 * deleted) and rebuilt from events.db, with a notice that says so.
 */
public final class ReadDatabase implements AutoCloseable {

    static final int APPLICATION_ID = 0x43514652; // "CQFR"
    static final int SCHEMA_VERSION = 1;

    private static final List<String> BASE_SCHEMA = List.of(
            """
            CREATE TABLE IF NOT EXISTS checkpoints(
                projection TEXT PRIMARY KEY,
                position   INTEGER NOT NULL,
                updated_at TEXT NOT NULL)
            """,
            "CREATE TABLE IF NOT EXISTS read_meta(key TEXT PRIMARY KEY, value TEXT NOT NULL)");

    /** Work done inside one read.db write transaction. */
    public interface Transaction<T> {
        T run(Connection connection) throws SQLException;
    }

    /** Work done on a reader connection. */
    public interface Query<T> {
        T run(Connection connection) throws SQLException;
    }

    private final Path file;
    private final Clock clock;
    private final ExecutorService writer;
    private final Connection writeConnection;
    private final Map<String, Projection.Writer> writers = new HashMap<>();
    private final ThreadLocal<Connection> readConnection = new ThreadLocal<>();
    private final List<Connection> readConnections = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    private ReadDatabase(Path file, Clock clock, Connection writeConnection) {
        this.file = file;
        this.clock = clock;
        this.writeConnection = writeConnection;
        this.writer = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "read.db writer");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Opens read.db, moving aside and recreating a file that cannot be used.
     *
     * @param eventsFingerprint identifies the events.db this read.db was built from (null when the
     *                          store is empty); a read.db built from another store is emptied
     * @param eventsHead        the store's head; a checkpoint beyond it means another store, too
     * @param notices           receives one sentence per thing a user should know
     */
    public static ReadDatabase open(Path file, Clock clock, String eventsFingerprint, long eventsHead,
                                    Consumer<String> notices) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new EventStoreException("cannot create the folder for " + file + ": " + e.getMessage(), e);
        }
        if (!Files.exists(file)) {
            if (eventsHead > 0) {
                // Worth saying only when there is history to rebuild; a brand-new folder is no news.
                notices.accept(file.getFileName() + " does not exist yet: building the read models from events.db");
            }
        } else if (!SqliteFiles.looksLikeSqlite(file)) {
            moveAside(file, clock, notices, "is not an SQLite database");
        }
        return openSqlite(file, clock, eventsFingerprint, eventsHead, notices, true);
    }

    private static ReadDatabase openSqlite(Path file, Clock clock, String eventsFingerprint, long eventsHead,
                                           Consumer<String> notices, boolean mayMoveCorruptAside) {
        Connection connection = null;
        try {
            // Look before touching: a file that is not ours is moved aside as it was, not even switched to WAL.
            connection = SqliteFiles.connect(file);
            String unusable = checkUsable(connection);
            if (unusable != null) {
                connection.close();
                moveAside(file, clock, notices, unusable);
                connection = SqliteFiles.connect(file);
            }
            String otherStore = builtFromAnotherStore(connection, eventsFingerprint, eventsHead);
            if (otherStore != null) {
                // Derived data, but a learner may have added a view or table of their own: keep it all, aside.
                connection.close();
                moveAside(file, clock, notices, otherStore);
                connection = SqliteFiles.connect(file);
            }
            SqliteFiles.configure(connection, false);
            initialise(connection);
            ReadDatabase db = new ReadDatabase(file, clock, connection);
            db.checkBuiltFrom(eventsFingerprint, eventsHead, notices);
            return db;
        } catch (SQLException e) {
            closeQuietly(connection);
            if (mayMoveCorruptAside && isCorrupt(e)) {
                // A corrupt read.db costs nothing to rebuild: move it aside and start again, once.
                moveAside(file, clock, notices, "is corrupt (" + e.getMessage() + ")");
                return openSqlite(file, clock, eventsFingerprint, eventsHead, notices, false);
            }
            throw new EventStoreException("cannot use " + file + ": " + e.getMessage(), e);
        }
    }

    /** Null if the file is ours and current (or empty), else why it cannot be used. */
    private static String checkUsable(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement()) {
            int tables = intOf(s, "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table'");
            if (tables == 0) {
                return null;
            }
            int appId = intOf(s, "PRAGMA application_id");
            int version = intOf(s, "PRAGMA user_version");
            if (appId != APPLICATION_ID) {
                return "is not a CQRS Flow read database";
            }
            if (version < SCHEMA_VERSION) {
                return "has an older schema (" + version + ")";
            }
            if (version > SCHEMA_VERSION) {
                return "has a newer schema (" + version + ")";
            }
            try (ResultSet rs = s.executeQuery("PRAGMA quick_check(1)")) {
                rs.next();
                String result = rs.getString(1);
                if (!"ok".equalsIgnoreCase(result)) {
                    return "is corrupt (" + result + ")";
                }
            }
            return null;
        }
    }

    private static void initialise(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("BEGIN IMMEDIATE");
            for (String ddl : BASE_SCHEMA) {
                s.execute(ddl);
            }
            s.execute("PRAGMA application_id = " + APPLICATION_ID);
            s.execute("PRAGMA user_version = " + SCHEMA_VERSION);
            s.execute("COMMIT");
        }
    }

    private static void moveAside(Path file, Clock clock, Consumer<String> notices, String why) {
        try {
            Path moved = SqliteFiles.moveAside(file, clock.instant());
            notices.accept(file.getFileName() + " " + why + ": moved it to " + moved
                    + " and rebuilding the read models from events.db");
        } catch (IOException e) {
            throw new EventStoreException(file + " " + why + " and could not be moved aside: " + e.getMessage(), e);
        }
    }

    /**
     * Why a read.db cannot be kept for this events.db (built from another store, or not saying which),
     * or null. Reads only; the file is not touched.
     */
    private static String builtFromAnotherStore(Connection c, String fingerprint, long eventsHead) throws SQLException {
        try (Statement s = c.createStatement()) {
            if (intOf(s, "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name IN ('read_meta', 'checkpoints')") < 2) {
                return null;
            }
        }
        String stored = null;
        try (PreparedStatement ps = c.prepareStatement("SELECT value FROM read_meta WHERE key = 'events_fingerprint'");
             ResultSet rs = ps.executeQuery()) {
            if (rs.next()) {
                stored = rs.getString(1);
            }
        }
        long highest;
        try (Statement s = c.createStatement()) {
            highest = intOf(s, "SELECT COALESCE(MAX(position), 0) FROM checkpoints");
        }
        if ((stored != null && !stored.equals(fingerprint)) || highest > eventsHead) {
            return "was built from a different events.db";
        }
        if (stored == null && highest > 0) {
            return "does not say which events.db it was built from";
        }
        return null;
    }

    /** Identifies an event store by its first event, so that a read.db built from another store is noticed. */
    static String fingerprintOf(RecordedEvent first) {
        return first.streamId() + "@" + first.recordedAt();
    }

    /** Records which events.db this read.db is built from, once there is a first event to name it by. */
    private void checkBuiltFrom(String fingerprint, long eventsHead, Consumer<String> notices) {
        if (fingerprint == null) {
            return;
        }
        write(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT OR REPLACE INTO read_meta(key, value) VALUES ('events_fingerprint', ?)")) {
                ps.setString(1, fingerprint);
                ps.executeUpdate();
            }
            return null;
        });
    }

    static void rememberBuiltFrom(Connection c, RecordedEvent first) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO read_meta(key, value) VALUES ('events_fingerprint', ?)"
                + " ON CONFLICT(key) DO NOTHING")) {
            ps.setString(1, fingerprintOf(first));
            ps.executeUpdate();
        }
    }

    private static int intOf(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static boolean isCorrupt(SQLException e) {
        String m = String.valueOf(e.getMessage());
        return m.contains("SQLITE_CORRUPT") || m.contains("SQLITE_NOTADB") || m.contains("malformed");
    }

    public Path file() {
        return file;
    }

    /**
     * Creates a projection's tables and its checkpoint (at 0) if they are missing. The checkpoint row is
     * what makes a projection added at runtime start again with the app, even if it had not applied an
     * event yet when the app stopped.
     */
    public void ensureSchema(Projection projection) {
        write(c -> {
            try (Statement s = c.createStatement()) {
                for (String ddl : projection.schema()) {
                    s.execute(ddl);
                }
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO checkpoints(projection, position, updated_at) VALUES (?, 0, ?)"
                            + " ON CONFLICT(projection) DO NOTHING")) {
                ps.setString(1, projection.name());
                ps.setString(2, SqliteFiles.formatInstant(clock.instant()));
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** Runs {@code work} in one {@code BEGIN IMMEDIATE} transaction on the writer thread and waits for it. */
    public <T> T write(Transaction<T> work) {
        if (closed) {
            throw new IllegalStateException(file + " is closed");
        }
        try {
            return writer.submit(() -> inTransaction(work)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ReadModelException("interrupted while writing " + file, e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new ReadModelException("writing " + file.getFileName() + " failed: " + cause.getMessage(), cause);
        }
    }

    private <T> T inTransaction(Transaction<T> work) throws SQLException {
        try (Statement s = writeConnection.createStatement()) {
            s.execute("BEGIN IMMEDIATE");
            boolean committed = false;
            try {
                T result = work.run(writeConnection);
                s.execute("COMMIT");
                committed = true;
                return result;
            } finally {
                if (!committed) {
                    s.execute("ROLLBACK");
                }
            }
        }
    }

    /** The writer of one projection on the writer connection; call only inside {@link #write}. */
    Projection.Writer writerFor(Projection projection) throws SQLException {
        Projection.Writer w = writers.get(projection.name());
        if (w == null) {
            w = projection.open(writeConnection);
            writers.put(projection.name(), w);
        }
        return w;
    }

    /** Runs a query on this thread's own reader connection. */
    public <T> T read(Query<T> query) {
        if (closed) {
            throw new IllegalStateException(file + " is closed");
        }
        try {
            Connection c = readConnection.get();
            if (c == null || c.isClosed()) {
                c = SqliteFiles.open(file, false);
                readConnection.set(c);
                readConnections.add(c);
            }
            return query.run(c);
        } catch (SQLException e) {
            throw new ReadModelException("reading " + file.getFileName() + " failed: " + e.getMessage(), e);
        }
    }

    public long checkpoint(String projection) {
        return read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT position FROM checkpoints WHERE projection = ?")) {
                ps.setString(1, projection);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getLong(1) : 0L;
                }
            }
        });
    }

    /** Inside a write transaction: moves a projection's checkpoint. */
    static void saveCheckpoint(Connection c, String projection, long position, String updatedAt) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO checkpoints(projection, position, updated_at) VALUES (?, ?, ?)"
                        + " ON CONFLICT(projection) DO UPDATE SET position = excluded.position, updated_at = excluded.updated_at")) {
            ps.setString(1, projection);
            ps.setLong(2, position);
            ps.setString(3, updatedAt);
            ps.executeUpdate();
        }
    }

    /** Names of projections that have a checkpoint (were running before). */
    public List<String> projectionsWithCheckpoint() {
        return read(c -> {
            List<String> names = new ArrayList<>();
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT projection FROM checkpoints ORDER BY projection")) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
            return names;
        });
    }

    Clock clock() {
        return clock;
    }

    private static void closeQuietly(AutoCloseable c) {
        if (c != null) {
            try {
                c.close();
            } catch (Exception ignored) {
                // closing after a failure; the failure is what gets reported
            }
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        writer.submit(() -> {
            for (Projection.Writer w : writers.values()) {
                closeQuietly(w);
            }
            closeQuietly(writeConnection);
        });
        writer.shutdown();
        try {
            writer.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (Connection c : readConnections) {
            closeQuietly(c);
        }
    }
}
