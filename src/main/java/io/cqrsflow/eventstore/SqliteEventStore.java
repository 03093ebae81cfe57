package io.cqrsflow.eventstore;

import io.cqrsflow.domain.Event;
import io.cqrsflow.sqlite.FileHeader;
import io.cqrsflow.sqlite.ReaderConnections;
import io.cqrsflow.sqlite.SingleWriter;
import io.cqrsflow.sqlite.SqliteConnections;
import io.cqrsflow.sqlite.SqliteConnections.Synchronous;
import io.cqrsflow.sqlite.SqliteProblem;

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
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The event store on one SQLite file, {@code events.db}, with exactly the schema learners are shown:
 * <pre>
 * events(position INTEGER PRIMARY KEY, stream_id TEXT, stream_version INTEGER, type TEXT,
 *        data TEXT, metadata TEXT, recorded_at TEXT, UNIQUE(stream_id, stream_version))
 * </pre>
 * One writer connection, used only by one writer thread, begins every append with
 * {@code BEGIN IMMEDIATE}; readers have connections of their own (one per reading thread), so reading
 * never waits for the writer (WAL). That plumbing is shared with read.db ({@link SingleWriter},
 * {@link ReaderConnections}); what is here is the schema and the operations of an event store.
 */
public final class SqliteEventStore implements EventStore {

    /** Marks the file as ours ("CQFE"), so a stranger's SQLite file is recognised as one. */
    static final int APPLICATION_ID = 0x43514645;
    static final int SCHEMA_VERSION = 1;

    private static final List<String> MIGRATIONS = List.of(
            // version 1
            """
            CREATE TABLE events(
                position       INTEGER PRIMARY KEY,
                stream_id      TEXT NOT NULL,
                stream_version INTEGER NOT NULL,
                type           TEXT NOT NULL,
                data           TEXT NOT NULL,
                metadata       TEXT NOT NULL,
                recorded_at    TEXT NOT NULL,
                UNIQUE(stream_id, stream_version))
            """);

    private static final String COLUMNS =
            "position, stream_id, stream_version, type, data, metadata, recorded_at";

    /** What to do about a corrupt events.db: the user's history, so it is never moved or repaired unasked. */
    private static final String IF_CORRUPT =
            "CQRS Flow left it untouched; start with --fresh to move it aside and begin a new store.";

