package io.cqrsflow.ui.lesson;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A lesson's folder is fresh each time, and only lesson folders are ever deleted. */
class LessonFoldersTest {
    @TempDir
    Path learner;

    @Test
    void aLessonFolderIsNewAndEmptyAndIsDeletedWithWhatTheLessonWrote() throws IOException {
        // given
        Path first = LessonFolders.create();
        Path second = LessonFolders.create();
        Files.writeString(first.resolve("events.db"), "lesson");

        // then
        assertThat(first).isNotEqualTo(second);
        assertThat(second).isEmptyDirectory();
        assertThat(LessonFolders.isLessonFolder(first)).isTrue();

        // when
        LessonFolders.delete(first);
        LessonFolders.delete(second);

        // then
        assertThat(first).doesNotExist();
        assertThat(second).doesNotExist();
    }

    @Test
    void theLearnersFolderIsNeverDeleted() throws IOException {
        // given the learner's data, even in a folder named like a lesson's but elsewhere
        Path data = Files.createDirectories(learner.resolve(LessonFolders.PREFIX + "mine"));
        Files.writeString(data.resolve("events.db"), "mine");

        // when
        LessonFolders.delete(data);
        LessonFolders.delete(learner);

        // then
        assertThat(data.resolve("events.db")).hasContent("mine");
        assertThat(LessonFolders.isLessonFolder(data)).isFalse();
    }

    @Test
    void atStartOnlyStaleUnusedLessonFoldersOfThisAppAreDeleted() throws IOException {
        // given a temporary folder with lesson folders left by a killed copy, and others
        Path tmp = Files.createDirectories(learner.resolve("tmp"));
        Instant now = Instant.now();
        Path stale = lessonFolder(tmp, "stale", now.minusSeconds(3600), "events.db", "read.db-wal", ".cqrs-flow.lock");
        Path young = lessonFolder(tmp, "young", now.minusSeconds(10), "events.db");
        Path held = lessonFolder(tmp, "held", now.minusSeconds(3600), "events.db");
        Path foreign = lessonFolder(tmp, "foreign", now.minusSeconds(3600), "events.db", "notes.txt");
        Path otherName = Files.createDirectories(tmp.resolve("cqrs-flow-data"));
        Files.setLastModifiedTime(otherName, FileTime.from(now.minusSeconds(3600)));
        Path aFile = Files.writeString(tmp.resolve(LessonFolders.PREFIX + "file"), "a file");

        // when the app starts
        List<Path> deleted = LessonFolders.deleteStale(tmp, held::equals, now);

        // then only the stale one is gone; one in use, one too young, one with a stranger's file stay
        assertThat(deleted).containsExactly(stale);
        assertThat(stale).doesNotExist();
        assertThat(young).exists();
        assertThat(held).exists();
        assertThat(foreign.resolve("notes.txt")).hasContent("x");
        assertThat(otherName).exists();
        assertThat(aFile).hasContent("a file");
    }

    private static Path lessonFolder(Path tmp, String name, Instant modified, String... files) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve(LessonFolders.PREFIX + name));
        for (String f : files) {
            Files.writeString(dir.resolve(f), "x");
        }
        Files.setLastModifiedTime(dir, FileTime.from(modified));
        return dir;
    }
}
