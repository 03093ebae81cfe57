package io.cqrsflow.flow;

import io.cqrsflow.crud.CrudOrder;
import io.cqrsflow.eventstore.RecordedEvent;
import io.cqrsflow.read.Query;
import io.cqrsflow.read.QuerySource;
import io.cqrsflow.read.ReadModelsSnapshot;
import io.cqrsflow.read.RowWindow;
import io.cqrsflow.read.ProjectorStatus;
import io.cqrsflow.write.CommandEnvelope;
import io.cqrsflow.write.CommandResult;
import io.cqrsflow.write.OrderAtVersion;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * The one door from a user interface (the window, the scenario player) to the engine. Every call that
 * does work returns at once with a {@link CompletionStage}; the work runs on the engine's own threads
 * (the command thread, the query thread, a projector's thread), never on the caller's. Results complete
 * on those threads: a window brings them back to its own thread itself (see the UI's {@code FxThread}).
 *
 * <p>The few plain methods ({@link #subscribe}, {@link #head}, {@link #clock}, {@link #dataDir},
 * {@link #notices}) read
 * memory only and never wait.
 */
public interface FlowClient {

    // ---- the write side

    /** Handles a command on the command thread. */
    CompletionStage<CommandResult> submit(CommandEnvelope command);

    /** An order's state and stream version as the write model has them now — what a clerk decides on. */
    CompletionStage<OrderAtVersion> loadOrder(String orderId);

    // ---- the read side

    /** Asks a query of a read model or of the write model, on the query thread. */
    <R> CompletionStage<R> ask(Query<R> query, QuerySource from);

    /** Every read model with the write model's truth and the stale rows, read together on the query thread. */
    CompletionStage<ReadModelsSnapshot> readModels();

    /**
     * What a window shows of the read side, at any size: per running read model the rows in its window (what
     * is on screen and near it), their stale rows, and the whole table's row count and stale count, all against
     * one truth, read on the query thread; see {@code ReadSide.readModels(Map)}. While a large store's truth
     * is still being folded the answer has no readings yet (as {@link #progressOnly()}).
     *
     * @param windows the rows wanted per read model's name; absent: the first ones
     */
    default CompletionStage<ReadModelsSnapshot> readModels(Map<String, RowWindow> windows) {
        return readModels();
    }

    /**
     * What a window can show at once, at any size: each running read model's checkpoint against the head,
     * and no rows or comparison yet (so staleness says "checking…"); see {@code ReadSide.progressOnly}.
     */
    default CompletionStage<ReadModelsSnapshot> progressOnly() {
        return readModels();
    }

    /** Up to {@code limit} events after {@code afterPosition}, oldest first, read from events.db. */
    CompletionStage<List<RecordedEvent>> readEvents(long afterPosition, int limit);

    /** The types of one stream's events in events.db, oldest first ("OrderPlaced", "OrderPaid", …). */
    CompletionStage<List<String>> eventTypes(String streamId);

    // ---- the CRUD model beside CQRS (off until switched on)

    /**
     * Switches the CRUD model on: from the next command on, every command also updates crud.db's one
     * {@code orders} table in place. Completes once crud.db is open; fails with a message naming the file.
     */
    CompletionStage<Void> startCrud();

    /** The CRUD model's orders table as it is now; fails while CRUD is off. */
    CompletionStage<List<CrudOrder>> crudOrders();

    // ---- projectors: each completes, with the projector's status, once the projector has carried it out

    /** Every running projector's latest status, in the order they started. */
    CompletionStage<List<ProjectorStatus>> projectors();

    CompletionStage<ProjectorStatus> pause(String projector);

    CompletionStage<ProjectorStatus> resume(String projector);

    /** Applies exactly the next event of a paused projector. */
    CompletionStage<ProjectorStatus> step(String projector);

    /** Empties the projector's tables and replays from position 0. */
    default CompletionStage<ProjectorStatus> rebuild(String projector) {
        return rebuild(projector, 0);
    }

    /** As {@link #rebuild(String)}, replaying at most one event every {@code msPerEvent} (0: as fast as it can). */
    CompletionStage<ProjectorStatus> rebuild(String projector, long msPerEvent);

    CompletionStage<ProjectorStatus> setDelay(String projector, long delayMs);

    /**
     * Starts a projection at runtime from position 0 (or its stored checkpoint); one that runs is left as
     * it is. Completes once the projector is built and started, not once it has caught up.
     */
    default CompletionStage<ProjectorStatus> addProjection(String projection, long delayMs) {
        return addProjection(projection, delayMs, 0);
    }

    /** As {@link #addProjection(String, long)}, catching up at most one event every {@code msPerEvent} (0: at once). */
    CompletionStage<ProjectorStatus> addProjection(String projection, long delayMs, long msPerEvent);

    // ---- memory only

    /**
     * Receives every signal from now on, in order, on the engine's signals thread (never on a writer's).
     * Returns what unsubscribes.
     */
    Runnable subscribe(Consumer<FlowSignal> subscriber);

    /** Messages from opening the data folder (read.db rebuilt and why), for a subscriber that came late. */
    List<String> notices();

    /** The position of the last event appended (0: none), kept in memory by the store. */
    long head();

    /** The engine's clock: what "behind" figures are measured against. */
    Clock clock();

    Path dataDir();
}
