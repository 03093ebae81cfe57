package io.cqrsflow.ui.recorder;

import io.cqrsflow.crud.CrudOrder;
import io.cqrsflow.eventstore.RecordedEvent;
import io.cqrsflow.flow.FlowClient;
import io.cqrsflow.flow.FlowSignal;
import io.cqrsflow.read.ProjectorStatus;
import io.cqrsflow.read.Query;
import io.cqrsflow.read.QuerySource;
import io.cqrsflow.read.ReadModelsSnapshot;
import io.cqrsflow.read.RowWindow;
import io.cqrsflow.scenario.Recording;
import io.cqrsflow.write.CommandEnvelope;
import io.cqrsflow.write.CommandResult;
import io.cqrsflow.write.OrderAtVersion;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * The window's door to the engine, with a recorder on it. Every call goes on to the engine unchanged;
 * while a {@link Recording} runs, the calls a teacher makes — commands (accepted or rejected alike: the
 * lesson shows the rejection again), queries, delay changes, pause, resume, step, rebuild, added
 * projections — are also written down as scenario steps, each at its time since the recording started.
 * Reading the screen's data ({@link #readModels}, {@link #readEvents}, {@link #loadOrder},
 * {@link #projectors}) is not something a teacher does, and is not recorded. Notes come from
 * {@link #note}. Thread-safe.
 */
public final class Recorder implements FlowClient {
    private final FlowClient engine;
    private final LongSupplier nowMs;
    private Recording recording;
    private boolean running;
    private long startedAtMs;

    public Recorder(FlowClient engine) {
        this(engine, () -> engine.clock().millis());
    }

    /** @param nowMs the time in milliseconds, for "time since the recording started" */
    public Recorder(FlowClient engine, LongSupplier nowMs) {
        this.engine = engine;
        this.nowMs = nowMs;
    }

    // ---- recording

    /**
     * Starts a new recording (the previous one, saved or not, is dropped) from the projectors as they are
     * now (see {@link Recording#startingFrom}).
     *
     * @param projectors every running projector's status, in the order they run
     */
    public synchronized Recording start(List<ProjectorStatus> projectors) {
        recording = Recording.startingFrom(projectors);
        startedAtMs = nowMs.getAsLong();
        running = true;
        return recording;
    }

    /** Stops writing down; the recording is kept until saved or dropped. */
    public synchronized void stop() {
        running = false;
    }

    public synchronized boolean isRecording() {
        return running;
    }

    /** The latest recording, running or stopped; null when there is none. */
    public synchronized Recording recording() {
        return recording;
    }

    /** Takes a stopped recording over (say, from the door of a folder the window has left). */
    public synchronized void adopt(Recording stopped) {
        recording = stopped;
        running = false;
    }

    /** Forgets the recording. */
    public synchronized void drop() {
        recording = null;
        running = false;
    }

    /** Milliseconds since the recording started (0 when none runs). */
    public synchronized long elapsedMs() {
        return running ? Math.max(0, nowMs.getAsLong() - startedAtMs) : 0;
    }

    /** A note for the class, at this moment of the recording. Blank notes and notes while stopped are ignored. */
    public synchronized void note(String text) {
        if (running && text != null && !text.isBlank()) {
            recording.addNote(elapsedMs(), text.strip());
        }
    }

    /** Writes a step down at this moment, while recording. */
    private synchronized void record(java.util.function.BiConsumer<Recording, Long> step) {
        if (running) {
            step.accept(recording, elapsedMs());
        }
    }

    // ---- the door, recorded

    @Override
    public CompletionStage<CommandResult> submit(CommandEnvelope command) {
        // Written down before it is sent, so that steps keep the order the command thread sees.
        record((r, at) -> r.addCommand(at, command.command(), command.expectedVersion()));
        return engine.submit(command);
    }

    @Override
    public <R> CompletionStage<R> ask(Query<R> query, QuerySource from) {
        record((r, at) -> r.addQuery(at, query, from));
        return engine.ask(query, from);
    }

    @Override
    public CompletionStage<ProjectorStatus> pause(String projector) {
        record((r, at) -> r.addPause(at, projector));
        return engine.pause(projector);
    }

    @Override
    public CompletionStage<ProjectorStatus> resume(String projector) {
        record((r, at) -> r.addResume(at, projector));
        return engine.resume(projector);
    }

    @Override
    public CompletionStage<ProjectorStatus> step(String projector) {
        record((r, at) -> r.addStep(at, projector));
        return engine.step(projector);
    }

    @Override
    public CompletionStage<ProjectorStatus> rebuild(String projector, long msPerEvent) {
        record((r, at) -> r.addRebuild(at, projector, msPerEvent));
        return engine.rebuild(projector, msPerEvent);
    }

    @Override
    public CompletionStage<ProjectorStatus> setDelay(String projector, long delayMs) {
        record((r, at) -> r.addDelay(at, projector, delayMs));
        return engine.setDelay(projector, delayMs);
    }

    @Override
    public CompletionStage<ProjectorStatus> addProjection(String projection, long delayMs, long msPerEvent) {
        record((r, at) -> r.addProjection(at, projection, delayMs, msPerEvent));
        return engine.addProjection(projection, delayMs, msPerEvent);
    }

    // ---- the door, not recorded: reading what the screen shows (and switching the CRUD panel's model
    // on, which a saved lesson asks for with its "panels" key, not with a step)

    @Override
    public CompletionStage<Void> startCrud() {
        return engine.startCrud();
    }

    @Override
    public CompletionStage<List<CrudOrder>> crudOrders() {
        return engine.crudOrders();
    }

    @Override
    public CompletionStage<List<String>> eventTypes(String streamId) {
        return engine.eventTypes(streamId);
    }

    @Override
    public CompletionStage<OrderAtVersion> loadOrder(String orderId) {
        return engine.loadOrder(orderId);
    }

    @Override
    public CompletionStage<ReadModelsSnapshot> readModels() {
        return engine.readModels();
    }

    @Override
    public CompletionStage<ReadModelsSnapshot> readModels(Map<String, RowWindow> windows) {
        return engine.readModels(windows);
    }

    @Override
    public CompletionStage<ReadModelsSnapshot> progressOnly() {
        return engine.progressOnly();
    }

    @Override
    public CompletionStage<List<RecordedEvent>> readEvents(long afterPosition, int limit) {
        return engine.readEvents(afterPosition, limit);
    }

    @Override
    public CompletionStage<List<ProjectorStatus>> projectors() {
        return engine.projectors();
    }

    @Override
    public Runnable subscribe(Consumer<FlowSignal> subscriber) {
        return engine.subscribe(subscriber);
    }

    @Override
    public List<String> notices() {
        return engine.notices();
    }

    @Override
    public long head() {
        return engine.head();
    }

    @Override
    public Clock clock() {
        return engine.clock();
    }

    @Override
    public Path dataDir() {
        return engine.dataDir();
    }
}
