package io.cqrsflow.app;

import io.cqrsflow.eventstore.FolderLock;
import io.cqrsflow.eventstore.SqliteFiles;
import io.cqrsflow.flow.Engine;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** "Start fresh": moves the old event store and read models aside, never deleting them. */
public final class DataFolder {
    private DataFolder() {
    }

    /**
     * Moves DIR/events.db and DIR/read.db (with -wal/-shm) into DIR/old-<stamp>/; returns where they went.
     * Refuses while another running copy holds the folder.
     */
    public static List<Path> moveAside(Path dataDir, Instant now) throws IOException {
        List<Path> moved = new ArrayList<>();
        if (!java.nio.file.Files.isDirectory(dataDir)) {
            return moved;
        }
        try (FolderLock ignored = FolderLock.acquire(dataDir)) {
            for (String name : new String[]{Engine.EVENTS_FILE, Engine.READ_FILE}) {
                Path target = SqliteFiles.moveAside(dataDir.resolve(name), now);
                if (target != null) {
                    moved.add(target);
                }
            }
        }
        return moved;
    }
}
