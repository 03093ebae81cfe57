package io.cqrsflow.ui.lesson;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * A lesson plays in a folder of its own, made fresh each time it starts, under the system's temporary
 * folder ({@code cqrs-flow-lesson-…}), so it never touches the learner's data folder. Only such folders
 * are ever deleted: when the lesson is left or the app closes, and — for the folders of a copy that was
 * killed before it could clean up — at the next start ({@link #deleteStale}).
 */
public final class LessonFolders {
    static final String PREFIX = "cqrs-flow-lesson-";

    /** What a lesson writes in its folder; a folder holding anything else is not deleted as stale. */
    private static final Set<String> LESSON_FILES = Set.of("events.db", "events.db-wal", "events.db-shm",
            "events.db-journal", "read.db", "read.db-wal", "read.db-shm", "read.db-journal", ".cqrs-flow.lock");
    /** A folder younger than this may belong to a copy that is opening it right now. */
    static final Duration STALE_AFTER = Duration.ofMinutes(2);

    private LessonFolders() {
    }

    /**
     * Deletes the lesson folders a killed copy of the app left in the temporary folder: only folders named
     * {@code cqrs-flow-lesson-…} directly in it, not changed for {@link #STALE_AFTER}, that no running copy
     * holds ({@code inUse}), and that hold nothing but what a lesson writes. Best effort; returns those deleted.
     */
    public static List<Path> deleteStale(Predicate<Path> inUse) {
        return deleteStale(Path.of(System.getProperty("java.io.tmpdir")), inUse, Instant.now());
    }

    static List<Path> deleteStale(Path tmp, Predicate<Path> inUse, Instant now) {
        List<Path> deleted = new java.util.ArrayList<>();
        try (Stream<Path> entries = Files.list(tmp)) {
            for (Path dir : entries.filter(p -> p.getFileName().toString().startsWith(PREFIX)).toList()) {
                if (Files.isDirectory(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS) && olderThan(dir, now)
                        && onlyLessonFiles(dir) && !inUse.test(dir) && deleteTree(dir)) {
                    deleted.add(dir);
                }
            }
        } catch (IOException | RuntimeException e) {
            // Nothing to tidy, or the temporary folder cannot be listed: leave it to the system.
        }
        return deleted;
    }

    private static boolean olderThan(Path dir, Instant now) throws IOException {
        FileTime modified = Files.getLastModifiedTime(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS);
        return modified.toInstant().isBefore(now.minus(STALE_AFTER));
    }

    private static boolean onlyLessonFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.allMatch(f -> LESSON_FILES.contains(f.getFileName().toString())
                    && Files.isRegularFile(f, java.nio.file.LinkOption.NOFOLLOW_LINKS));
        }
    }

    /** A new, empty lesson folder. */
    public static Path create() {
        try {
            return Files.createTempDirectory(PREFIX);
        } catch (IOException e) {
            throw new IllegalStateException("cannot create a lesson folder: " + e.getMessage(), e);
        }
    }

    /** Whether {@code dir} is a lesson folder this class made (by its name and place). */
    public static boolean isLessonFolder(Path dir) {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath().normalize();
        Path abs = dir.toAbsolutePath().normalize();
        return abs.getParent() != null && abs.getParent().equals(tmp)
                && abs.getFileName().toString().startsWith(PREFIX);
    }

    /** Deletes a lesson folder and what the lesson wrote in it; refuses any other folder. Best effort. */
    public static void delete(Path dir) {
        if (dir == null || !isLessonFolder(dir) || !Files.isDirectory(dir)) {
            return;
        }
        deleteTree(dir);
    }

    private static boolean deleteTree(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            List<Path> deepestFirst = files.sorted(Comparator.reverseOrder()).toList();
            for (Path p : deepestFirst) {
                Files.deleteIfExists(p);
            }
            return true;
        } catch (IOException | RuntimeException e) {
            return false; // left in the temporary folder; the system clears it
        }
    }
}
