package io.cqrsflow.sqlite;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteConfig;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import static io.cqrsflow.sqlite.SqliteConnectionsTest.execute;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Real SQLite failures, each provoked on a real file, and what a user is told about them. */
class SqliteProblemTest {
    private static final String IF_CORRUPT = "Do this about it.";

    @TempDir
    Path dir;

    private SQLException failureOf(Connection c, String sql) {
        return catchThrowableOfType(() -> {
            try (Statement s = c.createStatement()) {
                s.execute(sql);
            }
        }, SQLException.class);
    }

    @Test
    void a_file_that_is_not_a_database_is_corrupt_and_the_advice_follows() throws Exception {
        Path file = Files.writeString(dir.resolve("notes.db"), "Dear diary, ".repeat(200));

        try (Connection c = SqliteConnections.connect(file)) {
            SQLException e = failureOf(c, "SELECT COUNT(*) FROM sqlite_master");

            assertThat(SqliteProblem.of(e)).isEqualTo(SqliteProblem.CORRUPT);
            assertThat(SqliteProblem.describe(file, e, IF_CORRUPT))
                    .startsWith(file + " is corrupt (").endsWith("). " + IF_CORRUPT);
        }
    }

    @Test
    void a_write_lock_held_elsewhere_is_locked() throws Exception {
        Path file = dir.resolve("busy.db");
        execute(file, "CREATE TABLE t(x)");
        try (Connection holder = SqliteConnections.connect(file);
             Connection waiter = SqliteConnections.connect(file);
             Statement hold = holder.createStatement()) {
            hold.execute("BEGIN IMMEDIATE");
            try (Statement s = waiter.createStatement()) {
                s.execute("PRAGMA busy_timeout = 50");
            }

            SQLException e = failureOf(waiter, "BEGIN IMMEDIATE");

            assertThat(SqliteProblem.of(e)).isEqualTo(SqliteProblem.LOCKED);
            assertThat(SqliteProblem.describe(file, e, IF_CORRUPT))
                    .isEqualTo(file + " is locked by another program; close it (a database browser with an open"
                            + " write transaction, or another CQRS Flow) and try again.");
            hold.execute("ROLLBACK");
        }
    }

    @Test
    void writing_through_a_read_only_connection_is_read_only() throws Exception {
        Path file = dir.resolve("readonly.db");
        execute(file, "CREATE TABLE t(x)");
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file, config.toProperties())) {
            SQLException e = failureOf(c, "INSERT INTO t VALUES (1)");

            assertThat(SqliteProblem.of(e)).isEqualTo(SqliteProblem.READ_ONLY);
            assertThat(SqliteProblem.describe(file, e, IF_CORRUPT))
                    .startsWith("cannot write " + file + " (").endsWith("); check its permissions.");
        }
    }

    @Test
    void running_out_of_pages_is_a_full_disk() throws Exception {
        Path file = dir.resolve("full.db");
        execute(file, "CREATE TABLE t(x)");
        try (Connection c = SqliteConnections.connect(file); Statement s = c.createStatement()) {
            s.execute("PRAGMA max_page_count = 3"); // the quickest honest way to make SQLite run out of room

            SQLException e = failureOf(c, "INSERT INTO t VALUES (zeroblob(100000))");

            assertThat(SqliteProblem.of(e)).isEqualTo(SqliteProblem.DISK_FULL);
            assertThat(SqliteProblem.describe(file, e, IF_CORRUPT))
                    .startsWith("cannot write " + file + ": the disk is full (").endsWith("); free some space and try again.");
        }
    }

    @Test
    void anything_else_is_reported_as_sqlite_says_it_on_one_line() throws Exception {
        Path file = dir.resolve("plain.db");
        try (Connection c = SqliteConnections.connect(file)) {
            SQLException e = failureOf(c, "SELECT * FROM no_such_table");

            assertThat(SqliteProblem.of(e)).isEqualTo(SqliteProblem.OTHER);
            assertThat(SqliteProblem.describe(file, e, IF_CORRUPT))
                    .startsWith("cannot use " + file + ": ").contains("no_such_table").doesNotContain("\n");
        }
    }

    @Test
    void an_io_error_is_named_as_one() {
        SQLException e = new SQLException("[SQLITE_IOERR_WRITE] Some kind of disk I/O error occurred (disk I/O error)");

        assertThat(SqliteProblem.of(e)).isEqualTo(SqliteProblem.IO_ERROR);
        assertThat(SqliteProblem.describe(Path.of("events.db"), e, "")).contains("input/output error", "events.db");
    }
}
