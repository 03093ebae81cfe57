package io.cqrsflow.sqlite;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;

/**
 * What an SQLite file says about itself before anything is changed in it: whose it is
 * ({@code PRAGMA application_id}), which schema version ({@code PRAGMA user_version}), and whether it has
 * any tables yet. Each store decides what to do with a file that is not its own; this only reads.
 *
 * @param tables how many schema objects (tables, views, indexes, triggers) the file has; 0 for a new file
 */
public record FileHeader(int applicationId, int userVersion, int tables) {

    private static final byte[] MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

    /**
     * True if the file is missing or empty (SQLite will create it) or starts with the SQLite header.
     * Checked before connecting, because SQLite would happily treat some non-database files as empty.
     */
    public static boolean looksLikeSqlite(Path file) {
        try {
            if (!Files.exists(file) || Files.size(file) == 0) {
                return true;
            }
            byte[] start = new byte[MAGIC.length];
            try (InputStream in = Files.newInputStream(file)) {
                int n = in.readNBytes(start, 0, start.length);
                return n == MAGIC.length && Arrays.equals(start, MAGIC);
            }
        } catch (IOException e) {
            return false;
        }
    }

    /** Reads the header on a connection from {@link SqliteConnections#connect}; a corrupt file fails here. */
    public static FileHeader read(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement()) {
            int applicationId = intOf(s, "PRAGMA application_id");
            int userVersion = intOf(s, "PRAGMA user_version");
            int tables = intOf(s, "SELECT COUNT(*) FROM sqlite_master");
            return new FileHeader(applicationId, userVersion, tables);
        }
    }

    /**
     * Null if SQLite's quick integrity check passes, otherwise its first complaint. Reads every page: about
     * 0.35 s for a million events, which is the price of never writing to a damaged file.
     */
    public static String integrityProblem(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("PRAGMA quick_check(1)")) {
            rs.next();
            String result = rs.getString(1);
            return "ok".equalsIgnoreCase(result) ? null : result;
        }
    }

    /**
     * Nothing in it and nobody's mark on it: a new file, ours to initialise. A file with no tables but
     * another program's {@code application_id} or a {@code user_version} is someone's file that is empty
     * so far, and must not be taken over (and have its marks overwritten).
     */
    public boolean isBlankFor(int ourApplicationId) {
        return tables == 0 && userVersion == 0 && (applicationId == 0 || applicationId == ourApplicationId);
    }

    /** Neither blank nor marked as ours: another program's file, to be left as it is. */
    public boolean isStrangerTo(int ourApplicationId) {
        return applicationId != ourApplicationId && !isBlankFor(ourApplicationId);
    }

    /** What the header says, for a message about a file that is not ours. */
    public String describe() {
        return applicationId == 0
                ? "user_version " + userVersion + ", " + tables + " schema object(s), no application_id"
                : String.format("application_id 0x%08X, user_version %d", applicationId, userVersion);
    }

    private static int intOf(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
