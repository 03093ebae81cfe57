package io.cqrsflow.eventstore;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps a second running copy of the app away from the same data folder: only one process may write an
 * event store (positions are assigned by the single writer). The lock lives in its own file,
 * {@code .cqrs-flow.lock}, because SQLite's own POSIX locks on the database file must not be disturbed.
 *
 * <p>Folders this process holds are also remembered in memory, and a second attempt on one is refused
 * before any file is opened: POSIX releases all of a process's locks on a file as soon as the process
 * closes <em>any</em> descriptor of it, so opening and closing the lock file again would silently let
 * another running copy in.
 */
public final class FolderLock implements AutoCloseable {
    public static final String FILE_NAME = ".cqrs-flow.lock";

    private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;
    private boolean closed;

    private FolderLock(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    public static FolderLock acquire(Path folder) {
        Path file = lockFile(folder);
        if (!HELD.add(file)) {
            throw inUse(folder);
        }
        FileChannel channel = null;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                channel.close();
                HELD.remove(file);
                throw inUse(folder);
            }
            return new FolderLock(file, channel, lock);
        } catch (OverlappingFileLockException e) {
            closeQuietly(channel);
            HELD.remove(file);
            throw inUse(folder);
        } catch (IOException e) {
            closeQuietly(channel);
            HELD.remove(file);
            throw new EventStoreException("cannot lock the data folder " + folder + ": " + why(e), e);
        }
    }

    /** The reason in words: Java's own message for these is only the file's name. */
    private static String why(IOException e) {
        String reason = e instanceof FileSystemException f && f.getReason() != null ? f.getReason() : "";
        if (e instanceof AccessDeniedException) {
            return "it may not be written by this user (permission denied for " + FILE_NAME
                    + "); change its permissions or choose another folder with --data";
        }
        if (reason.contains("Read-only file system")) {
            return "it is on a read-only file system, and it may not be written; choose another folder with --data";
        }
        return e.getClass().getSimpleName() + ": " + e.getMessage() + (reason.isEmpty() ? "" : " (" + reason + ")");
    }

    /** One key per real folder, however it is spelled (relative, "..", a symbolic link). */
    private static Path lockFile(Path folder) {
        Path real;
        try {
            real = folder.toRealPath();
        } catch (IOException e) {
            real = folder.toAbsolutePath().normalize();
        }
        return real.resolve(FILE_NAME);
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
    public synchronized void close() {
        if (closed) {
            return; // a second close must not forget a folder someone has locked again since
        }
        closed = true;
        try {
            lock.release();
            channel.close();
        } catch (IOException ignored) {
            // releasing a lock on exit cannot be helped further
        } finally {
            HELD.remove(file);
        }
    }
}
