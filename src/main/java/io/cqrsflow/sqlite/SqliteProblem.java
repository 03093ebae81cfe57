package io.cqrsflow.sqlite;

import java.nio.file.Path;
import java.sql.SQLException;

/**
 * The kinds of SQLite failure a user can do something about, and the sentence that tells them what. One
 * place, so that events.db and read.db say the same thing about the same trouble.
 */
public enum SqliteProblem {
    /** The file is damaged or not a database at all. */
    CORRUPT,
    /** Another connection holds a lock longer than the busy timeout. */
    LOCKED,
    /** The file or its folder cannot be written (or opened). */
    READ_ONLY,
    /** The disk (or a quota) is full. */
    DISK_FULL,
    /** The operating system failed to read or write the file. */
    IO_ERROR,
    /** Anything else: reported as SQLite says it. */
    OTHER;

    /** Classifies by the result code sqlite-jdbc puts in the message ("[SQLITE_BUSY] ..."). */
    public static SqliteProblem of(SQLException e) {
        String m = String.valueOf(e.getMessage());
        if (m.contains("SQLITE_CORRUPT") || m.contains("SQLITE_NOTADB") || m.contains("malformed")) {
            return CORRUPT;
        }
        if (m.contains("SQLITE_BUSY") || m.contains("SQLITE_LOCKED")) {
            return LOCKED;
        }
        if (m.contains("SQLITE_READONLY") || m.contains("SQLITE_CANTOPEN") || m.contains("SQLITE_PERM")) {
            return READ_ONLY;
        }
        if (m.contains("SQLITE_FULL")) {
            return DISK_FULL;
        }
        if (m.contains("SQLITE_IOERR")) {
            return IO_ERROR;
        }
        return OTHER;
    }

    /**
     * One sentence naming the file, what went wrong and what to do.
     *
     * @param ifCorrupt what to do about a corrupt file, which differs between the two files (events.db is
     *                  precious and left alone; read.db can be rebuilt)
     */
    public static String describe(Path file, SQLException e, String ifCorrupt) {
        String detail = firstLine(String.valueOf(e.getMessage()));
        return switch (of(e)) {
            case CORRUPT -> file + " is corrupt (" + detail + "). " + ifCorrupt;
            case LOCKED -> file + " is locked by another program; close it (a database browser"
                    + " with an open write transaction, or another CQRS Flow) and try again.";
            case READ_ONLY -> "cannot write " + file + " (" + detail + "); check its permissions.";
            case DISK_FULL -> "cannot write " + file + ": the disk is full (" + detail + "); free some space and try again.";
            case IO_ERROR -> "cannot use " + file + ": the disk reported an input/output error (" + detail
                    + "); check that the disk is still there and working, then try again.";
            case OTHER -> "cannot use " + file + ": " + detail;
        };
    }

    private static String firstLine(String m) {
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
