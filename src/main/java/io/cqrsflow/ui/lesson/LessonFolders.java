package io.cqrsflow.ui.lesson;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A lesson plays in a folder of its own, made fresh each time it starts, under the system's temporary
 * folder ({@code cqrs-flow-lesson-…}), so it never touches the learner's data folder. Only such folders
 * are ever deleted, and only when the lesson is left or the app closes.
 */
public final class LessonFolders {
    static final String PREFIX = "cqrs-flow-lesson-";

    private LessonFolders() {
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
        try (Stream<Path> files = Files.walk(dir)) {
            List<Path> deepestFirst = files.sorted(Comparator.reverseOrder()).toList();
            for (Path p : deepestFirst) {
                Files.deleteIfExists(p);
            }
        } catch (IOException | RuntimeException e) {
            // Left in the temporary folder; the system clears it.
        }
    }
}
