package io.cqrsflow.read;

import io.cqrsflow.eventstore.EventStore;
import io.cqrsflow.eventstore.LogHash;
import io.cqrsflow.eventstore.RecordedEvent;
import io.cqrsflow.eventstore.SqliteFiles;

import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Feeds one projection from the event store, strictly in position order, each event no earlier than
 * {@code recorded_at + delay}. Rows and checkpoint are committed in one read.db transaction.
 *
 * <p>All of a projector's work runs as tasks on its own {@link Scheduler}, one at a time, so its
 * fields need no locks; the public methods only enqueue tasks. It wakes on the store's append
 * notification and on a timer for the next due event — never by polling.
 *
 * <p>Longer than 300 lines on purpose: every mutable field is confined to the projector's own thread, and
 * keeping all the code that touches them in one class is what makes that confinement visible.
 */
public final class Projector implements AutoCloseable {

    /** Events read from the store at a time (a read shared by projectors replaying the same range). */
    static final int BATCH = 1_000;
    /**
     * At most this many events applied in one transaction, when that many are due (a rebuild, a catch-up).
     * Fewer, larger transactions write each hot page of read.db (an index's, a table's last) once for many
     * events instead of once per {@link #BATCH}; a pause or a new delay still gets in between two of them.
     */
    static final int BULK = 8 * BATCH;

    private final Projection projection;
    private final EventStore store;
    private final ReadDatabase db;
    private final Clock clock;
    private final Scheduler scheduler;
    private final ProjectorListener listener;
    private final EventStore.Subscription subscription;
    private final AtomicBoolean pumpQueued = new AtomicBoolean();

    // Owned by the scheduler's thread.
    private final Deque<RecordedEvent> pending = new ArrayDeque<>();
    private long checkpoint;
    /** The {@link LogHash} of the events applied up to {@link #checkpoint}, saved with it. */
    private String logHash;
    private long fetchedUpTo;
    private long delayMs;
    private boolean paused;
    private boolean rebuilding;
    private long rebuildTarget;
    /** While replaying (a rebuild, a new projection catching up): at most one event every this many ms; 0: as fast as it can. */
    private long paceMs;
    private long nextPacedAt;
    private String problem;
    private Scheduler.Cancellable wake;
    private long wakeAt = Long.MAX_VALUE;
    private volatile ProjectorStatus status;

    public Projector(Projection projection, EventStore store, ReadDatabase db, Clock clock, Scheduler scheduler,
                     long delayMs, ProjectorListener listener) {
        this.projection = projection;
        this.store = store;
        this.db = db;
        this.clock = clock;
        this.scheduler = scheduler;
        this.listener = listener;
        this.delayMs = clampDelay(delayMs);
        db.ensureSchema(projection);
        ReadDatabase.Checkpoint stored = db.checkpointOf(projection.name());
        this.checkpoint = stored.position();
        this.logHash = stored.logHash();
        this.fetchedUpTo = checkpoint;
        this.status = snapshot(ProjectorState.RUNNING);
        this.subscription = store.subscribe(events -> requestPump());
    }

    /** Starts applying from the stored checkpoint. */
    public void start() {
        requestPump();
    }

