package io.cqrsflow.sqlite;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** Opens connections to events.db and read.db the same way, and closes what is left after a failure. */
public final class SqliteConnections {

    /**
     * How durable a commit is. events.db uses FULL (an acknowledged event survives a power cut); read.db
     * uses NORMAL, because it can always be rebuilt from events.db.
     */
    public enum Synchronous { FULL, NORMAL }

    private SqliteConnections() {
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

    /** WAL mode, durability and foreign keys for a connection from {@link #connect}, once the file is known to be ours. */
    public static void configure(Connection connection, Synchronous synchronous) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("PRAGMA journal_mode = WAL");
            s.execute("PRAGMA synchronous = " + synchronous.name());
            s.execute("PRAGMA foreign_keys = ON");
        }
    }

    /** {@link #connect} and {@link #configure} in one: for a file already known to be ours. */
    public static Connection open(Path file, Synchronous synchronous) throws SQLException {
        Connection connection = connect(file);
        try {
            configure(connection, synchronous);
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        return connection;
    }

    /** Closes without throwing: used when something already failed, and that first failure is what gets reported. */
    public static void closeQuietly(AutoCloseable closeable) {
        if (closeable != null) {
            try {
                closeable.close();
            } catch (Exception ignored) {
                // the failure that led here is the one worth reporting
            }
        }
    }
}
