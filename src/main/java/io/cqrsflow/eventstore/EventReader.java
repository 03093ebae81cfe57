package io.cqrsflow.eventstore;

import io.cqrsflow.sqlite.ReaderConnections;
import io.cqrsflow.sqlite.SqliteConnections.Synchronous;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeSet;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Reads events.db on each reading thread's own connection (WAL: never waiting for the writer), and
 * remembers the first event it could not decode: from then on the store appends nothing.
 */
final class EventReader {
    private static final String COLUMNS = String.join(", ", EventStoreFile.COLUMNS);
    /** Reads of at most this many events are shared between readers of the same range. */
    static final int SHARED_UP_TO = 1_000;
    /** How many shared reads are kept: enough for projectors a few batches apart. */
    private static final int SHARED_READS = 8;

    private final Path file;
    private final EventCodec codec;
    private final ReaderConnections readers;
    /** The log's hash at some positions, from the scan at open: where {@link #logHashesAt} starts walking. */
    private final NavigableMap<Long, String> marks;
    private volatile String unreadable;
    /** Closed with its connection ({@link #close}); a thread whose connection was closed prepares it again. */
    private final ThreadLocal<Prepared> streamStatements = new ThreadLocal<>();

    /** The latest shared reads ({@link #readAll}), newest last; a few batches, so memory stays bounded. */
    private final Map<Range, CompletableFuture<List<RecordedEvent>>> recent = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Range, CompletableFuture<List<RecordedEvent>>> eldest) {
            return size() > SHARED_READS;
        }
    };

    private record Range(long afterPosition, int limit) {
    }

    EventReader(Path file, EventCodec codec, NavigableMap<Long, String> marks) {
        this.file = file;
        this.codec = codec;
        this.marks = marks;
        this.readers = new ReaderConnections(file, Synchronous.FULL);
    }

    List<RecordedEvent> readStream(String streamId) {
        try {
            PreparedStatement ps = streamStatement();
            ps.setString(1, streamId);
            try (ResultSet rs = ps.executeQuery()) {
                List<RecordedEvent> events = new ArrayList<>();
                while (rs.next()) {
                    events.add(toRecorded(rs));
                }
                return events;
            }
        } catch (SQLException e) {
            throw SqliteEventStore.describe(file, e);
        }
    }

    /**
     * This thread's statement for reading a stream, prepared once per reader connection: every command reads
     * one or two streams, and compiling the SQL each time cost as much as running it.
     */
    private PreparedStatement streamStatement() throws SQLException {
        Connection connection = readers.forThisThread();
        Prepared kept = streamStatements.get();
        if (kept == null || kept.connection() != connection || kept.statement().isClosed()) {
            kept = new Prepared(connection, connection.prepareStatement(
                    "SELECT " + COLUMNS + " FROM events WHERE stream_id = ? ORDER BY stream_version"));
            streamStatements.set(kept);
        }
        return kept.statement();
    }

    private record Prepared(Connection connection, PreparedStatement statement) {
    }

    /**
     * Up to {@code limit} events after {@code afterPosition}. A read of at most {@link #SHARED_UP_TO} events is
     * shared: projectors replaying the same range (a rebuild, a catch-up) get the one list the first of them
     * read and decoded, or wait for its read, instead of each reading and decoding every event again. Safe
     * because the log is append-only: positions up to the head never change, and the list is unmodifiable.
     */
    List<RecordedEvent> readAll(long afterPosition, int limit) {
        if (limit > SHARED_UP_TO) {
            return readAllNow(afterPosition, limit);
        }
        Range range = new Range(afterPosition, limit);
        CompletableFuture<List<RecordedEvent>> mine = new CompletableFuture<>();
        CompletableFuture<List<RecordedEvent>> theirs;
        synchronized (recent) {
            theirs = recent.putIfAbsent(range, mine);
        }
        if (theirs != null) {
            try {
                return theirs.join();
            } catch (CompletionException | CancellationException failed) {
                return readAllNow(afterPosition, limit); // theirs failed: try again, and report our own failure
            }
        }
        try {
            List<RecordedEvent> events = List.copyOf(readAllNow(afterPosition, limit));
            mine.complete(events);
            if (events.size() < limit) {
                forget(range, mine); // the head was within reach: a later read of this range may find more
            }
            return events;
        } catch (RuntimeException | Error e) {
            forget(range, mine);
            mine.completeExceptionally(e);
            throw e;
        }
    }

    private void forget(Range range, CompletableFuture<List<RecordedEvent>> read) {
        synchronized (recent) {
            recent.remove(range, read);
        }
    }

    private List<RecordedEvent> readAllNow(long afterPosition, int limit) {
        return query("SELECT " + COLUMNS + " FROM events WHERE position > ? ORDER BY position LIMIT ?",
                ps -> {
                    ps.setLong(1, afterPosition);
                    ps.setInt(2, limit);
                });
    }

    /** Null while every event read so far could be decoded; otherwise the message for the first that could not. */
    String unreadable() {
        return unreadable;
    }

    /**
     * The {@link LogHash} of the log at each of {@code positions} that exists. Walks forward from the nearest
     * mark the scan at open left, so each costs at most {@link EventStoreFile#MARK_EVERY} rows read, not a
     * pass over the log.
     */
    Map<Long, String> logHashesAt(Collection<Long> positions) {
        Map<Long, String> found = new HashMap<>();
        try (PreparedStatement ps = readers.forThisThread().prepareStatement(
                "SELECT position, stream_id, stream_version, type, data FROM events"
                        + " WHERE position > ? AND position <= ? ORDER BY position")) {
            for (long wanted : new TreeSet<>(positions)) {
                Map.Entry<Long, String> mark = marks.floorEntry(wanted);
                if (mark == null) {
                    continue;
                }
                LogHash hash = LogHash.from(mark.getValue());
                long at = mark.getKey();
                ps.setLong(1, at);
                ps.setLong(2, wanted);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        at = rs.getLong(1);
                        hash.add(at, rs.getString(2), rs.getLong(3), rs.getString(4), rs.getString(5));
                    }
                }
                if (at == wanted) {
                    found.put(wanted, hash.value());
                }
            }
            return found;
        } catch (SQLException e) {
            throw SqliteEventStore.describe(file, e);
        }
    }

    void close() {
        readers.closeAll();
    }

    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private List<RecordedEvent> query(String sql, Binder binder) {
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
            throw SqliteEventStore.describe(file, e);
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
            String message = EventStoreFile.unreadable(file, position, e);
            if (unreadable == null) {
                unreadable = message; // the first one found: later appends say where the trouble begins
            }
            throw new EventStoreException(message, e);
        }
    }
}
