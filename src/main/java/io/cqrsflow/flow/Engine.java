package io.cqrsflow.flow;

import io.cqrsflow.crud.CrudAnswer;
import io.cqrsflow.crud.CrudOrder;
import io.cqrsflow.crud.CrudStore;
import io.cqrsflow.eventstore.EventStore;
import io.cqrsflow.eventstore.RecordedEvent;
import io.cqrsflow.eventstore.SqliteEventStore;
import io.cqrsflow.read.ExecutorScheduler;
import io.cqrsflow.read.Projector;
import io.cqrsflow.read.ProjectorListener;
import io.cqrsflow.read.ProjectorStatus;
import io.cqrsflow.read.ReadSide;
import io.cqrsflow.read.Scheduler;
import io.cqrsflow.write.CommandEnvelope;
import io.cqrsflow.write.CommandHandler;
import io.cqrsflow.write.CommandResult;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The whole pipeline behind one object: commands run on one command thread, events land in events.db,
 * projectors (each on its own thread) feed read.db, and every step is published as a {@link FlowSignal}.
 */
public final class Engine implements AutoCloseable {
    public static final String EVENTS_FILE = "events.db";
    public static final String READ_FILE = "read.db";
    public static final String CRUD_FILE = CrudStore.FILE;
    /** The write model's truth the window compares read models with, kept between runs (see ReadSide). */
    public static final String TRUTH_FILE = ReadSide.TRUTH_FILE;

    private final Path dataDir;
    private final Clock clock;
    private final SqliteEventStore store;
    private final CommandHandler handler;
    private final ReadSide readSide;
    private final ExecutorService commands;
    private final ExecutorService queries;
    private final SignalBus signals = new SignalBus();
    private final FlowClient client = new EngineClient(this);
    private final List<String> notices = new CopyOnWriteArrayList<>();
    private final EventStore.Subscription appended;
    private final CrudBeside crud;

    private Engine(Path dataDir, Clock clock, SqliteEventStore store, Map<String, Long> delays,
                   Function<String, Scheduler> schedulers, boolean projectBeforeCheck) {
        this.dataDir = dataDir;
        this.clock = clock;
        this.store = store;
        this.handler = new CommandHandler(store);
        this.commands = Executors.newSingleThreadExecutor(daemon("command handler"));
        this.queries = Executors.newSingleThreadExecutor(daemon("queries"));
        this.crud = new CrudBeside(dataDir, clock);
        this.appended = store.subscribe(events -> {
            for (RecordedEvent e : events) {
                publish(new FlowSignal.EventAppended(e, clock.instant()));
            }
        });
        ProjectorListener listener = new ProjectorListener() {
            @Override
            public void applied(String projector, List<RecordedEvent> events, Instant appliedAt) {
                if (!events.isEmpty()) {
                    publish(new FlowSignal.EventsApplied(projector, events, store.head(), appliedAt));
                }
            }

            @Override
            public void statusChanged(ProjectorStatus status) {
                publish(new FlowSignal.LagChanged(status, status.at()));
            }
        };
        this.readSide = ReadSide.open(store, dataDir.resolve(READ_FILE), clock, delays,
                schedulers, listener, this::notice, projectBeforeCheck);
        store.checked().thenAccept(problem -> {
            if (problem != null) {
                notice(problem);
            }
        });
    }

    /**
     * Opens (creating if needed) DIR/events.db and DIR/read.db and starts the projectors.
     *
     * @throws io.cqrsflow.eventstore.EventStoreException with a user-facing message when events.db cannot be used
     */
    public static Engine open(Path dataDir, Clock clock, Map<String, Long> delays) {
        return open(dataDir, clock, delays, name -> new ExecutorScheduler("projector " + name));
    }

    /**
     * As {@link #open(Path, Clock, Map)}, each projector running on the scheduler {@code schedulers} makes
     * for its name — a test's virtual clock and scheduler play a whole lesson without waiting it out.
     */
    public static Engine open(Path dataDir, Clock clock, Map<String, Long> delays,
                              Function<String, Scheduler> schedulers) {
        return open(SqliteEventStore.open(dataDir.resolve(EVENTS_FILE), clock), dataDir, clock, delays, schedulers, false);
    }

