package io.cqrsflow.flow;

import io.cqrsflow.crud.CrudOrder;
import io.cqrsflow.eventstore.RecordedEvent;
import io.cqrsflow.read.Projector;
import io.cqrsflow.read.ProjectorStatus;
import io.cqrsflow.read.Query;
import io.cqrsflow.read.QuerySource;
import io.cqrsflow.read.ReadModelsSnapshot;
import io.cqrsflow.read.RowWindow;
import io.cqrsflow.read.ReadSide;
import io.cqrsflow.write.CommandEnvelope;
import io.cqrsflow.write.CommandResult;
import io.cqrsflow.write.OrderAtVersion;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/** {@link FlowClient} over one {@link Engine}: every call is handed to the engine's threads. */
final class EngineClient implements FlowClient {
    private final Engine engine;

    EngineClient(Engine engine) {
        this.engine = engine;
    }

    @Override
    public CompletionStage<CommandResult> submit(CommandEnvelope command) {
        return engine.submit(command);
    }

    @Override
    public CompletionStage<OrderAtVersion> loadOrder(String orderId) {
        return engine.onQueryThread(() -> engine.handler().loadOrder(orderId));
    }

    @Override
    public <R> CompletionStage<R> ask(Query<R> query, QuerySource from) {
        return engine.query(side -> side.queries().answer(query, from));
    }

    @Override
    public CompletionStage<ReadModelsSnapshot> readModels() {
        return engine.query(side -> side.readModels());
    }

    @Override
    public CompletionStage<ReadModelsSnapshot> readModels(Map<String, RowWindow> windows) {
        Map<String, RowWindow> copy = Map.copyOf(windows);
        return engine.query(side -> side.readModels(copy));
    }

    @Override
    public CompletionStage<ReadModelsSnapshot> progressOnly() {
        return engine.query(ReadSide::progressOnly);
    }

    @Override
    public CompletionStage<List<RecordedEvent>> readEvents(long afterPosition, int limit) {
        return engine.onQueryThread(() -> engine.readEvents(afterPosition, limit));
    }

    @Override
    public CompletionStage<List<String>> eventTypes(String streamId) {
        return engine.onQueryThread(() -> engine.store().readStream(streamId).stream().map(RecordedEvent::type).toList());
    }

    @Override
    public CompletionStage<Void> startCrud() {
        return engine.startCrud();
    }

    @Override
    public CompletionStage<List<CrudOrder>> crudOrders() {
        return engine.crudOrders();
    }

    @Override
    public CompletionStage<List<ProjectorStatus>> projectors() {
        List<ProjectorStatus> statuses = new ArrayList<>();
        for (Projector p : engine.readSide().projectors()) {
            statuses.add(p.status());
        }
        return CompletableFuture.completedFuture(List.copyOf(statuses));
    }

    @Override
    public CompletionStage<ProjectorStatus> pause(String projector) {
        return control(projector, Projector::pause);
    }

    @Override
    public CompletionStage<ProjectorStatus> resume(String projector) {
        return control(projector, Projector::resume);
    }

    @Override
    public CompletionStage<ProjectorStatus> step(String projector) {
        return control(projector, Projector::step);
    }

    @Override
    public CompletionStage<ProjectorStatus> rebuild(String projector, long msPerEvent) {
        // through the engine, which says so in a notice (the Results log, the toast) as adding a projection does
        return control(projector, p -> engine.rebuild(projector, msPerEvent));
    }

    @Override
    public CompletionStage<ProjectorStatus> setDelay(String projector, long delayMs) {
        return control(projector, p -> p.setDelay(delayMs));
    }

    @Override
    public CompletionStage<ProjectorStatus> addProjection(String projection, long delayMs, long msPerEvent) {
        // Building a projector creates its table in read.db: off the caller's thread.
        return engine.onQueryThread(() -> engine.addProjection(projection, delayMs, msPerEvent).status());
    }

    /** Asks a projector (which only enqueues the task) and completes once its thread has carried it out. */
    private CompletionStage<ProjectorStatus> control(String name, Consumer<Projector> action) {
        Projector p;
        try {
            p = engine.projector(name);
        } catch (IllegalArgumentException notRunning) {
            return CompletableFuture.failedFuture(notRunning);
        }
        action.accept(p);
        return p.settled().thenApply(done -> p.status());
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
