package io.cqrsflow.eventstore;

import io.cqrsflow.domain.Event;
import io.cqrsflow.sqlite.ReaderConnections;
import io.cqrsflow.sqlite.SingleWriter;
import io.cqrsflow.sqlite.SqliteConnections;
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
import java.util.Collection;
import java.util.Map;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The event store on one SQLite file, {@code events.db}, with exactly the schema learners are shown:
 * <pre>
 * events(position INTEGER PRIMARY KEY, stream_id TEXT, stream_version INTEGER, type TEXT,
 *        data TEXT, metadata TEXT, recorded_at TEXT, UNIQUE(stream_id, stream_version))
 * </pre>
 * One writer connection begins every append with {@code BEGIN IMMEDIATE}; an append runs it on the
 * appending thread, holding the connection, so appends never overlap and a caller that waits for its commit
 * anyway is not handed to a writer thread and back. Readers have connections of their own (one per reading
 * thread), so reading never waits for the writer (WAL). That plumbing is shared with read.db ({@link SingleWriter},
 * {@link ReaderConnections}); what is here is the schema and the operations of an event store.
 */
public final class SqliteEventStore implements EventStore {

    static final int APPLICATION_ID = EventStoreFile.APPLICATION_ID;
    static final int SCHEMA_VERSION = EventStoreFile.SCHEMA_VERSION;

    private static final String COLUMNS = String.join(", ", EventStoreFile.COLUMNS);

