package io.cqrsflow.eventstore;

import io.cqrsflow.domain.Event;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/** The append-only log every read model is derived from. */
public interface EventStore extends AutoCloseable {

    /**
     * Appends events to one stream atomically, if the stream is still at {@code expectedVersion}
     * ({@link ExpectedVersion#ANY} skips the check).
     *
     * @return the recorded events, with their positions and stream versions
     * @throws ConcurrencyConflict if the stream moved on; nothing is written then
     */
    List<RecordedEvent> append(String streamId, long expectedVersion, List<? extends Event> events,
                               EventMetadata metadata);

    /** Every event of one stream, in stream order; empty if the stream does not exist. */
    List<RecordedEvent> readStream(String streamId);

    /** Up to {@code limit} events after {@code afterPosition}, in position order. */
    List<RecordedEvent> readAll(long afterPosition, int limit);

    /**
     * The {@link LogHash} of the log at each of the given positions that exists (0: the empty log), for a read
     * model to check it was built from this log; costs no pass over the log (see SqliteEventStore).
     */
    Map<Long, String> logHashesAt(Collection<Long> positions);

    /**
     * Null while the store is healthy; otherwise why it refuses to append: an event in it could not be read
     * back (found on a read), so nothing more may be written after it.
     */
    String unreadable();

    /**
     * Completes with null once the open-time check of the store has passed, or with the message saying why
     * nothing may be appended (then {@link #unreadable()} says it too). Complete at once for a store checked
     * while it opened.
     */
    default CompletionStage<String> checked() {
        return CompletableFuture.completedFuture(null);
    }

    /** The position of the last event appended, 0 when the store is empty. */
    long head();

    /**
     * Calls {@code listener} after every committed append, with the events just recorded, on the
     * writer's thread: keep it short and hand work elsewhere.
     */
    Subscription subscribe(Consumer<List<RecordedEvent>> listener);

    @Override
    void close();

    /** Stops a listener. */
    interface Subscription extends AutoCloseable {
        @Override
        void close();
    }
}
