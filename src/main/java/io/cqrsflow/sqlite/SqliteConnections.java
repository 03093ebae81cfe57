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

    /**
     * For the writer of a file of derived data written in large transactions (read.db, rebuilt from events.db):
     * <ul>
     * <li>no generated keys: sqlite-jdbc otherwise prepares, runs and finalizes {@code SELECT last_insert_rowid()}
     *     after every INSERT, which cost a rebuild as much as the inserts themselves, for keys nobody asks for;</li>
     * <li>a page cache of {@code cacheMb} (SQLite's default is 2 MB), so the pages a batch touches (an index
     *     spread over every customer, say) stay in memory from one transaction to the next;</li>
     * <li>the WAL copied back into the file every {@code walPages} pages instead of SQLite's 1 000: fewer
     *     checkpoints, each copying a page once however many commits rewrote it. Not less safe: a commit is in
     *     the WAL either way, and a checkpoint syncs as before.</li>
     * </ul>
     * Durability stays what {@link #configure} set.
     */
    public static void tuneForBulkWrites(Connection connection, int cacheMb, int walPages) throws SQLException {
        connection.unwrap(org.sqlite.SQLiteConnection.class).getConnectionConfig().setGetGeneratedKeys(false);
        try (Statement s = connection.createStatement()) {
            s.execute("PRAGMA cache_size = " + -1024L * cacheMb);
            s.execute("PRAGMA wal_autocheckpoint = " + walPages);
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
