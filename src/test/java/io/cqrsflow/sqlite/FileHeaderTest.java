package io.cqrsflow.sqlite;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

import static io.cqrsflow.sqlite.SqliteConnectionsTest.execute;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FileHeaderTest {

    @TempDir
    Path dir;

    @Test
    void recognises_sqlite_files_by_their_first_bytes() throws Exception {
        Path missing = dir.resolve("missing.db");
        Path empty = Files.createFile(dir.resolve("empty.db"));
        Path text = Files.writeString(dir.resolve("text.db"), "hello");
        Path real = dir.resolve("real.db");
        execute(real, "CREATE TABLE t(x)");

        assertThat(FileHeader.looksLikeSqlite(missing)).isTrue();
        assertThat(FileHeader.looksLikeSqlite(empty)).isTrue();
        assertThat(FileHeader.looksLikeSqlite(text)).isFalse();
        assertThat(FileHeader.looksLikeSqlite(real)).isTrue();
    }

    @Test
    void a_new_file_is_blank_and_anyones() throws Exception {
        try (Connection c = SqliteConnections.connect(dir.resolve("new.db"))) {
            FileHeader header = FileHeader.read(c);

            assertThat(header).isEqualTo(new FileHeader(0, 0, 0));
            assertThat(header.isBlankFor(0x43514645)).isTrue();
            assertThat(header.isStrangerTo(0x43514645)).isFalse();
            assertThat(FileHeader.integrityProblem(c)).isNull();
        }
    }

    @Test
    void reads_whose_file_it_is_and_which_schema_version() throws Exception {
        Path ours = dir.resolve("ours.db");
        Path stranger = dir.resolve("stranger.db");
        execute(ours, "CREATE TABLE a(x)", "CREATE TABLE b(y)", "PRAGMA application_id = 1129399877",
                "PRAGMA user_version = 3");
        execute(stranger, "CREATE TABLE recipes(name TEXT)");

        try (Connection c = SqliteConnections.connect(ours)) {
            FileHeader header = FileHeader.read(c);
            assertThat(header).isEqualTo(new FileHeader(1129399877, 3, 2));
            assertThat(header.isStrangerTo(1129399877)).isFalse();
            assertThat(header.isStrangerTo(42)).isTrue();
        }
        try (Connection c = SqliteConnections.connect(stranger)) {
            assertThat(FileHeader.read(c).isStrangerTo(1129399877)).isTrue();
        }
    }

    @Test
    void an_empty_file_with_another_programs_marks_is_not_blank() throws Exception {
        Path marked = dir.resolve("marked.db");
        Path versioned = dir.resolve("versioned.db");
        execute(marked, "PRAGMA application_id = 42");
        execute(versioned, "PRAGMA user_version = 7");

        try (Connection c = SqliteConnections.connect(marked)) {
            FileHeader header = FileHeader.read(c);
            assertThat(header.isBlankFor(1129399877)).isFalse();
            assertThat(header.isStrangerTo(1129399877)).isTrue();
            assertThat(header.describe()).isEqualTo("application_id 0x0000002A, user_version 0");
        }
        try (Connection c = SqliteConnections.connect(versioned)) {
            assertThat(FileHeader.read(c).isStrangerTo(1129399877)).isTrue();
        }
    }

    @Test
    void a_file_whose_schema_page_is_garbage_fails_to_be_read_as_corrupt() throws Exception {
        Path file = dir.resolve("broken.db");
        execute(file, "CREATE TABLE t(x TEXT)", "INSERT INTO t VALUES ('" + "x".repeat(5000) + "')");
        byte[] bytes = Files.readAllBytes(file);
        for (int i = 100; i < 4096; i++) { // the first page's b-tree: where sqlite_master lives
            bytes[i] = (byte) (0x5A ^ (i * 17));
        }
        Files.write(file, bytes);

        try (Connection c = SqliteConnections.connect(file)) {
            assertThatThrownBy(() -> FileHeader.read(c))
                    .isInstanceOfSatisfying(SQLException.class,
                            e -> assertThat(SqliteProblem.of(e)).isEqualTo(SqliteProblem.CORRUPT));
        }
    }
}
