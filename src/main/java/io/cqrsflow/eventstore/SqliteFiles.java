package io.cqrsflow.eventstore;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
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

    private SqliteFiles() {
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
