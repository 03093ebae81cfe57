package io.cqrsflow.eventstore;

import io.cqrsflow.sqlite.FileHeader;
import io.cqrsflow.sqlite.SingleWriter;
import io.cqrsflow.sqlite.SqliteConnections;
import io.cqrsflow.sqlite.SqliteConnections.Synchronous;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Decides whether the events.db on disk may be written to, reading only until it knows: a file that is not
 * a CQRS Flow event store, of a schema version this code does not know, damaged, or holding an event that
 * cannot be read back is refused, byte for byte as it was. The user's history is never repaired or moved
 * unasked; what to do is said in the message.
 */
final class EventStoreFile {

    /** Marks the file as ours ("CQFE"), so a stranger's SQLite file is recognised as one. */
    static final int APPLICATION_ID = 0x43514645;
    static final int SCHEMA_VERSION = 1;

    static final List<String> COLUMNS =
            List.of("position", "stream_id", "stream_version", "type", "data", "metadata", "recorded_at");

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

    /** What to do about an events.db that is damaged: the user's history, never repaired or moved unasked. */
    static final String IF_DAMAGED = "CQRS Flow has not written to it and left it as it was. Keep a copy;"
            + " `sqlite3 events.db .recover` exports what can still be read. Start with --fresh to move it aside"
            + " (nothing is deleted) and begin a new store.";

    private static final String LEFT_ALONE = " CQRS Flow left it untouched; move it away or choose another data folder.";

    /**
     * Every row once, at open: its place in the {@link LogHash} (so that read.db's check that it was built
     * from this log costs no second pass), and whether it is worth decoding — what SQLite can tell cheaply is
     * wrong (an unknown type, text that is not JSON, a time not written as we write it) and rows long enough
     * to hold a value the JSON reader refuses (a number of more than 1 000 digits). About 1–2 s for a million
     * events; decoding every row in Java would take 3–8 s. A short row whose JSON has the wrong shape is found
     * on its first read instead ({@link EventReader} stops the store appending then).
     */
    private static final String SCAN = "SELECT position, stream_id, stream_version, type, data,"
            + " type NOT IN ('CustomerRegistered', 'OrderPlaced', 'OrderPaid', 'OrderShipped', 'OrderCancelled')"
            + " OR json_valid(data) = 0 OR json_valid(metadata) = 0 OR length(data) > 1000 OR length(metadata) > 1000"
            + " OR recorded_at NOT GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9].[0-9][0-9][0-9]Z'"
            + " FROM events ORDER BY position";

    /** The log's hash is kept at every this many positions (and at the last), so any other is a short walk away. */
    static final int MARK_EVERY = 1_000;

    /**
     * A writer connection to an events.db of ours, and the {@link LogHash} marks its scan left. {@code check}
     * completes with null once the file is known healthy (the marks are complete then), or with the message
     * saying why nothing may be appended; it is complete already unless the check was left to run in the
     * background.
     */
    record Opened(Connection connection, NavigableMap<Long, String> logHashMarks, BackgroundCheck check) {
    }

    private EventStoreFile() {
    }

    /** Refuses, before connecting, a folder or a file that is not SQLite at all (SQLite might take it as empty). */
    static void refuseWhatIsNotADatabase(Path file) {
        if (Files.isDirectory(file)) {
            throw new EventStoreException(file + " is a folder, not an event store file");
        }
        if (!FileHeader.looksLikeSqlite(file)) {
            throw new EventStoreException(file + " is not an event store: it is not an SQLite database at all."
                    + LEFT_ALONE);
        }
    }

    /** A writer connection to a healthy events.db of ours at {@code file}, in WAL mode, at the current schema. */
    static Opened open(Path file, EventCodec codec) throws SQLException {
        return open(file, codec, null);
    }

    /**
     * As {@link #open(Path, EventCodec)}; with {@code inBackground}, a store of ours already in WAL mode (every
     * store this app wrote) is only looked at here — header, version, table — and its integrity check and scan
     * run on a thread of their own ({@link BackgroundCheck}): the file is not written to until they pass
     * (switching an WAL file to WAL changes nothing on disk). Any other file is checked here, as before.
     *
     * @param inBackground null: check here; else the check starts in the background once this has completed
     */
    static Opened open(Path file, EventCodec codec, java.util.concurrent.CompletionStage<?> inBackground)
            throws SQLException {
        // Look before touching: a stranger's or damaged database must not even be switched to WAL.
        Connection connection = SqliteConnections.connect(file);
        try {
            NavigableMap<Long, String> marks = new TreeMap<>(Map.of(0L, LogHash.EMPTY));
            int version = inspectHeader(connection, file);
            BackgroundCheck check;
            if (version > 0 && inBackground != null && inWalMode(connection)) {
                check = BackgroundCheck.start(file, c -> check(c, file, codec, marks), inBackground);
            } else {
                String problem = version == 0 ? null : check(connection, file, codec, marks);
                if (problem != null) {
                    throw new EventStoreException(problem);
                }
                check = BackgroundCheck.passed();
            }
            SqliteConnections.configure(connection, Synchronous.FULL);
            migrate(connection, version);
            return new Opened(connection, marks, check);
        } catch (SQLException | RuntimeException e) {
            SqliteConnections.closeQuietly(connection);
            throw e;
        }
    }

