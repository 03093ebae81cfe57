package io.cqrsflow.read;

import io.cqrsflow.eventstore.EventStoreException;
import io.cqrsflow.eventstore.EventStore;
import io.cqrsflow.eventstore.LogHash;
import io.cqrsflow.eventstore.SqliteFiles;
import io.cqrsflow.sqlite.ReaderConnections;
import io.cqrsflow.sqlite.SingleWriter;
import io.cqrsflow.sqlite.SqliteConnections;
import io.cqrsflow.sqlite.SqliteConnections.Synchronous;
import io.cqrsflow.sqlite.SqliteProblem;

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
import java.util.function.Consumer;

/**
 * read.db: every read model's tables plus {@code checkpoints(projection, position, updated_at)}.
 * One writer connection on one writer thread; each projector hands it the work of one transaction
 * (rows + checkpoint together, so a crash can neither skip nor double-apply an event). Queries use
 * per-thread reader connections and never wait for a projector (WAL). That plumbing is shared with
 * events.db ({@link SingleWriter}, {@link ReaderConnections}); what is here is read.db's own schema and
 * operations.
 *
 * <p>read.db is derived data: a missing, corrupt, foreign or outdated file, or one built from another log
 * (each checkpoint carries the {@link LogHash} of what it applied), is moved aside (never deleted) and
 * rebuilt from events.db, with a notice that says so ({@link ReadDatabaseFile}).
 */
public final class ReadDatabase implements AutoCloseable {

    static final int APPLICATION_ID = 0x43514652; // "CQFR"
    /**
     * 2: each checkpoint carries the {@link LogHash} of the events applied up to it. A read.db of schema 1 is
     * rebuilt rather than migrated: without those hashes nothing says which log it was built from.
     */
    static final int SCHEMA_VERSION = 2;

    /** The writer's page cache: a million events' rows and indexes are about 150 MB; their hot pages fit. */
    private static final int WRITER_CACHE_MB = 64;
    /** Pages of WAL before they are copied back into read.db (SQLite's default is 1 000: 4 MB). */
    private static final int WAL_CHECKPOINT_PAGES = 8_000;

    private static final List<String> BASE_SCHEMA = List.of(
            """
            CREATE TABLE IF NOT EXISTS checkpoints(
                projection TEXT PRIMARY KEY,
                position   INTEGER NOT NULL,
                log_hash   TEXT NOT NULL,
                updated_at TEXT NOT NULL)
            """);

    /** Where a projection stands: the last position applied and the log's hash up to it. */
    record Checkpoint(long position, String logHash) {
        static final Checkpoint START = new Checkpoint(0, LogHash.EMPTY);
    }

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
    private final Connection writeConnection;
    private final SingleWriter writer;
    private final ReaderConnections readers;
    /** Touched only on the writer thread. */
    private final Map<String, Projection.Writer> writers = new HashMap<>();
    private volatile boolean closed;

    private ReadDatabase(Path file, Clock clock, Connection writeConnection) throws SQLException {
        this.file = file;
        this.clock = clock;
        this.writeConnection = writeConnection;
        SqliteConnections.tuneForBulkWrites(writeConnection, WRITER_CACHE_MB, WAL_CHECKPOINT_PAGES);
        this.writer = new SingleWriter("read.db writer", writeConnection, this::afterFailure);
        this.readers = new ReaderConnections(file, Synchronous.NORMAL);
    }

    /**
     * Opens read.db, moving aside and recreating a file that cannot be used (see {@link ReadDatabaseFile}),
     * including one built from another log than {@code store}'s.
     *
     * @param notices receives one sentence per thing a user should know
     */
    public static ReadDatabase open(Path file, Clock clock, EventStore store, Consumer<String> notices) {
        Connection connection = ReadDatabaseFile.open(file, clock, store, notices, ReadDatabase::initialise);
        try {
            return new ReadDatabase(file, clock, connection);
        } catch (SQLException e) {
            SqliteConnections.closeQuietly(connection);
            throw new EventStoreException(SqliteProblem.describe(file, e, ReadDatabaseFile.IF_CORRUPT), e);
        }
    }

