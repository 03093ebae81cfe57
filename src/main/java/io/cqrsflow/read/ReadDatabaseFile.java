package io.cqrsflow.read;

import io.cqrsflow.eventstore.EventStore;
import io.cqrsflow.eventstore.EventStoreException;
import io.cqrsflow.eventstore.LogHash;
import io.cqrsflow.eventstore.SqliteFiles;
import io.cqrsflow.sqlite.FileHeader;
import io.cqrsflow.sqlite.SingleWriter;
import io.cqrsflow.sqlite.SqliteConnections;
import io.cqrsflow.sqlite.SqliteConnections.Synchronous;
import io.cqrsflow.sqlite.SqliteProblem;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Decides whether the read.db on disk can be kept. read.db is derived data: a file that is missing,
 * not SQLite, corrupt, a stranger's, of another schema version, or built from another events.db is moved
 * aside (never deleted, a learner may have added a table of their own) and a new one begun, with a
 * notice that says so. Only reads a file before deciding; the rows themselves are {@link ReadDatabase}'s.
 */
final class ReadDatabaseFile {

    /** What to do about a read.db that is still corrupt after being moved aside once. */
    static final String IF_CORRUPT = "Move it away: the read models can always be rebuilt from events.db.";

    private ReadDatabaseFile() {
    }

    /**
     * A writer connection to a usable read.db at {@code file}, in WAL mode, with {@code initialise} run in
     * one transaction. See {@link ReadDatabase#open} for the parameters.
     */
    static Connection open(Path file, Clock clock, EventStore store, Consumer<String> notices,
                           SingleWriter.Transaction<?> initialise) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new EventStoreException("cannot create the folder for " + file + ": " + e.getMessage(), e);
        }
        if (!Files.exists(file)) {
            if (store.head() > 0) {
                // Worth saying only when there is history to rebuild; a brand-new folder is no news.
                notices.accept(file.getFileName() + " does not exist yet: building the read models from events.db");
            }
        } else if (!FileHeader.looksLikeSqlite(file)) {
            moveAside(file, clock, notices, "is not an SQLite database");
        }
        return openSqlite(file, clock, store, notices, initialise, true);
    }

    private static Connection openSqlite(Path file, Clock clock, EventStore store, Consumer<String> notices,
                                         SingleWriter.Transaction<?> initialise, boolean mayMoveCorruptAside) {
        Connection connection = null;
        try {
            // Look before touching: a file that is not ours is moved aside as it was, not even switched to WAL.
            connection = SqliteConnections.connect(file);
            String unusable = whyUnusable(connection);
            if (unusable != null) {
                connection.close();
                moveAside(file, clock, notices, unusable);
                connection = SqliteConnections.connect(file);
            }
            // A store still being checked in the background has no log hashes yet: ReadSide checks later.
            String otherStore = isChecked(store) ? builtFromAnotherLog(connection, store) : null;
            if (otherStore != null) {
                // Derived data, but a learner may have added a view or table of their own: keep it all, aside.
                connection.close();
                moveAside(file, clock, notices, otherStore);
                connection = SqliteConnections.connect(file);
            }
            SqliteConnections.configure(connection, Synchronous.NORMAL);
            SingleWriter.immediate(connection, initialise);
            return connection;
        } catch (SQLException e) {
            SqliteConnections.closeQuietly(connection);
            if (mayMoveCorruptAside && SqliteProblem.of(e) == SqliteProblem.CORRUPT) {
                // A corrupt read.db costs nothing to rebuild: move it aside and start again, once.
                moveAside(file, clock, notices, "is corrupt (" + e.getMessage() + ")");
                return openSqlite(file, clock, store, notices, initialise, false);
            }
            throw new EventStoreException(SqliteProblem.describe(file, e, IF_CORRUPT), e);
        }
    }

    /** Null if the file is ours and current (or empty), else why it cannot be used. Reads only. */
    private static String whyUnusable(Connection connection) throws SQLException {
        FileHeader header = FileHeader.read(connection);
        if (header.isBlankFor(ReadDatabase.APPLICATION_ID)) {
            return null;
        }
        if (header.applicationId() != ReadDatabase.APPLICATION_ID) {
            return "is not a CQRS Flow read database";
        }
        if (header.userVersion() < ReadDatabase.SCHEMA_VERSION) {
            return "has an older schema (" + header.userVersion() + ")";
        }
        if (header.userVersion() > ReadDatabase.SCHEMA_VERSION) {
            return "has a newer schema (" + header.userVersion() + ")";
        }
        String problem = FileHeader.integrityProblem(connection);
        return problem == null ? null : "is corrupt (" + problem + ")";
    }

    /**
     * Why a read.db cannot be kept for this events.db (built from another log, or not saying which), or null.
     * Each checkpoint's {@link LogHash} is compared with the hash of events.db's own log up to the same
     * position: a fork, a rewritten or removed event anywhere before a checkpoint gives another hash. The pass
     * over events.db this needs is the one the store makes at open anyway (it keeps the hash at every
     * 1 000th position), so each checkpoint costs at most 1 000 rows more; comparing only the event at each
     * checkpoint would be cheaper still but miss a fork that has
     * since come back to the same event. Reads only; the file is not touched.
     */
    static String builtFromAnotherLog(Connection c, EventStore store) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'checkpoints'")) {
            rs.next();
            if (rs.getInt(1) == 0) {
                return null;
            }
        }
        Map<Long, String> stored = new HashMap<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT position, log_hash FROM checkpoints")) {
            while (rs.next()) {
                String hash = rs.getString(2);
                if (hash == null || !hash.matches("[0-9a-f]{64}")) {
                    return "does not say which events.db it was built from";
                }
                if (stored.containsKey(rs.getLong(1)) && !stored.get(rs.getLong(1)).equals(hash)) {
                    return "was built from a different events.db"; // two projections disagree about one log
                }
                stored.put(rs.getLong(1), hash);
            }
        }
        long highest = stored.keySet().stream().mapToLong(Long::longValue).max().orElse(0);
        if (highest > store.head()) {
            return "was built from a different events.db";
        }
        Map<Long, String> actual = store.logHashesAt(stored.keySet());
        for (Map.Entry<Long, String> checkpoint : stored.entrySet()) {
            if (!checkpoint.getValue().equals(actual.get(checkpoint.getKey()))) {
                return "was built from a different events.db";
            }
        }
        return null;
    }

    /** Whether the store's open-time check is over (its log hashes known): then read.db is checked as it opens. */
    static boolean isChecked(EventStore store) {
        return store.checked().toCompletableFuture().isDone();
    }

    /**
     * Keeps a copy of a read.db that is open and found built from another log (the store was checked in the
     * background, after read.db opened): {@code VACUUM INTO} the place {@link #moveAside} would have moved
     * it to, learners' own tables included. The projectors then rebuild their tables in place.
     */
    static void copyAside(Connection reading, Path file, Clock clock, Consumer<String> notices, String why)
            throws SQLException {
        Path target;
        try {
            target = SqliteFiles.asideTarget(file, clock.instant());
        } catch (IOException e) {
            throw new EventStoreException(file + " " + why + " and could not be copied aside: " + e.getMessage(), e);
        }
        try (Statement s = reading.createStatement()) {
            s.execute("VACUUM INTO '" + target.toAbsolutePath().toString().replace("'", "''") + "'");
        }
        notices.accept(file.getFileName() + " " + why + ": copied it to " + target
                + " and rebuilding the read models from events.db");
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
}