    private static boolean inWalMode(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("PRAGMA journal_mode")) {
            return rs.next() && "wal".equalsIgnoreCase(rs.getString(1));
        }
    }

    /**
     * Refuses anything but a blank file or an event store of a known version with our events table; returns its
     * version (0: blank). What it reads is a few pages; whether the rows are healthy is {@link #check}'s.
     */
    private static int inspectHeader(Connection connection, Path file) throws SQLException {
        FileHeader header = FileHeader.read(connection);
        if (header.isBlankFor(APPLICATION_ID)) {
            return 0;
        }
        if (header.applicationId() != APPLICATION_ID) {
            throw new EventStoreException(file + " is an SQLite database, but not a CQRS Flow event store ("
                    + header.describe() + ")." + LEFT_ALONE);
        }
        int version = header.userVersion();
        if (version > SCHEMA_VERSION) {
            throw new EventStoreException(file + " was written by a newer CQRS Flow (schema " + version
                    + ", this one knows up to " + SCHEMA_VERSION + "); use the newer version to open it.");
        }
        if (version < 1) {
            // Our mark and schema version are set in the same transaction as our tables: no CQRS Flow leaves this.
            throw new EventStoreException(file + " is marked as a CQRS Flow event store but says schema version "
                    + version + ", which no CQRS Flow writes: another program has changed it." + LEFT_ALONE);
        }
        String shape = whatIsWrongWithTheEventsTable(connection);
        if (shape != null) {
            throw new EventStoreException(file + " is marked as a CQRS Flow event store (schema " + version + "), but "
                    + shape + ": another program has changed it." + LEFT_ALONE);
        }
        return version;
    }

    /**
     * SQLite's integrity check, then the scan: null if the store is healthy (and {@code marks} complete), else
     * the message that says why nothing may be appended. About 3 s at a million events.
     */
    static String check(Connection connection, Path file, EventCodec codec, NavigableMap<Long, String> marks)
            throws SQLException {
        String damage = FileHeader.integrityProblem(connection);
        if (damage != null) {
            return file + " is damaged (SQLite's integrity check says: " + damage + "). " + IF_DAMAGED;
        }
        return scan(connection, file, codec, marks);
    }

    private static String whatIsWrongWithTheEventsTable(Connection connection) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("PRAGMA table_info(events)")) {
            while (rs.next()) {
                columns.add(rs.getString("name"));
            }
        }
        if (columns.isEmpty()) {
            return "it has no events table";
        }
        return columns.equals(COLUMNS) ? null
                : "its events table has the columns " + columns + " instead of " + COLUMNS;
    }

    /** Hashes the log into {@code marks}; returns the message for the first row that cannot be read back, or null. */
    private static String scan(Connection connection, Path file, EventCodec codec, NavigableMap<Long, String> marks)
            throws SQLException {
        LogHash hash = LogHash.from(LogHash.EMPTY);
        long position = 0;
        try (PreparedStatement ps = connection.prepareStatement(SCAN);
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                if (Thread.currentThread().isInterrupted()) {
                    return "the check of " + file + " was stopped before it finished (the store was closed)";
                }
                position = rs.getLong(1);
                hash.add(position, rs.getString(2), rs.getLong(3), rs.getString(4), rs.getString(5));
                if (position % MARK_EVERY == 0) {
                    marks.put(position, hash.value());
                }
                if (rs.getInt(6) != 0) {
                    String unreadable = decodes(connection, file, codec, position);
                    if (unreadable != null) {
                        return unreadable;
                    }
                }
            }
        }
        marks.put(position, hash.value());
        return null;
    }

    /** Null if the row at {@code position} reads back; otherwise why not, in words for the user. */
    private static String decodes(Connection connection, Path file, EventCodec codec, long position) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT type, data, metadata, recorded_at FROM events WHERE position = ?")) {
            ps.setLong(1, position);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                codec.decode(rs.getString(1), rs.getString(2));
                codec.decodeMetadata(rs.getString(3));
                SqliteFiles.parseInstant(rs.getString(4));
                return null;
            } catch (RuntimeException e) {
                return unreadable(file, position, e);
            }
        }
    }

    /** Says which event cannot be read, why, and what the user can do. */
    static String unreadable(Path file, long position, RuntimeException why) {
        return file + ": the event at position " + position + " cannot be read (" + why.getMessage() + ")."
                + " Nothing is appended after an event that cannot be read back, so " + IF_DAMAGED
                + " To keep what can be read: sqlite3 events.db \"SELECT * FROM events WHERE position < "
                + position + "\".";
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
}
