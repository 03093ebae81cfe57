package io.cqrsflow.read;

import io.cqrsflow.eventstore.EventStore;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * What a window shows of the read side at any size, in bounded memory: per running read model a
 * {@link RowWindow} of its rows (what is on screen and near it), its row count, and its stale and missing
 * rows counted over the whole table — against the write model's truth, kept folded in a {@link TruthTable}
 * (a temporary file) that folds only the events appended since the last reading.
 *
 * <p>One reading, one truth: the checkpoints, counts and rows are read in one read.db transaction, the truth
 * is folded to the head after them (so it is never older than the rows), and the rows' staleness and the
 * whole-table counts are worked out against that truth inside the same transaction. Counts are kept
 * ({@link KeptCounts}): while neither the read model's checkpoint nor the truth moved they are the same, so
 * scrolling costs a page, not a count; when they moved, only the keys the events since the last reading
 * touched are counted again. Readings come from the engine's query thread; the headless summary's count
 * ({@link #withWholeTruth}) from the runner's thread. Both hold this object's lock: one at a time on the truth.
 */
final class PagedReadModels implements AutoCloseable {
    /** Orders of the truth handed out with a reading: the latest, for the window's id suggestions. */
    static final int LATEST_ORDERS = 300;
    /** Most events the truth folds in one reading while it is far behind; the reading then says "checking…". */
    static final long FOLD_SLICE = 100_000;

    private final EventStore store;
    private final ReadDatabase db;
    private TruthTable truth;
    private final KeptCounts counts;

    PagedReadModels(EventStore store, ReadDatabase db) {
        this(store, db, KeptCounts.MOST_EVENTS);
    }

    /** @param mostEvents most events between two readings whose keys alone are counted again */
    PagedReadModels(EventStore store, ReadDatabase db, long mostEvents) {
        this.store = store;
        this.db = db;
        this.counts = new KeptCounts(store, mostEvents);
    }

    /** How many times a whole table's stale rows were counted (the rest were counted key by key). */
    synchronized long fullCounts() {
        return counts.fullCounts();
    }

    /** How many times a count was made from the last one and the keys touched since. */
    synchronized long keyCounts() {
        return counts.keyCounts();
    }

    /**
     * @param running  the read models running now, in order
     * @param windows  the rows wanted per read model's name; absent: {@link RowWindow#FIRST}
     * @param progress how far a checkpoint is behind the position the truth was folded to
     * @return null while the truth is still being folded (more than a slice behind the head): ask again
     */
    synchronized ReadModelsSnapshot read(List<ReadModelModule<?>> running, Map<String, RowWindow> windows,
                                         BiFunction<Long, Long, ReadModelsSnapshot.Progress> progress) {
        if (truth == null) {
            if (!ReadDatabaseFile.isChecked(store)) {
                return null; // the kept truth is checked against the log's hash, known once the store's check is over
            }
            truth = KeptTruth.open(db.file().resolveSibling(KeptTruth.FILE), store);
        }
        truth.advance(store, FOLD_SLICE);
        if (store.head() - truth.position() > FOLD_SLICE) {
            return null;
        }
        return db.read(c -> {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                Map<String, Page<?>> pages = new LinkedHashMap<>();
                for (ReadModelModule<?> m : running) {
                    pages.put(m.name(), Page.read(m, db, windows.getOrDefault(m.name(), RowWindow.FIRST)));
                }
                long position = truth.advance(store, Long.MAX_VALUE); // after the rows: never older than them
                Map<String, ReadModelReading<?>> readings = new LinkedHashMap<>();
                Map<String, ReadModelsSnapshot.Progress> behind = new LinkedHashMap<>();
                for (Page<?> p : pages.values()) {
                    readings.put(p.module().name(), p.against(truth, p.countAt(counts, db, truth, position)));
                    behind.put(p.module().name(), progress.apply(p.checkpoint(), position));
                }
                counts.retain(pages.keySet());
                return new ReadModelsSnapshot(readings, truth.latestOrders(LATEST_ORDERS), behind);
            } finally {
                c.commit();
                c.setAutoCommit(auto);
            }
        });
    }

    /**
     * Runs {@code work} with the truth folded to the store's head: the one kept in truth.db beside read.db (so a
     * second run folds only the events appended since), opened here if no reading has opened it yet. Null while
     * events.db's open-time check is not over and a truth.db from an earlier run waits to be checked against the
     * log's hash: fold a temporary one then. Holds the lock {@link #read} holds, so never beside a reading.
     */
    synchronized <T> T withWholeTruth(java.util.function.Function<TruthTable, T> work) {
        if (truth == null) {
            java.nio.file.Path file = db.file().resolveSibling(KeptTruth.FILE);
            // a truth kept from an earlier run is checked against the log's hash, known once the check is over;
            // a new one needs no hash (it chains its own as it folds), so it may start beside the check
            if (!ReadDatabaseFile.isChecked(store) && java.nio.file.Files.exists(file)) {
                return null;
            }
            truth = KeptTruth.open(file, store);
        }
        truth.advance(store, Long.MAX_VALUE);
        return work.apply(truth);
    }

    /** One read model's window of rows, its row count and checkpoint, read in the reading's transaction. */
    private record Page<R>(ReadModelModule<R> module, List<R> rows, int offset, long total, long checkpoint) {
        static <R> Page<R> read(ReadModelModule<R> m, ReadDatabase db, RowWindow w) {
            long checkpoint = db.checkpoint(m.name());
            long total = m.rowCount(db);
            int offset = (int) Math.max(0, Math.min(w.offset(), total - w.limit()));
            return new Page<>(m, m.rowsPage(db, offset, w.limit()), offset, total, checkpoint);
        }

        /** The whole table's count against the truth at {@code position}, kept from the last reading where it can be. */
        KeptCounts.Count countAt(KeptCounts counts, ReadDatabase db, TruthTable truth, long position) {
            return counts.countOf(module, db, truth, checkpoint, position);
        }

        /** Its rows' staleness, and the first missing rows of the whole table (none of them is a row here). */
        @SuppressWarnings("unchecked") // a count is kept under its own read model's name
        ReadModelReading<R> against(TruthTable truth, KeptCounts.Count count) {
            Map<String, StaleRow<R>> stale = new LinkedHashMap<>(module.staleAmong(rows, truth));
            for (StaleRow<?> r : count.missing()) {
                stale.putIfAbsent(r.key(), (StaleRow<R>) r);
            }
            return new ReadModelReading<>(rows, stale, offset, total, count.count());
        }
    }

    @Override
    public synchronized void close() {
        counts.close();
        if (truth != null) {
            truth.close();
            truth = null;
        }
    }
}
