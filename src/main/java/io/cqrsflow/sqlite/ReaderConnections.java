package io.cqrsflow.sqlite;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Reader connections to one SQLite file, one per reading thread, opened on first use and kept. In WAL mode
 * a reader never waits for the writer, and a connection of its own per thread means no reader waits for
 * another either (a JDBC connection must not be shared between threads at once).
 */
public final class ReaderConnections {
    private final Path file;
    private final SqliteConnections.Synchronous synchronous;
    private final ThreadLocal<Connection> current = new ThreadLocal<>();
    private final List<Connection> all = new CopyOnWriteArrayList<>();

    public ReaderConnections(Path file, SqliteConnections.Synchronous synchronous) {
        this.file = file;
        this.synchronous = synchronous;
    }

    /** This thread's connection, opened now if it has none (or its last one was closed). */
    public Connection forThisThread() throws SQLException {
        Connection connection = current.get();
        if (connection == null || connection.isClosed()) {
            connection = SqliteConnections.open(file, synchronous);
            current.set(connection);
            all.add(connection);
        }
        return connection;
    }

    /** Closes every connection any thread opened; a thread that reads afterwards gets a new one. */
    public void closeAll() {
        for (Connection c : all) {
            SqliteConnections.closeQuietly(c);
        }
        all.clear();
    }
}
