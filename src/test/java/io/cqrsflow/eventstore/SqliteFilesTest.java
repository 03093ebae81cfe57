package io.cqrsflow.eventstore;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class SqliteFilesTest {

    @TempDir
    Path dir;

    @Test
    void formats_instants_as_utc_with_exactly_three_fraction_digits() {
        assertThat(SqliteFiles.formatInstant(Instant.parse("2024-03-01T10:15:30.123999Z"))).isEqualTo("2024-03-01T10:15:30.123Z");
        assertThat(SqliteFiles.formatInstant(Instant.parse("2024-03-01T10:15:30Z"))).isEqualTo("2024-03-01T10:15:30.000Z");
        assertThat(SqliteFiles.parseInstant("2024-03-01T10:15:30.120Z")).isEqualTo(Instant.parse("2024-03-01T10:15:30.12Z"));
    }

    @Test
    void text_sorts_like_time() {
        String earlier = SqliteFiles.formatInstant(Instant.parse("2024-03-01T10:15:30Z"));
        String later = SqliteFiles.formatInstant(Instant.parse("2024-03-01T10:15:30.001Z"));

        assertThat(earlier).isLessThan(later);
    }

    @Test
    void moves_a_file_and_its_companions_aside_without_deleting_anything() throws Exception {
        Path file = Files.writeString(dir.resolve("events.db"), "old events");
        Files.writeString(dir.resolve("events.db-wal"), "old wal");
        Instant now = Instant.parse("2024-03-01T10:15:30Z");

        Path moved = SqliteFiles.moveAside(file, now);

        assertThat(moved).isEqualTo(dir.resolve("old-20240301-101530").resolve("events.db"));
        assertThat(Files.readString(moved)).isEqualTo("old events");
        assertThat(Files.readString(moved.resolveSibling("events.db-wal"))).isEqualTo("old wal");
        assertThat(file).doesNotExist();
        assertThat(dir.resolve("events.db-wal")).doesNotExist();

        Files.writeString(file, "newer events");
        Path second = SqliteFiles.moveAside(file, now);
        assertThat(second).isEqualTo(moved.resolveSibling("events.db.2"));
        assertThat(Files.readString(moved)).isEqualTo("old events");
        assertThat(Files.readString(second)).isEqualTo("newer events");

        assertThat(SqliteFiles.moveAside(dir.resolve("nothing.db"), now)).isNull();
    }
}
