package io.cqrsflow.eventstore;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;

/** What both SQLite files (events.db and read.db) need: opening, recognising, timestamps, moving aside. */
public final class SqliteFiles {

    private static final byte[] HEADER = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
    private static final DateTimeFormatter INSTANT = DateTimeFormatter
            .ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter STAMP = DateTimeFormatter
            .ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private SqliteFiles() {
    }

    /** True if the file is missing or empty (SQLite will create it) or starts with the SQLite header. */
    public static boolean looksLikeSqlite(Path file) {
        try {
            if (!Files.exists(file) || Files.size(file) == 0) {
                return true;
            }
            byte[] start = new byte[HEADER.length];
            try (InputStream in = Files.newInputStream(file)) {
                int n = in.readNBytes(start, 0, start.length);
                return n == HEADER.length && Arrays.equals(start, HEADER);
            }
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Opens a connection in WAL mode. {@code synchronousFull} makes every commit durable (events.db);
     * the read side can be rebuilt from events and uses NORMAL.
     */
    public static Connection open(Path file, boolean synchronousFull) throws SQLException {
        Connection connection = connect(file);
        try {
            configure(connection, synchronousFull);
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        return connection;
    }

    /**
     * Opens a connection that has not changed the file in any way yet, so that a file can be inspected
     * (is it ours? which version?) before it is touched. Switching to WAL rewrites the file header, which
     * must not happen to a database that is not ours.
     */
    public static Connection connect(Path file) throws SQLException {
        Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
        try (Statement s = connection.createStatement()) {
            s.execute("PRAGMA busy_timeout = 5000");
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        return connection;
    }

    /** WAL mode and durability for a connection from {@link #connect}; see {@link #open}. */
    public static void configure(Connection connection, boolean synchronousFull) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("PRAGMA journal_mode = WAL");
            s.execute("PRAGMA synchronous = " + (synchronousFull ? "FULL" : "NORMAL"));
            s.execute("PRAGMA foreign_keys = ON");
        }
    }

    public static String formatInstant(Instant instant) {
        return INSTANT.format(instant.truncatedTo(ChronoUnit.MILLIS));
    }

    public static Instant parseInstant(String text) {
        return Instant.parse(text);
    }

    /**
     * Moves a file (and its -wal and -shm companions) aside into {@code folder/old-<stamp>/}, never
     * deleting anything. Returns where it went, or null if there was nothing to move.
     */
    public static Path moveAside(Path file, Instant now) throws IOException {
        if (!Files.exists(file)) {
            return null;
        }
        Path folder = file.toAbsolutePath().getParent().resolve("old-" + STAMP.format(now));
        Files.createDirectories(folder);
        Path target = folder.resolve(file.getFileName());
        for (int i = 2; Files.exists(target); i++) {
            target = folder.resolve(file.getFileName() + "." + i);
        }
        Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
        for (String suffix : new String[]{"-wal", "-shm"}) {
            Path companion = file.resolveSibling(file.getFileName() + suffix);
            if (Files.exists(companion)) {
                Files.move(companion, target.resolveSibling(target.getFileName() + suffix));
            }
        }
        return target;
    }
}
