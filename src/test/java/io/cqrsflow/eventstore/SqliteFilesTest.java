package io.cqrsflow.eventstore;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

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
    void formats_and_parses_exactly_as_the_java_time_formatters_do() {
        DateTimeFormatter iso = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
        Random random = new Random(42);
        List<Instant> instants = new ArrayList<>(List.of(Instant.parse("1000-01-01T00:00:00Z"),
                Instant.parse("9999-12-31T23:59:59.999999999Z"), Instant.parse("0999-12-31T23:59:59.999Z"),
                Instant.parse("+10000-01-01T00:00:00Z"), Instant.parse("2024-02-29T23:59:59.999Z"), Instant.EPOCH));
        for (int i = 0; i < 10_000; i++) {
            instants.add(Instant.ofEpochSecond(random.nextLong(-40_000_000_000L, 260_000_000_000L), random.nextInt(1_000_000_000)));
        }
        for (Instant instant : instants) {
            String text = SqliteFiles.formatInstant(instant);
            assertThat(text).isEqualTo(iso.format(instant.truncatedTo(ChronoUnit.MILLIS)));
            if (!text.startsWith("+") && !text.startsWith("-")) {
                assertThat(SqliteFiles.parseInstant(text)).isEqualTo(Instant.parse(text));
            }
        }
        assertThat(SqliteFiles.parseInstant("2024-03-01T10:15:30Z")).isEqualTo(Instant.parse("2024-03-01T10:15:30Z"));
        assertThat(SqliteFiles.parseInstant("2016-12-31T23:59:60.000Z")).isEqualTo(Instant.parse("2016-12-31T23:59:60.000Z"));
    }

    @Test
    void the_same_instant_again_and_then_another_each_get_their_own_text() {
        Instant at = Instant.parse("2024-03-01T10:15:30.123Z");
        Instant justAfter = at.plusNanos(1);
        Instant next = at.plusMillis(1);

        assertThat(List.of(SqliteFiles.formatInstant(at), SqliteFiles.formatInstant(at), SqliteFiles.formatInstant(justAfter),
                SqliteFiles.formatInstant(next), SqliteFiles.formatInstant(at)))
                .containsExactly("2024-03-01T10:15:30.123Z", "2024-03-01T10:15:30.123Z", "2024-03-01T10:15:30.123Z",
                        "2024-03-01T10:15:30.124Z", "2024-03-01T10:15:30.123Z");
        assertThat(List.of(SqliteFiles.parseInstant("2024-03-01T10:15:30.123Z"), SqliteFiles.parseInstant("2024-03-01T10:15:30.123Z"),
                SqliteFiles.parseInstant("2024-03-01T10:15:30.124Z"))).containsExactly(at, at, next);
        assertThatThrownBy(() -> SqliteFiles.parseInstant("2024-03-01T10:15:30.12xZ")).isInstanceOf(DateTimeParseException.class);
    }

    @Test
    void text_it_cannot_read_fails_as_instant_parse_does() {
        for (String bad : List.of("2024-02-30T10:15:30.000Z", "2024-13-01T10:15:30.000Z", "2024-03-01T25:15:30.000Z",
                "2024-03-01T10:15:30.0a0Z", "2024-03-01 10:15:30.000Z", "2024-03-01T10:15:30.000+", "yesterday", "")) {
            Throwable expected = catchThrowable(() -> Instant.parse(bad));
            Throwable actual = catchThrowable(() -> SqliteFiles.parseInstant(bad));
            assertThat(actual).as(bad).isInstanceOf(DateTimeParseException.class)
                    .hasMessage(expected.getMessage());
        }
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