    /**
     * As {@link #open(Path, Clock, Map)}, for a run that starts by catching up (headless): events.db's integrity
     * check and scan run in the background as for a window, and a read.db in which nothing has been applied yet
     * (none, or every checkpoint at 0) does not wait for them — its projectors start at once, beside the check
     * (see {@link ReadSide#open(io.cqrsflow.eventstore.EventStore, Path, Clock, Map, Function,
     * io.cqrsflow.read.ProjectorListener, java.util.function.Consumer, boolean)}). A read.db that has applied
     * events is checked against the log first, as before. The first command waits for the check; a caller that
     * must not end its run on a damaged store waits for {@code store().checked()} too.
     *
     * @param checkAfter the check starts once this has completed (the headless runner: once caught up, or at once
     *                   when something waits for it)
     */
    public static Engine openProjectingBesideCheck(Path dataDir, Clock clock, Map<String, Long> delays,
                                                   java.util.concurrent.CompletionStage<?> checkAfter) {
        SqliteEventStore store = SqliteEventStore.openCheckingInBackground(dataDir.resolve(EVENTS_FILE), clock, checkAfter);
        return open(store, dataDir, clock, delays, name -> new ExecutorScheduler("projector " + name), true);
    }

    /**
     * As {@link #open(Path, Clock, Map)}, for a window that should not wait seconds for a large store: events.db's
     * integrity check and scan run in the background ({@link SqliteEventStore#openCheckingInBackground}), the
     * projectors start and read.db is checked against the log once they pass, and the first command waits for
     * them. A store the check finds damaged takes no command, with the same message, also given as a notice.
     */
    public static Engine openCheckingInBackground(Path dataDir, Clock clock, Map<String, Long> delays) {
        return openCheckingInBackground(dataDir, clock, delays, java.util.concurrent.CompletableFuture.completedFuture(null));
    }

    /**
     * As above, the check starting only once {@code checkAfter} has completed: a window opening passes "my
     * first frame is drawn", so that the check (seconds of a core at a million events) does not slow the first
     * paint on a machine with few cores. Commands and the projectors wait for the check as before.
     */
    public static Engine openCheckingInBackground(Path dataDir, Clock clock, Map<String, Long> delays,
                                                  java.util.concurrent.CompletionStage<?> checkAfter) {
        SqliteEventStore store = SqliteEventStore.openCheckingInBackground(dataDir.resolve(EVENTS_FILE), clock, checkAfter);
        return open(store, dataDir, clock, delays, name -> new ExecutorScheduler("projector " + name), false);
    }

