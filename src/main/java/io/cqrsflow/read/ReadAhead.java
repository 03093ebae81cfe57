package io.cqrsflow.read;

import io.cqrsflow.eventstore.EventStore;
import io.cqrsflow.eventstore.RecordedEvent;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Reads the log a page ahead on a thread of its own, for a fold that reads it page after page: reading and
 * decoding the next page (about half of folding a million events) overlaps folding this one. Only a full page
 * read ahead is handed out — a full page of an append-only log never changes; a short one is read again, as
 * is any page other than the one guessed. At most one page is held ahead. One reading thread (and its reader
 * connection) for as long as this is open.
 */
final class ReadAhead implements AutoCloseable {
    private final EventStore store;
    private ExecutorService thread;
    private CompletableFuture<List<RecordedEvent>> next;
    private long nextAfter = -1;
    private int nextLimit;

    ReadAhead(EventStore store) {
        this.store = store;
    }

    /** As {@link EventStore#readAll}; starts reading the page after it when this one is full. */
    List<RecordedEvent> readAll(long afterPosition, int limit) {
        List<RecordedEvent> page = null;
        if (next != null && nextAfter == afterPosition && nextLimit == limit) {
            page = taken(next);
        }
        next = null;
        if (page == null || page.size() < limit) {
            page = store.readAll(afterPosition, limit);
        }
        if (page.size() == limit) {
            long after = page.get(page.size() - 1).position();
            nextAfter = after;
            nextLimit = limit;
            next = CompletableFuture.supplyAsync(() -> store.readAll(after, limit), thread());
        }
        return page;
    }

    /** The page read ahead; its failure (an event that cannot be read) is this caller's, as if read here. */
    private static List<RecordedEvent> taken(CompletableFuture<List<RecordedEvent>> read) {
        try {
            return read.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }

    private ExecutorService thread() {
        if (thread == null) {
            thread = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "truth read-ahead");
                t.setDaemon(true);
                return t;
            });
        }
        return thread;
    }

    @Override
    public void close() {
        next = null;
        if (thread != null) {
            thread.shutdownNow();
        }
    }
}
