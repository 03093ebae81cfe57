package io.cqrsflow.ui.lesson;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

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
}