    /**
     * Completes once everything asked of this projector before this call (a pause, a rebuild, a new
     * delay, …) has been carried out, so that {@link #status()} reflects it. Never completes after
     * {@link #close()}; wait with a timeout.
     */
    public CompletableFuture<Void> settled() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        execute(() -> done.complete(null));
        return done;
    }

    public String name() {
        return projection.name();
    }

    public Projection projection() {
        return projection;
    }

    /** The latest published snapshot; safe from any thread. */
    public ProjectorStatus status() {
        return status;
    }

    public void setDelay(long newDelayMs) {
        execute(() -> {
            delayMs = clampDelay(newDelayMs);
            cancelWake();
            pump();
        });
    }

    public void pause() {
        execute(() -> {
            paused = true;
            cancelWake();
            publish();
        });
    }

    /** Continues after a pause, or tries again after a failure. */
    public void resume() {
        execute(() -> {
            paused = false;
            problem = null;
            pump();
        });
    }

    /**
     * While paused (or stopped by a failure), applies exactly the next event, whatever its delay, and
     * stays paused. Does nothing when caught up.
     */
    public void step() {
        execute(() -> {
            if (!paused && problem == null) {
                return;
            }
            paused = true;
            fill();
            if (!pending.isEmpty()) {
                applyBatch(List.of(pending.peekFirst()));
            }
            publish();
        });
    }

    /**
     * Empties this projection's tables, moves its checkpoint to 0 and replays from there as fast as the
     * store allows (still never ahead of an event's delay). events.db is not touched.
     */
    public void rebuild() {
        rebuild(0);
    }

    /**
     * As {@link #rebuild()}, replaying at most one event every {@code msPerEvent} (0: as fast as it can),
     * so that a class can watch the checkpoint climb.
     */
    public void rebuild(long msPerEvent) {
        execute(() -> {
            paceMs = Math.max(0, msPerEvent);
            nextPacedAt = 0;
            cancelWake();
            db.write(c -> {
                try (Statement s = c.createStatement()) {
                    for (String table : projection.tables()) {
                        s.execute("DELETE FROM " + table);
                    }
                }
                db.tablesChanged(projection);
                ReadDatabase.saveCheckpoint(c, projection.name(), ReadDatabase.Checkpoint.START, now());
                return null;
            });
            checkpoint = 0;
            logHash = LogHash.EMPTY;
            fetchedUpTo = 0;
            pending.clear();
            problem = null;
            rebuilding = true;
            rebuildTarget = store.head();
            publish();
            pump();
        });
    }

    /**
     * Replays what this projector has not applied yet (a projection just added catching up on history) at
     * most one event every {@code msPerEvent}, as a paced rebuild does, without emptying anything.
     */
    public void replayPaced(long msPerEvent) {
        execute(() -> {
            paceMs = Math.max(0, msPerEvent);
            nextPacedAt = 0;
            if (checkpoint < store.head() && paceMs > 0) {
                rebuilding = true;
                rebuildTarget = store.head();
            }
            cancelWake();
            pump();
        });
    }

    /**
     * Runs a task on this projector's scheduler. A failure that is not an apply failure (an event that
     * cannot be read from events.db, read.db busy too long) must not vanish into an executor: it stops
     * the projector with the reason on screen, like a failed apply, until resumed or rebuilt.
     */
    private void execute(Runnable task) {
        scheduler.execute(() -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                problem = String.valueOf(e.getMessage());
                publish();
            }
        });
    }

    private void requestPump() {
        if (pumpQueued.compareAndSet(false, true)) {
            execute(() -> {
                pumpQueued.set(false);
                pump();
            });
        }
    }

    /** Applies every due event, one batch per task so that pause and delay changes get in between. */
    private void pump() {
        if (paused || problem != null) {
            publish();
            return;
        }
        boolean paced = rebuilding && paceMs > 0;
        int batch = paced ? 1 : BULK;
        fill(batch);
        long now = clock.millis();
        if (paced && now < nextPacedAt) {
            scheduleWake(nextPacedAt);
            publish();
            return;
        }
        List<RecordedEvent> due = new ArrayList<>();
        for (RecordedEvent e : pending) {
            if (e.recordedAt().toEpochMilli() + delayMs > now || due.size() == batch) {
                break;
            }
            due.add(e);
        }
        if (!due.isEmpty()) {
            boolean applied = applyBatch(due);
            boolean more = !pending.isEmpty() || fetchedUpTo < store.head();
            if (applied && paced && more && checkpoint < rebuildTarget) {
                nextPacedAt = now + paceMs;
                scheduleWake(nextPacedAt);
            } else if (applied && more) {
                // More may wait in the store even when everything fetched so far has been applied.
                execute(this::pump);
            }
        } else if (!pending.isEmpty()) {
            scheduleWake();
        }
        if (rebuilding && checkpoint >= rebuildTarget) {
            rebuilding = false;
            rebuildTarget = 0;
            paceMs = 0;
        }
        publish();
    }

    /** Reads the next events after what is already pending. */
    private void fill() {
        fill(BATCH);
    }

    /** Reads the next events after what is already pending, a page at a time, until {@code wanted} are pending. */
    private void fill(int wanted) {
        while (pending.size() < wanted && fetchedUpTo < store.head()) {
            List<RecordedEvent> more = store.readAll(fetchedUpTo, BATCH);
            if (more.isEmpty()) {
                return;
            }
            for (RecordedEvent e : more) {
                pending.addLast(e);
                fetchedUpTo = e.position();
            }
        }
    }

    private boolean applyBatch(List<RecordedEvent> events) {
        long last = events.get(events.size() - 1).position();
        String updatedAt = now();
        ReadDatabase.Checkpoint next = new ReadDatabase.Checkpoint(last, hashAfter(events));
        try {
            db.write(c -> {
                Projection.Writer writer = db.writerFor(projection);
                for (RecordedEvent e : events) {
                    writer.apply(e);
                }
                ReadDatabase.saveCheckpoint(c, projection.name(), next, updatedAt);
                return null;
            });
        } catch (RuntimeException e) {
            // Rolled back: neither the rows nor the checkpoint moved. Stay put until rebuilt or resumed.
            // (Not by pausing: a pause is the user's, and a rebuild keeps it; a failure it clears.)
            problem = "could not apply event " + events.get(0).position() + "–" + last + ": " + e.getMessage();
            return false;
        }
        for (int i = 0; i < events.size(); i++) {
            pending.removeFirst();
        }
        checkpoint = last;
        logHash = next.logHash();
        problem = null;
        listener.applied(projection.name(), events, clock.instant());
        return true;
    }

    /**
     * The log's hash after {@code events}, continuing from {@link #logHash}: chained page by page, each page the
     * positions of one {@link #BATCH}-aligned read, so that projectors applying batches of different lengths
     * over the same pages still compute each page's hash once between them ({@link SharedLogHashes}).
     */
    private String hashAfter(List<RecordedEvent> events) {
        String hash = logHash;
        int from = 0;
        while (from < events.size()) {
            long pageEnd = (events.get(from).position() - 1) / BATCH * BATCH + BATCH;
            int to = from + 1;
            while (to < events.size() && events.get(to).position() <= pageEnd) {
                to++;
            }
            hash = SharedLogHashes.after(hash, events.subList(from, to));
            from = to;
        }
        return hash;
    }

    private void scheduleWake() {
        RecordedEvent next = pending.peekFirst();
        scheduleWake(next.recordedAt().toEpochMilli() + delayMs);
    }

    private void scheduleWake(long dueAt) {
        if (wake != null && wakeAt == dueAt) {
            return;
        }
        cancelWake();
        wakeAt = dueAt;
        wake = scheduler.schedule(() -> execute(() -> {
            wake = null;
            wakeAt = Long.MAX_VALUE;
            pump();
        }), dueAt - clock.millis());
    }

    private void cancelWake() {
        if (wake != null) {
            wake.cancel();
            wake = null;
            wakeAt = Long.MAX_VALUE;
        }
    }

    private void publish() {
        ProjectorState state;
        if (problem != null) {
            state = ProjectorState.FAILED;
        } else if (paused) {
            state = ProjectorState.PAUSED;
        } else if (rebuilding) {
            state = ProjectorState.REBUILDING;
        } else if (checkpoint >= store.head()) {
            state = ProjectorState.CAUGHT_UP;
        } else {
            state = ProjectorState.RUNNING;
        }
        ProjectorStatus next = snapshot(state);
        ProjectorStatus previous = status;
        status = next;
        if (!sameFigures(previous, next)) {
            listener.statusChanged(next);
        }
    }

    private ProjectorStatus snapshot(ProjectorState state) {
        long head = store.head();
        Instant oldest = null;
        if (head > checkpoint) {
            RecordedEvent first = pending.peekFirst();
            if (first == null) {
                try {
                    fill();
                } catch (RuntimeException unreadable) {
                    // Reported by the task that hit it; the snapshot just lacks the time behind.
                }
                first = pending.peekFirst();
            }
            oldest = first == null ? null : first.recordedAt();
        }
        return new ProjectorStatus(projection.name(), state, delayMs, checkpoint, head, oldest, rebuildTarget,
                clock.instant(), problem);
    }

    private static boolean sameFigures(ProjectorStatus a, ProjectorStatus b) {
        return a != null && a.state() == b.state() && a.delayMs() == b.delayMs() && a.checkpoint() == b.checkpoint()
                && a.head() == b.head() && a.rebuildTarget() == b.rebuildTarget()
                && java.util.Objects.equals(a.oldestUnappliedAt(), b.oldestUnappliedAt())
                && java.util.Objects.equals(a.problem(), b.problem());
    }

    private String now() {
        return SqliteFiles.formatInstant(clock.instant());
    }

    private static long clampDelay(long ms) {
        return Math.max(0, Math.min(ProjectorStatus.MAX_DELAY_MS, ms));
    }

    @Override
    public void close() {
        subscription.close();
        execute(this::cancelWake);
        scheduler.close();
    }
}
