package io.cqrsflow.flow;

import io.cqrsflow.eventstore.FolderLock;
import io.cqrsflow.eventstore.SqliteFiles;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The data folder: where it is by default, and "start fresh", which moves the old event store and read
 * models aside, never deleting them.
 */
public final class DataFolder {
    private DataFolder() {
    }

    /** The per-user application-data folder of each system. */
    public static Path defaultLocation() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String home = System.getProperty("user.home");
        if (os.contains("win")) {
            String appData = System.getenv("APPDATA");
            return Path.of(appData != null ? appData : home, "CQRS Flow");
        }
        if (os.contains("mac")) {
            return Path.of(home, "Library", "Application Support", "CQRS Flow");
        }
        String xdg = System.getenv("XDG_DATA_HOME");
        return xdg != null && !xdg.isBlank() ? Path.of(xdg, "cqrs-flow") : Path.of(home, ".local", "share", "cqrs-flow");
    }

    /**
     * Moves DIR/events.db, DIR/read.db, DIR/crud.db and the window's kept truth DIR/truth.db (with -wal/-shm) into
     * DIR/old-<stamp>/; returns where they went.
     * Refuses while another running copy holds the folder.
     */
    public static List<Path> moveAside(Path dataDir, Instant now) throws IOException {
        List<Path> moved = new ArrayList<>();
        if (!java.nio.file.Files.isDirectory(dataDir)) {
            return moved;
        }
        try (FolderLock ignored = FolderLock.acquire(dataDir)) {
            for (String name : new String[]{Engine.EVENTS_FILE, Engine.READ_FILE, Engine.CRUD_FILE, Engine.TRUTH_FILE}) {
                Path target = SqliteFiles.moveAside(dataDir.resolve(name), now);
                if (target != null) {
                    moved.add(target);
                }
            }
        }
        return moved;
    }

    /**
     * Whether another running copy of the app (or an engine in this one) holds {@code dir} now. Asks the
     * folder's lock and lets go at once; when in doubt, says it is in use.
     */
    public static boolean inUse(Path dir) {
        try (FolderLock ignored = FolderLock.acquire(dir)) {
            return false;
        } catch (RuntimeException e) {
            return true;
        }
    }
}
