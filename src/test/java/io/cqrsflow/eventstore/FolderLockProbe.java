package io.cqrsflow.eventstore;

import java.nio.file.Path;

/**
 * Run in a separate JVM by {@link FolderLockTest}: plays "another running copy of CQRS Flow" trying to
 * take the data folder. Exit code 0: it got the folder; 3: the folder is in use.
 */
public final class FolderLockProbe {
    static final int ACQUIRED = 0;
    static final int IN_USE = 3;

    private FolderLockProbe() {
    }

    public static void main(String[] args) {
        try (FolderLock ignored = FolderLock.acquire(Path.of(args[0]))) {
            System.exit(ACQUIRED);
        } catch (EventStoreException e) {
            System.exit(e.getMessage().contains("in use by another running copy") ? IN_USE : 1);
        }
    }
}
