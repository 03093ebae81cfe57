package io.cqrsflow.eventstore;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * What both SQLite files (events.db and read.db) and their readers share above the connection level: how
 * instants are written in them, and moving a file aside. Connections, transactions and error messages are in
 * {@code io.cqrsflow.sqlite}.
 */
public final class SqliteFiles {

    private static final DateTimeFormatter INSTANT = DateTimeFormatter
            .ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter STAMP = DateTimeFormatter
            .ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private static final long YEAR_1000 = Instant.parse("1000-01-01T00:00:00Z").getEpochSecond();
    private static final long YEAR_10000 = Instant.parse("+10000-01-01T00:00:00Z").getEpochSecond();

    /** An instant and its text; the last one written and the last one read are kept (immutable, so shared safely). */
    private record Written(Instant instant, String text) {
    }

    private static volatile Written lastWritten = new Written(Instant.EPOCH, "1970-01-01T00:00:00.000Z");
    private static volatile Written lastRead = lastWritten;

    private SqliteFiles() {
    }

    /**
     * "2024-03-01T10:15:30.123Z": UTC, milliseconds, always 24 characters for years 1000–9999 — written by
     * hand for those (a rebuild formats one per event), by the formatter for any other year.
     */
    public static String formatInstant(Instant instant) {
        Written last = lastWritten;
        if (last.instant().equals(instant)) {
            return last.text(); // events appended together share their time: a rebuild formats it once
        }
        String text = format(instant);
        lastWritten = new Written(instant, text);
        return text;
    }

    private static String format(Instant instant) {
        if (instant.getEpochSecond() < YEAR_1000 || instant.getEpochSecond() >= YEAR_10000) {
            return INSTANT.format(instant.truncatedTo(ChronoUnit.MILLIS));
        }
        LocalDateTime t = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), instant.getNano(), ZoneOffset.UTC);
        char[] c = "0000-00-00T00:00:00.000Z".toCharArray();
        digits(c, 0, 4, t.getYear());
        digits(c, 5, 2, t.getMonthValue());
        digits(c, 8, 2, t.getDayOfMonth());
        digits(c, 11, 2, t.getHour());
        digits(c, 14, 2, t.getMinute());
        digits(c, 17, 2, t.getSecond());
        digits(c, 20, 3, t.getNano() / 1_000_000);
        return new String(c);
    }

    /**
     * The instant {@link Instant#parse} reads from {@code text}, and the same exception when it cannot. Text in
     * the exact shape {@link #formatInstant} writes is read by hand (a rebuild reads one per event); anything
     * else, or a field out of range, goes to {@link Instant#parse}.
     */
    public static Instant parseInstant(String text) {
        Written last = lastRead;
        if (last.text().equals(text)) {
            return last.instant();
        }
        Instant instant = parse(text);
        lastRead = new Written(instant, text);
        return instant;
    }

    private static Instant parse(String text) {
        if (text.length() != 24 || !"--T::.Z".equals("" + text.charAt(4) + text.charAt(7) + text.charAt(10)
                + text.charAt(13) + text.charAt(16) + text.charAt(19) + text.charAt(23))) {
            return Instant.parse(text);
        }
        int year = number(text, 0, 4);
        int month = number(text, 5, 2);
        int day = number(text, 8, 2);
        int hour = number(text, 11, 2);
        int minute = number(text, 14, 2);
        int second = number(text, 17, 2);
        int milli = number(text, 20, 3);
        if ((year | month | day | hour | minute | second | milli) < 0) {
            return Instant.parse(text);
        }
        try {
            return LocalDateTime.of(year, month, day, hour, minute, second, milli * 1_000_000).toInstant(ZoneOffset.UTC);
        } catch (DateTimeException outOfRange) {
            return Instant.parse(text); // its own message (or its reading of a leap second)
        }
    }

    private static void digits(char[] into, int at, int count, int value) {
        for (int i = at + count - 1; i >= at; i--) {
            into[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }

    /** The decimal number in {@code text[at, at + count)}, or -1 if any of it is not an ASCII digit. */
    private static int number(String text, int at, int count) {
        int value = 0;
        for (int i = at; i < at + count; i++) {
            char ch = text.charAt(i);
            if (ch < '0' || ch > '9') {
                return -1;
            }
            value = value * 10 + (ch - '0');
        }
        return value;
    }

    /**
     * Moves a file (and its -wal and -shm companions) aside into {@code folder/old-<stamp>/}, never
     * deleting anything. Returns where it went, or null if there was nothing to move.
     */
    /** Where {@link #moveAside} puts {@code file} (or a copy of it goes): DIR/old-TIME/NAME, a new name. */
    public static Path asideTarget(Path file, Instant now) throws IOException {
        Path folder = file.toAbsolutePath().getParent().resolve("old-" + STAMP.format(now));
        Files.createDirectories(folder);
        Path target = folder.resolve(file.getFileName());
        for (int i = 2; Files.exists(target); i++) {
            target = folder.resolve(file.getFileName() + "." + i);
        }
        return target;
    }

    public static Path moveAside(Path file, Instant now) throws IOException {
        if (!Files.exists(file)) {
            return null;
        }
        Path target = asideTarget(file, now);
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
