package io.cqrsflow.read;

import io.cqrsflow.eventstore.EventStore;
import io.cqrsflow.eventstore.LogHash;
import io.cqrsflow.eventstore.SqliteFiles;
import io.cqrsflow.sqlite.FileHeader;
import io.cqrsflow.sqlite.SqliteConnections;
import io.cqrsflow.sqlite.SqliteConnections.Synchronous;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;

/**
 * The write model's truth kept between runs in {@value #FILE} beside read.db, so that a window reopening a big
 * store folds only the events appended since, not the whole log. It is folded from events.db alone, never from
 * the read models it is compared with, and it says how far: the position folded to and the log's hash there
 * ({@link LogHash}, the value read.db's checkpoints keep). It is used only when events.db's own hash at that
 * position is the same — a fork, a rewritten or removed event anywhere before it, or a shorter log, and it is
 * emptied and folded again from the start. Derived data, like read.db: a file of ours that is damaged or of
 * another version is moved aside, and a file that is not ours is left alone (a temporary truth is used).
 */
final class KeptTruth {
    static final String FILE = "truth.db";
    static final int APPLICATION_ID = 0x43514654; // "CQFT"
    static final int SCHEMA_VERSION = 1;

    private KeptTruth() {
    }

    /**
     * The truth kept in {@code file} if it was folded from this very log, else an emptied one; its
     * {@link TruthTable#position()} says how far it is folded already. Asks the store for its log's hash, so
     * needs the store's open-time check over.
     */
    static TruthTable open(Path file, EventStore store) {
        if (Files.exists(file) && !FileHeader.looksLikeSqlite(file)) {
            return TruthTable.empty(); // someone's file: not ours to touch
        }
        Connection c = null;
        try {
            c = SqliteConnections.connect(file);
            FileHeader header = FileHeader.read(c);
            if (header.isStrangerTo(APPLICATION_ID)) {
                c.close();
                return TruthTable.empty();
            }
            if (!header.isBlankFor(APPLICATION_ID)
                    && (header.userVersion() != SCHEMA_VERSION || FileHeader.integrityProblem(c) != null)) {
                c.close();
                SqliteFiles.moveAside(file, Instant.now());
                c = SqliteConnections.connect(file);
            }
            SqliteConnections.configure(c, Synchronous.NORMAL);
            SqliteConnections.tuneForBulkWrites(c, 32, 8_000);
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA application_id = " + APPLICATION_ID);
                s.execute("PRAGMA user_version = " + SCHEMA_VERSION);
                TruthTable.createTables(s);
                s.execute("CREATE TABLE IF NOT EXISTS folded(position INTEGER NOT NULL, log_hash TEXT NOT NULL)");
            }
            long position = 0;
            String hash = null;
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT position, log_hash FROM folded")) {
                if (rs.next()) {
                    position = rs.getLong(1);
                    hash = rs.getString(2);
                }
            }
            if (hash == null || !foldedFrom(store, position, hash)) {
                position = 0;
                hash = LogHash.EMPTY;
                empty(c);
            }
            return new TruthTable(c, position, LogHash.from(hash));
        } catch (SQLException | java.io.IOException | RuntimeException e) {
            SqliteConnections.closeQuietly(c);
            return TruthTable.empty(); // the window still compares, folding from the start each time it opens
        }
    }

    /** Whether the log up to {@code position} is the one the kept truth was folded from. */
    static boolean foldedFrom(EventStore store, long position, String hash) {
        if (position == 0) {
            return LogHash.EMPTY.equals(hash);
        }
        return position <= store.head() && hash.equals(store.logHashesAt(List.of(position)).get(position));
    }

    private static void empty(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS orders"); // its index goes with it: the first fold is faster without
            s.execute("DROP TABLE IF EXISTS customers");
            TruthTable.createTables(s);
            s.execute("DELETE FROM folded");
            s.execute("INSERT INTO folded VALUES (0, '" + LogHash.EMPTY + "')");
        }
    }
}
