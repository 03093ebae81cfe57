package io.cqrsflow.sqlite;

import io.cqrsflow.sqlite.SqliteConnections.Synchronous;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

class SqliteConnectionsTest {

    @TempDir
    Path dir;

    static Object scalar(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getObject(1);
        }
    }

    static void execute(Path file, String... sql) throws SQLException {
        try (Connection c = SqliteConnections.connect(file); Statement s = c.createStatement()) {
            for (String statement : sql) {
                s.execute(statement);
            }
        }
    }

    @Test
    void open_switches_to_wal_with_the_durability_asked_for() throws Exception {
        try (Connection full = SqliteConnections.open(dir.resolve("events.db"), Synchronous.FULL);
             Connection normal = SqliteConnections.open(dir.resolve("read.db"), Synchronous.NORMAL)) {
            assertThat(scalar(full, "PRAGMA journal_mode")).isEqualTo("wal");
            assertThat(scalar(full, "PRAGMA synchronous")).isEqualTo(2); // FULL
            assertThat(scalar(normal, "PRAGMA synchronous")).isEqualTo(1); // NORMAL
            assertThat(scalar(normal, "PRAGMA foreign_keys")).isEqualTo(1);
            assertThat(scalar(normal, "PRAGMA busy_timeout")).isEqualTo(5000);
        }
    }

    @Test
    void connect_alone_leaves_the_file_as_it_is() throws Exception {
        Path foreign = dir.resolve("foreign.db");
        execute(foreign, "CREATE TABLE recipes(name TEXT)");
        byte[] before = Files.readAllBytes(foreign);

        try (Connection c = SqliteConnections.connect(foreign)) {
            scalar(c, "PRAGMA user_version");
            assertThat(scalar(c, "PRAGMA journal_mode")).isEqualTo("delete");
        }

        assertThat(Files.readAllBytes(foreign)).isEqualTo(before);
    }

    @Test
    void close_quietly_swallows_failures_and_nulls() throws Exception {
        Connection c = SqliteConnections.connect(dir.resolve("x.db"));

        assertThatCode(() -> {
            SqliteConnections.closeQuietly(null);
            SqliteConnections.closeQuietly(c);
            SqliteConnections.closeQuietly(() -> {
                throw new SQLException("already broken");
            });
        }).doesNotThrowAnyException();
        assertThat(c.isClosed()).isTrue();
    }
    @Test
    void a_writer_tuned_for_bulk_writes_keeps_no_generated_keys_a_larger_cache_and_a_longer_wal_and_its_durability()
            throws Exception {
        try (Connection c = SqliteConnections.open(dir.resolve("read.db"), Synchronous.NORMAL)) {
            // when
            SqliteConnections.tuneForBulkWrites(c, 64, 8_000);

            // then
            assertThat(scalar(c, "PRAGMA cache_size")).isEqualTo(-65_536);
            assertThat(scalar(c, "PRAGMA wal_autocheckpoint")).isEqualTo(8_000);
            assertThat(scalar(c, "PRAGMA synchronous")).isEqualTo(1); // NORMAL, as opened
            assertThat(scalar(c, "PRAGMA journal_mode")).isEqualTo("wal");
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE t(id INTEGER PRIMARY KEY, v TEXT)");
            }
            try (java.sql.PreparedStatement insert = c.prepareStatement("INSERT INTO t(v) VALUES (?)")) {
                insert.setString(1, "x");
                assertThat(insert.executeUpdate()).isEqualTo(1);
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    assertThat(keys.next()).as("a generated key").isFalse();
                }
            }
            assertThat(scalar(c, "SELECT v FROM t WHERE id = 1")).isEqualTo("x");
        }
    }
}