    private final Path file;
    private final Clock clock;
    private final EventCodec codec = new EventCodec();
    private final FolderLock folderLock;
    private final SingleWriter writer;
    private final ReaderConnections readers;
    private final PreparedStatement streamVersion;
    private final PreparedStatement insert;
    private final AtomicLong head = new AtomicLong();
    private final List<Consumer<List<RecordedEvent>>> listeners = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    private SqliteEventStore(Path file, Clock clock, FolderLock folderLock, Connection writeConnection)
            throws SQLException {
        this.file = file;
        this.clock = clock;
        this.folderLock = folderLock;
        this.streamVersion = writeConnection.prepareStatement(
                "SELECT COALESCE(MAX(stream_version), 0) FROM events WHERE stream_id = ?");
        this.insert = writeConnection.prepareStatement("INSERT INTO events(" + COLUMNS + ") VALUES (?,?,?,?,?,?,?)");
        try (Statement s = writeConnection.createStatement();
             ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(position), 0) FROM events")) {
            rs.next();
            head.set(rs.getLong(1));
        }
        this.writer = new SingleWriter("events.db writer", writeConnection);
        this.readers = new ReaderConnections(file, Synchronous.FULL);
    }

    /**
     * Opens (creating if needed) the event store at {@code file}. Refuses, with a message naming the
     * file, anything that is not a CQRS Flow event store, a corrupt file, a file from a newer version,
     * and a data folder another running copy holds. Never changes or deletes such a file.
     */
    public static SqliteEventStore open(Path file, Clock clock) {
        Path folder = file.toAbsolutePath().getParent();
        try {
            Files.createDirectories(folder);
        } catch (Exception e) {
            throw new EventStoreException("cannot create the data folder " + folder + ": " + e.getMessage(), e);
        }
        if (Files.isDirectory(file)) {
            throw new EventStoreException(file + " is a folder, not an event store file");
        }
        if (!FileHeader.looksLikeSqlite(file)) {
            throw new EventStoreException(file + " is not an event store: it is not an SQLite database at all."
                    + " CQRS Flow left it untouched; move it away or choose another data folder.");
        }
        FolderLock lock = FolderLock.acquire(folder);
        Connection connection = null;
        try {
            // Look before touching: a stranger's database must not even be switched to WAL.
            connection = SqliteConnections.connect(file);
            int version = inspect(connection, file);
            SqliteConnections.configure(connection, Synchronous.FULL);
            migrate(connection, version);
            return new SqliteEventStore(file, clock, lock, connection);
        } catch (SQLException e) {
            SqliteConnections.closeQuietly(connection);
            lock.close();
            throw describe(file, e);
        } catch (RuntimeException e) {
            SqliteConnections.closeQuietly(connection);
            lock.close();
            throw e;
        }
    }

    /** Refuses a database that is not ours or is newer than this code; returns its schema version. */
    private static int inspect(Connection connection, Path file) throws SQLException {
        FileHeader header = FileHeader.read(connection);
        if (!header.isBlankOrMarkedAs(APPLICATION_ID)) {
            throw new EventStoreException(file + " is an SQLite database, but not a CQRS Flow event store."
                    + " CQRS Flow left it untouched; move it away or choose another data folder.");
        }
        if (header.userVersion() > SCHEMA_VERSION) {
            throw new EventStoreException(file + " was written by a newer CQRS Flow (schema " + header.userVersion()
                    + ", this one knows up to " + SCHEMA_VERSION + "); use the newer version to open it.");
        }
        return header.userVersion();
    }

    private static void migrate(Connection connection, int version) throws SQLException {
        if (version == SCHEMA_VERSION) {
            return;
        }
        SingleWriter.immediate(connection, c -> {
            try (Statement s = c.createStatement()) {
                for (int v = version; v < SCHEMA_VERSION; v++) {
                    s.execute(MIGRATIONS.get(v));
                }
                s.execute("PRAGMA application_id = " + APPLICATION_ID);
                s.execute("PRAGMA user_version = " + SCHEMA_VERSION);
            }
            return null;
        });
    }

    /** Turns an SQLite error into a sentence a user can act on. */
    static EventStoreException describe(Path file, SQLException e) {
        return new EventStoreException(SqliteProblem.describe(file, e, IF_CORRUPT), e);
    }

    public Path file() {
        return file;
    }

    @Override
    public List<RecordedEvent> append(String streamId, long expectedVersion, List<? extends Event> events,
                                      EventMetadata metadata) {
        if (events.isEmpty()) {
            return List.of();
        }
        ensureOpen();
        // Encode off the writer thread: the writer only does SQL.
        List<String> data = new ArrayList<>(events.size());
        for (Event event : events) {
            data.add(codec.encode(event));
        }
        String meta = codec.encodeMetadata(metadata);
        try {
            return writer.transaction(c -> write(streamId, expectedVersion, events, data, meta, metadata), recorded -> {
                // Still on the writer thread: the head moves, and listeners hear of appends, in commit order.
                head.set(recorded.get(recorded.size() - 1).position());
                notifyListeners(recorded);
            });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EventStoreException("interrupted while appending", e);
        } catch (SQLException e) {
            throw describe(file, e);
        }
    }

    private void notifyListeners(List<RecordedEvent> recorded) {
        for (Consumer<List<RecordedEvent>> listener : listeners) {
            try {
                listener.accept(recorded);
            } catch (RuntimeException e) {
                // A failing listener must not undo or block an append that is already durable.
                System.getLogger(SqliteEventStore.class.getName())
                        .log(System.Logger.Level.WARNING, "an append listener failed", e);
            }
        }
    }

    /** Inside the append's transaction: checks the expected version and inserts; commits nothing itself. */
    private List<RecordedEvent> write(String streamId, long expectedVersion, List<? extends Event> events,
                                      List<String> data, String meta, EventMetadata metadata) throws SQLException {
        streamVersion.setString(1, streamId);
        long actual;
        try (ResultSet rs = streamVersion.executeQuery()) {
            rs.next();
            actual = rs.getLong(1);
        }
        if (expectedVersion != ExpectedVersion.ANY && expectedVersion != actual) {
            throw new ConcurrencyConflict(streamId, expectedVersion, actual);
        }
        Instant now = clock.instant();
        String recordedAt = SqliteFiles.formatInstant(now);
        Instant recordedInstant = SqliteFiles.parseInstant(recordedAt);
        long position = head.get();
        List<RecordedEvent> recorded = new ArrayList<>(events.size());
        try {
            for (int i = 0; i < events.size(); i++) {
                Event event = events.get(i);
                position++;
                actual++;
                insert.setLong(1, position);
                insert.setString(2, streamId);
                insert.setLong(3, actual);
                insert.setString(4, event.type());
                insert.setString(5, data.get(i));
                insert.setString(6, meta);
                insert.setString(7, recordedAt);
                insert.addBatch();
                recorded.add(new RecordedEvent(position, streamId, actual, event.type(), event, data.get(i),
                        metadata, recordedInstant));
            }
            insert.executeBatch();
        } finally {
            insert.clearBatch(); // a failed batch must not be carried into the next append
        }
        return recorded;
    }

    @Override
    public List<RecordedEvent> readStream(String streamId) {
        return query("SELECT " + COLUMNS + " FROM events WHERE stream_id = ? ORDER BY stream_version",
                ps -> ps.setString(1, streamId));
    }

    @Override
    public List<RecordedEvent> readAll(long afterPosition, int limit) {
        return query("SELECT " + COLUMNS + " FROM events WHERE position > ? ORDER BY position LIMIT ?",
                ps -> {
                    ps.setLong(1, afterPosition);
                    ps.setInt(2, limit);
                });
    }

    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private List<RecordedEvent> query(String sql, Binder binder) {
        ensureOpen();
        try {
            Connection connection = readers.forThisThread();
            try (PreparedStatement ps = connection.prepareStatement(sql)) {
                binder.bind(ps);
                try (ResultSet rs = ps.executeQuery()) {
                    List<RecordedEvent> events = new ArrayList<>();
                    while (rs.next()) {
                        events.add(toRecorded(rs));
                    }
                    return events;
                }
            }
        } catch (SQLException e) {
            throw describe(file, e);
        }
    }

    private RecordedEvent toRecorded(ResultSet rs) throws SQLException {
        long position = rs.getLong(1);
        String type = rs.getString(4);
        String data = rs.getString(5);
        try {
            return new RecordedEvent(position, rs.getString(2), rs.getLong(3), type, codec.decode(type, data), data,
                    codec.decodeMetadata(rs.getString(6)), SqliteFiles.parseInstant(rs.getString(7)));
        } catch (RuntimeException e) {
            throw new EventStoreException(file + ": the event at position " + position + " cannot be read: "
                    + e.getMessage(), e);
        }
    }

    @Override
    public long head() {
        return head.get();
    }

    @Override
    public Subscription subscribe(Consumer<List<RecordedEvent>> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("the event store " + file + " is closed");
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        writer.close(() -> {
            SqliteConnections.closeQuietly(streamVersion);
            SqliteConnections.closeQuietly(insert);
        });
        readers.closeAll();
        folderLock.close();
    }
}
