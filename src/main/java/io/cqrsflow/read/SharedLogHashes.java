package io.cqrsflow.read;

import io.cqrsflow.eventstore.LogHash;
import io.cqrsflow.eventstore.RecordedEvent;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The {@link LogHash} after a batch, computed once for projectors that apply the same batch from the same
 * hash (a rebuild, a catch-up: they read the same shared lists from the store), instead of once each.
 * Exact, not weaker: a batch is recognised by the very event objects it starts and ends with (identity, not
 * equality), which came from one store's read of an append-only log, so everything between them is the same
 * too; the hash it started from must be equal. Only the latest few batches are kept.
 */
final class SharedLogHashes {

    private static final int KEPT = 16;

    private static final Map<Batch, CompletableFuture<String>> RECENT = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Batch, CompletableFuture<String>> eldest) {
            return size() > KEPT;
        }
    };

    private SharedLogHashes() {
    }

    /** The hash of the log after {@code events} (contiguous, in position order), continuing from {@code from}. */
    static String after(String from, List<RecordedEvent> events) {
        Batch batch = new Batch(from, events.get(0), events.get(events.size() - 1), events.size());
        CompletableFuture<String> mine = new CompletableFuture<>();
        CompletableFuture<String> theirs;
        synchronized (RECENT) {
            theirs = RECENT.putIfAbsent(batch, mine);
        }
        if (theirs != null) {
            try {
                return theirs.join();
            } catch (CompletionException | CancellationException failed) {
                return compute(from, events);
            }
        }
        try {
            String value = compute(from, events);
            mine.complete(value);
            return value;
        } catch (RuntimeException | Error e) {
            synchronized (RECENT) {
                RECENT.remove(batch, mine);
            }
            mine.completeExceptionally(e);
            throw e;
        }
    }

    private static String compute(String from, List<RecordedEvent> events) {
        LogHash hash = LogHash.from(from);
        for (RecordedEvent e : events) {
            hash.add(e);
        }
        return hash.value();
    }

    /** A batch by the identity of its first and last event objects. */
    private static final class Batch {
        private final String from;
        private final RecordedEvent first;
        private final RecordedEvent last;
        private final int count;

        Batch(String from, RecordedEvent first, RecordedEvent last, int count) {
            this.from = from;
            this.first = first;
            this.last = last;
            this.count = count;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Batch b && b.first == first && b.last == last && b.count == count && b.from.equals(from);
        }

        @Override
        public int hashCode() {
            return (System.identityHashCode(first) * 31 + System.identityHashCode(last)) * 31 + count;
        }
    }
}
