package io.cqrsflow.read;

import io.cqrsflow.eventstore.EventStore;
import io.cqrsflow.eventstore.RecordedEvent;
import io.cqrsflow.read.salesbycustomer.SalesByCustomerQueries;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Everything on the read side: read.db, one projector per running read model, and the queries. On
 * open, every projector that ran before resumes from its stored checkpoint.
 */
public final class ReadSide implements AutoCloseable {
    /** Beside read.db: the truth a window compares with, kept between runs ({@code KeptTruth}). */
    public static final String TRUTH_FILE = KeptTruth.FILE;
    private final EventStore store;
    private final ReadDatabase db;
    private final Clock clock;
    private final Function<String, Scheduler> schedulers;
    private final ProjectorListener listener;
    /**
     * Running projectors, in the order they started: an immutable map replaced on each addition, so
     * that reading it (the UI's lane buttons do, on the FX thread) never waits for a projector being built.
     */
    private volatile Map<String, Projector> projectors = Map.of();
    private final Object adding = new Object();
    /** While the store's background check runs, projectors are registered but not started (see release). */
    private boolean held;
    /** Completes when the projectors running from the start have been started, with the checkpoint each started at. */
    private final CompletableFuture<Map<String, Long>> started = new CompletableFuture<>();
    /** The checkpoint each projector was started at, filled in as they start. */
    private final Map<String, Long> startedAt = Collections.synchronizedMap(new LinkedHashMap<>());
    private volatile boolean closed;
    private final OrderQueries queries;
    private final SalesByCustomerQueries sales;
    private final PagedReadModels paged;

    private ReadSide(EventStore store, ReadDatabase db, Clock clock, Function<String, Scheduler> schedulers,
                     ProjectorListener listener) {
        this.store = store;
        this.db = db;
        this.clock = clock;
        this.schedulers = schedulers;
        this.listener = listener;
        this.queries = new OrderQueries(db, new WriteModelQueries(store));
        this.sales = new SalesByCustomerQueries(db);
        this.paged = new PagedReadModels(store, db);
    }

    /**
     * @param delays     initial delay per projector name; absent names start at 0
     * @param schedulers makes the scheduler a projector runs on, by name
     */
    public static ReadSide open(EventStore store, Path readDbFile, Clock clock, Map<String, Long> delays,
                                Function<String, Scheduler> schedulers, ProjectorListener listener,
                                Consumer<String> notices) {
        return open(store, readDbFile, clock, delays, schedulers, listener, notices, false);
    }

    /**
     * As above; with {@code beforeCheck}, a read.db in which nothing has been applied yet (new, or every checkpoint
     * at 0) does not wait for the store's background check: there is nothing in it to check against the log, so
     * its projectors start at once, beside the check, and each checkpoint's hash is of the very events applied.
     * Only appends wait for the check (a caller that must not finish on a damaged store waits for it too).
     */
    public static ReadSide open(EventStore store, Path readDbFile, Clock clock, Map<String, Long> delays,
                                Function<String, Scheduler> schedulers, ProjectorListener listener,
                                Consumer<String> notices, boolean beforeCheck) {
        // Asked before read.db opens: a check that ends while it opens may or may not have been used there.
        boolean storeChecked = ReadDatabaseFile.isChecked(store);
        ReadDatabase db = ReadDatabase.open(readDbFile, clock, store, notices);
        ReadSide side = new ReadSide(store, db, clock, schedulers, listener);
        side.held = !storeChecked && !(beforeCheck && db.appliedNothing());
        List<String> names = new ArrayList<>(ReadModels.atStart());
        // those added at runtime before have a checkpoint row, and run again
        for (String existing : db.projectionsWithCheckpoint()) {
            if (!names.contains(existing) && ReadModels.named(existing).isPresent()) {
                names.add(existing);
            }
        }
        for (String name : names) {
            side.start(name, delays.getOrDefault(name, 0L));
        }
        if (side.held) {
            store.checked().thenAccept(problem -> side.release(problem, notices));
        } else {
            side.started.complete(side.startedSoFar());
        }
        return side;
    }

    /**
     * Completes once the projectors that run from the start have been started — at once, or when the store's
     * check released them — with the checkpoint each started from, by name. Never completes if the check
     * found the store unusable.
     */
    public CompletionStage<Map<String, Long>> started() {
        return started.minimalCompletionStage();
    }