    /** Creates (or completes) the base schema and marks the file as ours, at the current version. */
    private static Void initialise(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement()) {
            for (String ddl : BASE_SCHEMA) {
                s.execute(ddl);
            }
            s.execute("PRAGMA application_id = " + APPLICATION_ID);
            s.execute("PRAGMA user_version = " + SCHEMA_VERSION);
        }
        return null;
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
                    "INSERT INTO checkpoints(projection, position, log_hash, updated_at) VALUES (?, 0, ?, ?)"
                            + " ON CONFLICT(projection) DO NOTHING")) {
                ps.setString(1, projection.name());
                ps.setString(2, LogHash.EMPTY);
                ps.setString(3, SqliteFiles.formatInstant(clock.instant()));
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
            return writer.transaction(work::run);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ReadModelException("interrupted while writing " + file, e);
        } catch (SQLException e) {
            throw new ReadModelException("writing " + file.getFileName() + " failed: "
                    + SqliteProblem.describe(file, e, ReadDatabaseFile.IF_CORRUPT), e);
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

    /**
     * Inside {@link #write}: {@code projection}'s tables were changed by other means than its writer (a rebuild
     * emptied them), so its writer forgets what it cached of them.
     */
    void tablesChanged(Projection projection) {
        Projection.Writer w = writers.get(projection.name());
        if (w != null) {
            w.forgetCached();
        }
    }

    /**
     * On the writer thread, after a failed transaction: a storage failure (full disk, I/O error, …) may leave
     * the projections' kept statements unusable, so they are opened again; a projection's own failure keeps them.
     */
    private void afterFailure(Throwable failure) {
        for (Projection.Writer w : writers.values()) {
            w.forgetCached(); // what they remembered from inside the failed transaction was rolled back
        }
        if (!(failure instanceof SQLException e) || SqliteProblem.of(e) == SqliteProblem.OTHER) {
            return;
        }
        for (Projection.Writer w : writers.values()) {
            SqliteConnections.closeQuietly(w);
        }
        writers.clear();
    }

    /** Runs a query on this thread's own reader connection. */
    public <T> T read(Query<T> query) {
        if (closed) {
            throw new IllegalStateException(file + " is closed");
        }
        try {
            return query.run(readers.forThisThread());
        } catch (SQLException e) {
            throw new ReadModelException("reading " + file.getFileName() + " failed: "
                    + SqliteProblem.describe(file, e, ReadDatabaseFile.IF_CORRUPT), e);
        }
    }

    /**
     * For a read.db opened while its store was still being checked ({@link EventStore#checked}): once the
     * store's check has passed, whether this file was built from another log, and if so a copy of it kept
     * aside, with a notice, before its projectors rebuild in place. True if it was built from another log.
     */
    boolean copyAsideIfBuiltFromAnotherLog(EventStore store, Consumer<String> notices) {
        return read(c -> {
            String other = ReadDatabaseFile.builtFromAnotherLog(c, store);
            if (other == null) {
                return false;
            }
            ReadDatabaseFile.copyAside(c, file, clock, notices, other);
            return true;
        });
    }

    /** True while no projection has applied an event (no checkpoint past 0): nothing in it to check against a log. */
    boolean appliedNothing() {
        return read(c -> {
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM checkpoints WHERE position > 0")) {
                return rs.next() && rs.getLong(1) == 0;
            }
        });
    }

    public long checkpoint(String projection) {
        return checkpointOf(projection).position();
    }

    Checkpoint checkpointOf(String projection) {
        return read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT position, log_hash FROM checkpoints WHERE projection = ?")) {
                ps.setString(1, projection);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? new Checkpoint(rs.getLong(1), rs.getString(2)) : Checkpoint.START;
                }
            }
        });
    }

    /**
     * Inside a write transaction: moves a projection's checkpoint, with the hash of the log up to it — in
     * the same transaction as the rows, so the hash always describes exactly what the rows were made from.
     */
    static void saveCheckpoint(Connection c, String projection, Checkpoint checkpoint, String updatedAt)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO checkpoints(projection, position, log_hash, updated_at) VALUES (?, ?, ?, ?)"
                        + " ON CONFLICT(projection) DO UPDATE SET position = excluded.position,"
                        + " log_hash = excluded.log_hash, updated_at = excluded.updated_at")) {
            ps.setString(1, projection);
            ps.setLong(2, checkpoint.position());
            ps.setString(3, checkpoint.logHash());
            ps.setString(4, updatedAt);
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

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        writer.close(() -> {
            for (Projection.Writer w : writers.values()) {
                SqliteConnections.closeQuietly(w);
            }
        });
        readers.closeAll();
    }
}