    private final Path file;
    private final Clock clock;
    private final EventCodec codec = new EventCodec();
    private final FolderLock folderLock;
    private final SingleWriter writer;
    private final EventReader reader;
    /** The open-time integrity check and scan; done already unless opened with {@link #openCheckingInBackground}. */
    private final BackgroundCheck check;
    /** Kept on the writer connection; touched only while the {@link SingleWriter} holds it. */
    private PreparedStatement streamVersion;
    private PreparedStatement insert;
    private final AtomicLong head = new AtomicLong();
    private final List<Consumer<List<RecordedEvent>>> listeners = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    private SqliteEventStore(Path file, Clock clock, FolderLock folderLock, EventStoreFile.Opened opened)
            throws SQLException {
        Connection writeConnection = opened.connection();
        this.file = file;
        this.clock = clock;
        this.folderLock = folderLock;
        this.check = opened.check();
        prepare(writeConnection);
        try (Statement s = writeConnection.createStatement();
             ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(position), 0) FROM events")) {
            rs.next();
            head.set(rs.getLong(1));
        }
        this.writer = new SingleWriter("events.db writer", writeConnection, failure -> {
            SqliteConnections.closeQuietly(streamVersion);
            SqliteConnections.closeQuietly(insert);
            try {
                prepare(writeConnection);
            } catch (SQLException e) {
                throw describe(file, e);
            }
        });
        this.reader = new EventReader(file, codec, opened.logHashMarks());
    }

    private void prepare(Connection writeConnection) throws SQLException {
        streamVersion = writeConnection.prepareStatement(
                "SELECT COALESCE(MAX(stream_version), 0) FROM events WHERE stream_id = ?");
        insert = writeConnection.prepareStatement("INSERT INTO events(" + COLUMNS + ") VALUES (?,?,?,?,?,?,?)");
    }

    /**
     * Opens (creating if needed) the event store at {@code file}. Refuses, with a message naming the
     * file, anything that is not a CQRS Flow event store, a corrupt file, a file from a newer version,
     * and a data folder another running copy holds. Never changes or deletes such a file.
     */
    public static SqliteEventStore open(Path file, Clock clock) {
        return open(file, clock, null);
    }

    /**
     * As {@link #open(Path, Clock)}, but a store this app wrote (in WAL mode) is checked in the background:
     * the integrity check and the scan (about 3 s at a million events) run on a thread of their own, and
     * only the first append and {@link #logHashesAt} wait for them. A damaged store still never has anything
     * appended: the append throws the same message {@code open} would have. {@link #checked()} says when.
     */
    public static SqliteEventStore openCheckingInBackground(Path file, Clock clock) {
        return openCheckingInBackground(file, clock, CompletableFuture.completedFuture(null));
    }

    /** As {@link #openCheckingInBackground(Path, Clock)}, the check starting once {@code checkAfter} has completed. */
    public static SqliteEventStore openCheckingInBackground(Path file, Clock clock, CompletionStage<?> checkAfter) {
        return open(file, clock, checkAfter);
    }

    private static SqliteEventStore open(Path file, Clock clock, CompletionStage<?> checkInBackground) {
        Path folder = file.toAbsolutePath().getParent();
        try {
            Files.createDirectories(folder);
        } catch (Exception e) {
            throw new EventStoreException("cannot create the data folder " + folder + ": " + e.getMessage(), e);
        }
        EventStoreFile.refuseWhatIsNotADatabase(file);
        FolderLock lock = FolderLock.acquire(folder);
        EventStoreFile.Opened opened = null;
        try {
            opened = EventStoreFile.open(file, new EventCodec(), checkInBackground);
            return new SqliteEventStore(file, clock, lock, opened);
        } catch (SQLException e) {
            SqliteConnections.closeQuietly(opened == null ? null : opened.connection());
            lock.close();
            throw describe(file, e);
        } catch (RuntimeException e) {
            SqliteConnections.closeQuietly(opened == null ? null : opened.connection());
            lock.close();
            throw e;
        }
    }

    /** Turns an SQLite error into a sentence a user can act on. */
    static EventStoreException describe(Path file, SQLException e) {
        return new EventStoreException(SqliteProblem.describe(file, e, EventStoreFile.IF_DAMAGED), e);
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
        String problem = check.await(); // nothing is written before the open-time check has passed
        if (problem != null) {
            throw new EventStoreException(problem);
        }
        String unreadable = reader.unreadable();
        if (unreadable != null) {
            throw new EventStoreException(unreadable);
        }
        // Encode before taking the writer connection: it is held only for the SQL.
        List<String> data = new ArrayList<>(events.size());
        for (Event event : events) {
            data.add(readableBack(event));
        }
        String meta = codec.encodeMetadata(metadata);
        try {
            return writer.transactionOnCallingThread(c -> write(streamId, expectedVersion, events, data, meta, metadata),
                    recorded -> {
                        // Still holding the writer: the head moves, and listeners hear of appends, in commit order.
                        head.set(recorded.get(recorded.size() - 1).position());
                        notifyListeners(recorded);
                    });
        } catch (SQLException e) {
            throw describe(file, e);
        }
    }

    /**
     * The event as JSON, once it is known to read back: an event the codec writes but cannot read (a number
     * past the JSON reader's limits) would stop every projector for good, so it is refused before it is stored.
     */
    private String readableBack(Event event) {
        String json = codec.encode(event);
        try {
            codec.decode(event.type(), json);
        } catch (RuntimeException e) {
            throw new EventStoreException("the " + event.type() + " was not stored: it could not be read back ("
                    + e.getMessage() + ")", e);
        }
        return json;
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
        ensureOpen();
        return reader.readStream(streamId);
    }

    @Override
    public List<RecordedEvent> readAll(long afterPosition, int limit) {
        ensureOpen();
        return reader.readAll(afterPosition, limit);
    }

    @Override
    public Map<Long, String> logHashesAt(Collection<Long> positions) {
        ensureOpen();
        String problem = check.await(); // the marks are complete once the scan is
        if (problem != null) {
            throw new EventStoreException(problem);
        }
        return reader.logHashesAt(positions);
    }

    @Override
    public String unreadable() {
        String problem = check.problemSoFar();
        return problem != null ? problem : reader.unreadable();
    }

    @Override
    public CompletionStage<String> checked() {
        return check.result();
    }

    /**
     * Lets the file grow to at most {@code pages} pages, on the writer connection: how a test gives the writer
     * a full disk, which SQLite then reports exactly as a full file system (SQLITE_FULL).
     */
    void limitSizeTo(long pages) {
        try {
            writer.transaction(c -> {
                try (Statement s = c.createStatement()) {
                    s.execute("PRAGMA max_page_count = " + pages);
                }
                return null;
            });
        } catch (SQLException | InterruptedException e) {
            throw new IllegalStateException(e);
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
        check.stop();
        writer.close(() -> {
            SqliteConnections.closeQuietly(streamVersion);
            SqliteConnections.closeQuietly(insert);
        });
        reader.close();
        folderLock.close();
    }
}