    /**
     * The store's background check is over: unless it found the store unusable (the engine says why, and
     * nothing is projected from it), read.db is checked against the log now — kept aside and rebuilt in place
     * if it was built from another — and the projectors start. Until then they are registered (the window
     * shows their lanes) but apply nothing.
     */
    private void release(String storeProblem, Consumer<String> notices) {
        if (storeProblem != null || closed) {
            return;
        }
        boolean rebuild;
        try {
            rebuild = db.copyAsideIfBuiltFromAnotherLog(store, notices);
        } catch (RuntimeException e) {
            notices.accept(db.file().getFileName() + " could not be checked against events.db (" + e.getMessage()
                    + "): its read models are not updated. " + ReadDatabaseFile.IF_CORRUPT);
            return;
        }
        List<Projector> waiting;
        synchronized (adding) {
            held = false;
            waiting = projectors();
        }
        for (Projector p : waiting) {
            startedAt.put(p.name(), rebuild ? 0 : p.status().checkpoint());
            if (rebuild) {
                p.rebuild();
            }
            p.start();
        }
        started.complete(startedSoFar());
    }

    private Map<String, Long> startedSoFar() {
        synchronized (startedAt) {
            return Collections.unmodifiableMap(new LinkedHashMap<>(startedAt));
        }
    }

    /** A new projection of the read model with that name. */
    public static Projection projection(String name) {
        return ReadModels.require(name).projection();
    }

    /** Builds the projector outside any lock (it touches read.db), then registers it unless another won. */
    private Projector start(String name, long delayMs) {
        return start(name, delayMs, 0);
    }

    private Projector start(String name, long delayMs, long msPerEvent) {
        Projector built = new Projector(projection(name), store, db, clock, schedulers.apply(name), delayMs, listener);
        Projector winner;
        synchronized (adding) {
            winner = projectors.get(name);
            if (winner == null) {
                Map<String, Projector> next = new LinkedHashMap<>(projectors);
                next.put(name, built);
                projectors = Collections.unmodifiableMap(next);
            }
        }
        if (winner != null) {
            built.close();
            return winner;
        }
        if (msPerEvent > 0) {
            built.replayPaced(msPerEvent);
        }
        synchronized (adding) {
            if (!held) {
                startedAt.putIfAbsent(name, built.status().checkpoint());
                built.start();
            }
        }
        return built;
    }

    /**
     * Adds a projection at runtime: it starts at position 0 (or its stored checkpoint) and catches up
     * from history. Adding one that is already running returns it.
     */
    public Projector addProjection(String name, long delayMs) {
        return addProjection(name, delayMs, 0);
    }

    /** As {@link #addProjection(String, long)}, catching up at most one event every {@code msPerEvent} (0: at once). */
    public Projector addProjection(String name, long delayMs, long msPerEvent) {
        Projector existing = projectors.get(name);
        return existing != null ? existing : start(name, delayMs, msPerEvent);
    }

    public Projector projector(String name) {
        Map<String, Projector> running = projectors;
        Projector p = running.get(name);
        if (p == null) {
            throw new IllegalArgumentException("no projector \"" + name + "\" is running; running: "
                    + String.join(", ", running.keySet()));
        }
        return p;
    }

    public boolean isRunning(String name) {
        return projectors.containsKey(name);
    }

    public List<Projector> projectors() {
        return List.copyOf(projectors.values());
    }

    /** True when every projector's checkpoint equals the head and none is paused or failed. */
    public boolean allCaughtUp() {
        long head = store.head();
        for (Projector p : projectors()) {
            ProjectorStatus s = p.status();
            if (s.checkpoint() < head || s.state() != ProjectorState.CAUGHT_UP) {
                return false;
            }
        }
        return true;
    }

    public OrderQueries queries() {
        return queries;
    }

    /** The sales_by_customer table; tests written before read models were modules read it this way. */
    public SalesByCustomerQueries sales() {
        return sales;
    }

