package io.cqrsflow.eventstore;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FolderLockTest {

    @TempDir
    Path dir;

    @Test
    void a_held_folder_is_refused_with_a_clear_message() {
        try (FolderLock first = FolderLock.acquire(dir)) {
            assertThatThrownBy(() -> FolderLock.acquire(dir))
                    .isInstanceOf(EventStoreException.class)
                    .hasMessageContaining(dir.toString())
                    .hasMessageContaining("in use by another running copy of CQRS Flow")
                    .hasMessageContaining("--data");
        }
    }

    @Test
    void is_released_on_close() {
        FolderLock.acquire(dir).close();

        try (FolderLock again = FolderLock.acquire(dir)) {
            assertThat(again).isNotNull();
        }
    }

    @Test
    void the_same_folder_spelled_differently_is_the_same_folder() throws Exception {
        java.nio.file.Files.createDirectory(dir.resolve("sub"));
        try (FolderLock first = FolderLock.acquire(dir)) {
            assertThatThrownBy(() -> FolderLock.acquire(dir.resolve("sub/.."))).isInstanceOf(EventStoreException.class);
        }
    }

    @Test
    void closing_twice_does_not_release_a_later_holder() {
        FolderLock first = FolderLock.acquire(dir);
        first.close();
        try (FolderLock second = FolderLock.acquire(dir)) {
            first.close();

            assertThatThrownBy(() -> FolderLock.acquire(dir)).isInstanceOf(EventStoreException.class);
        }
    }

    @Test
    void another_process_is_kept_out_until_close() throws Exception {
        FolderLock lock = FolderLock.acquire(dir);
        try {
            assertThat(probeFromAnotherProcess()).as("another process while we hold the folder")
                    .isEqualTo(FolderLockProbe.IN_USE);
        } finally {
            lock.close();
        }
        assertThat(probeFromAnotherProcess()).as("another process after close").isEqualTo(FolderLockProbe.ACQUIRED);
    }

    @Test
    void a_refused_second_attempt_in_this_process_does_not_release_the_first_lock() throws Exception {
        try (FolderLock first = FolderLock.acquire(dir)) {
            assertThatThrownBy(() -> FolderLock.acquire(dir)).isInstanceOf(EventStoreException.class);

            // POSIX drops every lock a process holds on a file when it closes any descriptor of it; the
            // refused attempt must not have opened and closed one of its own.
            assertThat(probeFromAnotherProcess()).as("another process after a refused attempt here")
                    .isEqualTo(FolderLockProbe.IN_USE);
        }
    }

    private int probeFromAnotherProcess() throws Exception {
        Process probe = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), FolderLockProbe.class.getName(), dir.toString())
                .redirectErrorStream(true)
                .start();
        if (!probe.waitFor(60, TimeUnit.SECONDS)) {
            probe.destroyForcibly();
            throw new AssertionError("the probe process did not finish");
        }
        String output = new String(probe.getInputStream().readAllBytes());
        assertThat(probe.exitValue()).as("probe output: %s", output).isIn(FolderLockProbe.ACQUIRED, FolderLockProbe.IN_USE);
        return probe.exitValue();
    }
}
