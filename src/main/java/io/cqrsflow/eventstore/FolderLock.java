package io.cqrsflow.eventstore;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Keeps a second running copy of the app away from the same data folder: only one process may write an
 * event store (positions are assigned by the single writer). The lock lives in its own file,
 * {@code .cqrs-flow.lock}, because SQLite's own POSIX locks on the database file must not be disturbed.
 */
public final class FolderLock implements AutoCloseable {
    public static final String FILE_NAME = ".cqrs-flow.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private FolderLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    public static FolderLock acquire(Path folder) {
        Path file = folder.resolve(FILE_NAME);
        FileChannel channel = null;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                channel.close();
                throw inUse(folder);
            }
            return new FolderLock(channel, lock);
        } catch (OverlappingFileLockException e) {
            closeQuietly(channel);
            throw inUse(folder);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new EventStoreException("cannot lock the data folder " + folder + ": " + e.getMessage(), e);
        }
    }

    private static EventStoreException inUse(Path folder) {
        return new EventStoreException("the data folder " + folder
                + " is in use by another running copy of CQRS Flow; close it first, or choose another folder with --data");
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing more to do: we are already reporting a failure
            }
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException ignored) {
            // releasing a lock on exit cannot be helped further
        }
    }
}