    /**
     * Reads every running read model and the write model's truth together, with the stale rows worked
     * out. A read model not running has no tables to read yet, and no reading.
     */
    public ReadModelsSnapshot readModels() {
        // Rows and checkpoints in one read transaction (one WAL snapshot of read.db), the truth after: the
        // truth is then never older than the rows, so a stale row always means its read model is behind,
        // never that the truth it was compared with was — and "n behind" counts from the same truth.
        Map<String, Rows<?>> rows = new LinkedHashMap<>();
        Map<String, Long> checkpoints = new LinkedHashMap<>();
        db.read(c -> {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                for (ReadModelModule<?> m : ReadModels.ALL) {
                    if (isRunning(m.name())) {
                        rows.put(m.name(), Rows.of(m, db));
                        checkpoints.put(m.name(), db.checkpoint(m.name()));
                    }
                }
            } finally {
                c.commit();
                c.setAutoCommit(auto);
            }
            return null;
        });
        WriteModelQueries.Truth truth = queries.writeModel().truth();
        Map<String, ReadModelReading<?>> readings = new LinkedHashMap<>();
        rows.forEach((name, r) -> readings.put(name, r.against(truth.orders())));
        Map<String, ReadModelsSnapshot.Progress> progress = new LinkedHashMap<>();
        checkpoints.forEach((name, checkpoint) -> progress.put(name, progressOf(checkpoint, truth.position())));
        return new ReadModelsSnapshot(readings, truth.orders(), progress);
    }

    /**
     * What a window shows, in bounded memory at any size: each running read model's rows in its window, with
     * their staleness and the whole table's counts, against one truth (see {@link PagedReadModels}). While the
     * truth is first folded on a large store it answers as {@link #progressOnly()} (no comparison yet).
     *
     * @param windows the rows wanted per read model's name; absent: the first ones
     */
    public ReadModelsSnapshot readModels(Map<String, RowWindow> windows) {
        List<ReadModelModule<?>> running = new ArrayList<>();
        for (ReadModelModule<?> m : ReadModels.ALL) {
            if (isRunning(m.name())) {
                running.add(m);
            }
        }
        ReadModelsSnapshot read = paged.read(running, windows, this::progressOf);
        return read != null ? read : progressOnly();
    }

    /** Keys read at a time by {@link #staleRowCount()}. */
    static final int STALE_CHUNK = 2_000;

    /**
     * Rows of every running read model that differ from the write model's truth — the same count as
     * {@code readModels().staleRows()} — in bounded memory at any size: the truth is the one kept in truth.db
     * beside read.db, folded from events.db alone up to the head (only the events appended since it was last
     * folded; a temporary file, folded whole, while events.db's check is not over), then truth and rows are compared: in SQL first where a read model can say which keys may
     * differ ({@link StaleKeys}), else a chunk of keys at a time. Meant for when nothing
     * is being written (the headless summary); with appends going on, rows and truth may be a moment apart.
     */
    public int staleRowCount() {
        return staleRowCount(STALE_CHUNK);
    }

    int staleRowCount(int chunk) {
        Integer kept = paged.withWholeTruth(truth -> staleRowCount(truth, chunk));
        if (kept != null) {
            return kept;
        }
        try (TruthTable truth = TruthTable.fold(store)) {
            return staleRowCount(truth, chunk);
        }
    }

    private int staleRowCount(TruthTable truth, int chunk) {
        int stale = 0;
        for (ReadModelModule<?> m : ReadModels.ALL) {
            if (isRunning(m.name())) {
                stale += StaleKeys.count(m, db, truth, chunk);
            }
        }
        return stale;
    }

    /**
     * Each running read model's checkpoint against the store's head, without its rows or the truth: a few
     * rows read, where {@link #readModels()} reads every row and folds the whole log (tens of seconds at a
     * million events). What a window shows first, its staleness lines saying "checking…" until a full
     * reading has compared the rows.
     */
    public ReadModelsSnapshot progressOnly() {
        long head = store.head();
        Map<String, ReadModelsSnapshot.Progress> progress = new LinkedHashMap<>();
        for (ReadModelModule<?> m : ReadModels.ALL) {
            if (isRunning(m.name())) {
                progress.put(m.name(), progressOf(db.checkpoint(m.name()), head));
            }
        }
        return new ReadModelsSnapshot(Map.of(), Map.of(), progress);
    }

    private ReadModelsSnapshot.Progress progressOf(long checkpoint, long head) {
        Instant oldest = null;
        if (checkpoint < head) {
            List<RecordedEvent> next = store.readAll(checkpoint, 1);
            oldest = next.isEmpty() ? null : next.get(0).recordedAt();
        }
        return new ReadModelsSnapshot.Progress(checkpoint, Math.max(head, checkpoint), oldest);
    }

    /** One read model's rows, read before the truth they are compared with. */
    private record Rows<R>(ReadModelModule<R> module, List<R> rows) {
        static <R> Rows<R> of(ReadModelModule<R> module, ReadDatabase db) {
            return new Rows<>(module, module.rows(db));
        }

        ReadModelReading<R> against(Map<String, OrderDetails> truth) {
            return new ReadModelReading<>(rows, module.stale(rows, truth));
        }
    }

    public ReadDatabase database() {
        return db;
    }

    @Override
    public void close() {
        closed = true;
        for (Projector p : projectors()) {
            p.close();
        }
        paged.close();
        db.close();
    }
}