    private static Engine open(SqliteEventStore store, Path dataDir, Clock clock, Map<String, Long> delays,
                               Function<String, Scheduler> schedulers, boolean projectBeforeCheck) {
        try {
            return new Engine(dataDir, clock, store, delays, schedulers, projectBeforeCheck);
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    private void notice(String message) {
        notices.add(message);
        publish(new FlowSignal.Notice(message, clock.instant()));
    }

    private void publish(FlowSignal signal) {
        signals.publish(signal);
    }

    /**
     * Receives every signal from now on, in order, on the engine's one signals thread — never on a
     * writer's or a projector's, so a slow subscriber does not hold up the pipeline.
     */
    public Runnable subscribe(Consumer<FlowSignal> subscriber) {
        return signals.subscribe(subscriber);
    }

    /** The door for a user interface: every call asynchronous, nothing of the store or read side exposed. */
    public FlowClient client() {
        return client;
    }

    CommandHandler handler() {
        return handler;
    }

    /** Runs a read on the query thread, never on the caller's. */
    <T> CompletableFuture<T> onQueryThread(java.util.function.Supplier<T> read) {
        return CompletableFuture.supplyAsync(read, queries);
    }

    /** Messages from opening (read.db rebuilt and why), for a subscriber that came late. */
    public List<String> notices() {
        return new ArrayList<>(notices);
    }

    /** Handles a command on the command thread; the future completes with its result. */
    public CompletableFuture<CommandResult> submit(CommandEnvelope command) {
        return CompletableFuture.supplyAsync(() -> {
            publish(new FlowSignal.CommandSubmitted(command, clock.instant()));
            CommandResult result;
            try {
                result = handler.handle(command);
            } catch (RuntimeException e) {
                // Not a rule, not a conflict: the store could not be used (locked, full, corrupt). Nothing
                // was written; say so where the user looks, then fail the future.
                notice(command.command().type() + " (" + command.commandId() + ") was not stored: " + e.getMessage());
                throw e;
            }
            publish(new FlowSignal.CommandHandled(result, clock.instant()));
            // The event store has the command's outcome first: whatever happens to crud.db cannot lose an event.
            CrudAnswer answer = crud.apply(command.command());
            if (answer != null) {
                publish(new FlowSignal.CrudAnswered(command, answer, clock.instant()));
                if (answer.outcome() == CrudAnswer.Outcome.FAILED) {
                    notice("CRUD: " + answer.message());
                }
            }
            return result;
        }, commands);
    }

    /**
     * Switches the CRUD model on, on the command thread, so that it sees every command submitted after this
     * call and none before; fails (with a notice) when crud.db cannot be used.
     */
    public CompletableFuture<Void> startCrud() {
        return CompletableFuture.runAsync(() -> {
            try {
                crud.switchOn();
            } catch (RuntimeException e) {
                notice("CRUD stays off: " + e.getMessage());
                throw e;
            }
        }, commands);
    }

    /** The CRUD model's orders table as it is now, read on the query thread; fails while CRUD is off. */
    public CompletableFuture<List<CrudOrder>> crudOrders() {
        return CompletableFuture.supplyAsync(crud::orders, queries);
    }

    /** Runs a read on the query thread, never on the caller's (the UI's) thread. */
    public <T> CompletableFuture<T> query(java.util.function.Function<ReadSide, T> read) {
        return CompletableFuture.supplyAsync(() -> read.apply(readSide), queries);
    }

    public ReadSide readSide() {
        return readSide;
    }

    public EventStore store() {
        return store;
    }

    /** Null while events.db is healthy; otherwise why it takes no more commands (an event that cannot be read). */
    public String unreadable() {
        return store.unreadable();
    }

    /** The position of the last event appended (0: none). Cheap: kept in memory by the store. */
    public long head() {
        return store.head();
    }

    /** Up to {@code limit} events after {@code afterPosition}, read from events.db; call off the FX thread. */
    public List<RecordedEvent> readEvents(long afterPosition, int limit) {
        return store.readAll(afterPosition, limit);
    }

    public Projector projector(String name) {
        return readSide.projector(name);
    }

    public Projector addProjection(String name, long delayMs) {
        return addProjection(name, delayMs, 0);
    }

    /** Adds a projection that catches up on history at most one event every {@code msPerEvent} (0: at once). */
    public Projector addProjection(String name, long delayMs, long msPerEvent) {
        boolean wasRunning = readSide.isRunning(name);
        // Read before it starts: once started, its checkpoint may already have moved on.
        long startsAt = readSide.database().checkpoint(name);
        Projector p = readSide.addProjection(name, delayMs, msPerEvent);
        if (!wasRunning) {
            notice("added projection " + name + ": it starts at position " + startsAt
                    + " and catches up from history");
        }
        return p;
    }

    /**
     * Empties a projector's tables and replays from position 0, at most one event every {@code msPerEvent}
     * (0: as fast as it can), and says so in a notice, as adding a projection does.
     *
     * @throws IllegalArgumentException if no such projector runs
     */
    public Projector rebuild(String name, long msPerEvent) {
        Projector p = projector(name);
        p.rebuild(msPerEvent);
        notice(name + " rebuilding from position 0: its read model is emptied and every event in events.db"
                + " replayed; events.db is not touched");
        return p;
    }

    public Path dataDir() {
        return dataDir;
    }

    public Clock clock() {
        return clock;
    }

    /**
     * Waits until every projector has carried out what was asked of it so far (a pause, a rebuild, a new
     * delay, …), so that its status says where it stands now; false if the timeout passes first.
     */
    public boolean awaitSettled(Duration timeout) throws InterruptedException {
        CompletableFuture<?>[] settled = readSide.projectors().stream().map(Projector::settled)
                .toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(settled).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            throw new IllegalStateException("a projector failed to settle", e.getCause());
        }
    }

    /**
     * Waits until every projector has applied every event up to the head, or the timeout passes, or the
     * store has met an event it cannot read (no projector can pass it: waiting longer is pointless).
     * Operations asked of a projector just before (a rebuild, say) are carried out first, so a status
     * from before them cannot end the wait early. Listens for signals instead of polling. Once caught up,
     * it also waits until every signal published so far has been delivered to the subscribers, so that
     * what they collected tells the whole story.
     */
    public boolean awaitCaughtUp(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        if (!awaitSettled(timeout)) {
            return false;
        }
        CountDownLatch done = new CountDownLatch(1);
        Runnable unsubscribe = subscribe(signal -> {
            if (signal instanceof FlowSignal.LagChanged && (readSide.allCaughtUp() || store.unreadable() != null)) {
                done.countDown();
            }
        });
        try {
            if (!readSide.allCaughtUp()) {
                if (store.unreadable() != null) {
                    return false;
                }
                long left = Math.max(0, deadline - System.nanoTime());
                done.await(left, TimeUnit.NANOSECONDS);
                if (!readSide.allCaughtUp()) {
                    return false;
                }
            }
            return signalsDelivered(deadline);
        } finally {
            unsubscribe.run();
        }
    }

    /**
     * Waits, with no fixed timeout, until every projector has applied every event up to the head — as long
     * as they make progress (see {@link CatchUpWatch} for "stopped moving"). {@code progress} hears where
     * things stand about every {@code reportEveryMs} (on the caller's thread) while the wait lasts. Returns
     * {@link CatchUpWatch.CaughtUp} once caught up and every signal so far delivered, or the
     * {@link CatchUpWatch.Failed} or {@link CatchUpWatch.Stalled} that ended the wait.
     */
    public CatchUpWatch.Verdict awaitCaughtUp(CatchUpWatch watch, long reportEveryMs,
                                              Consumer<CatchUpWatch.Behind> progress) throws InterruptedException {
        java.util.concurrent.Semaphore changed = new java.util.concurrent.Semaphore(0);
        Runnable unsubscribe = subscribe(signal -> {
            if (signal instanceof FlowSignal.LagChanged) {
                changed.release();
            }
        });
        Map<String, CompletableFuture<Void>> settled = new java.util.HashMap<>();
        long started = System.nanoTime();
        long reported = started;
        try {
            while (true) {
                List<CatchUpWatch.Observed> observed = new ArrayList<>();
                for (Projector p : readSide.projectors()) {
                    // Asked once per projector: what was asked of it before the wait began is carried out first.
                    CompletableFuture<Void> s = settled.computeIfAbsent(p.name(), n -> p.settled());
                    observed.add(new CatchUpWatch.Observed(p.status(), s.isDone()));
                }
                CatchUpWatch.Verdict v = watch.observe(observed, store.unreadable(), store.head(), clock.millis());
                if (v instanceof CatchUpWatch.CaughtUp) {
                    signals.drained().join();
                    return v;
                }
                if (!(v instanceof CatchUpWatch.Behind behind)) {
                    return v;
                }
                long now = System.nanoTime();
                if (now - reported >= reportEveryMs * 1_000_000L) {
                    reported = now;
                    progress.accept(behind);
                }
                changed.tryAcquire(200, TimeUnit.MILLISECONDS);
                changed.drainPermits();
            }
        } finally {
            unsubscribe.run();
        }
    }

    /** Signals are delivered on their own thread: wait until those published so far have reached everyone. */
    private boolean signalsDelivered(long deadline) throws InterruptedException {
        try {
            signals.drained().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            throw new IllegalStateException("the signals thread failed", e.getCause());
        }
    }

    @Override
    public void close() {
        commands.shutdown();
        queries.shutdown();
        try {
            commands.awaitTermination(10, TimeUnit.SECONDS);
            queries.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        appended.close();
        crud.close();
        readSide.close();
        store.close();
        signals.close();
    }
}
