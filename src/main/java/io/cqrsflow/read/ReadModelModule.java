package io.cqrsflow.read;

import java.util.List;
import java.util.Map;

/**
 * One read model, whole: its projection (tables and how events change them), how to read its rows, its
 * rows' staleness against the write model's truth, and what the window needs to show it. Each read model
 * is one package implementing this; {@link ReadModels} lists them, and everything else — which projectors
 * exist and start, the scenario validator's names, the window's lanes, panels and "Add projection" actions
 * — is derived from that list. So adding a read model is its package plus one line there.
 *
 * @param <R> one row, as its queries answer it
 */
public interface ReadModelModule<R> {

    /** The projector's name ("order-list"): its checkpoint row, lane, ids on screen, and in scenario files. */
    String name();

    /** True: runs from the start; false: a learner adds it at runtime, and it catches up from position 0. */
    boolean runsFromStart();

    /** A new projection for a projector to drive (one per projector: it keeps prepared statements). */
    Projection projection();

    /** Its rows as they stand in read.db now; call on a read connection, off the JavaFX thread. */
    List<R> rows(ReadDatabase db);

    /** The key a row is told apart by (an order id, a customer id), shared with its stale rows. */
    String key(R row);

    /** The rows that differ from the write model's truth (every order as folded from events.db), by key. */
    Map<String, StaleRow<R>> stale(List<R> rows, Map<String, OrderDetails> truth);

    /**
     * How many of its rows differ from the truth, reading rows and truth {@code chunk} keys at a time so that
     * memory stays bounded at any size; equals {@code stale(rows(db), truth).size()}.
     */
    default int staleRowCount(ReadDatabase db, TruthTable truth, int chunk) {
        return staleCount(db, truth, chunk).total();
    }

    /**
     * Its stale and missing rows as {@link #staleRowCount} counts them. By default its rows are kept one per
     * order and read with {@link #rowsBetween}.
     */
    default StaleCount staleCount(ReadDatabase db, TruthTable truth, int chunk) {
        return staleCount(db, truth, chunk, r -> {
        });
    }

    /** As {@link #staleCount(ReadDatabase, TruthTable, int)}, handing each missing row to {@code missingRows}. */
    default StaleCount staleCount(ReadDatabase db, TruthTable truth, int chunk,
                                  java.util.function.Consumer<StaleRow<R>> missingRows) {
        int[] staleAndMissing = new int[2];
        eachStaleRow(db, truth, chunk, r -> {
            if (r.shown() == null) {
                staleAndMissing[1]++;
                missingRows.accept(r);
            } else {
                staleAndMissing[0]++;
            }
        });
        return new StaleCount(staleAndMissing[0], staleAndMissing[1]);
    }

    /**
     * Hands every row of the whole table that differs from the truth (stale and missing) to {@code each}, a
     * chunk of keys at a time ({@link #truthAfter}), in the order of their keys as SQLite compares text.
     */
    default void eachStaleRow(ReadDatabase db, TruthTable truth, int chunk,
                              java.util.function.Consumer<StaleRow<R>> each) {
        String after = null;
        do {
            TruthTable.Chunk c = truthAfter(truth, after, chunk);
            stale(rowsBetween(db, c.after(), c.upTo()), c.orders()).values().forEach(each);
            after = c.upTo();
        } while (after != null);
    }

    /**
     * SQL that selects (one column) every key whose row may differ from the truth — a superset of the stale
     * keys, which {@link StaleKeys} then compares in Java — or null (the default): counted in Java chunk by chunk.
     * Runs on the truth's connection, its tables as {@code main.orders} and {@code main.customers}, read.db's as
     * {@code r.}. A key it leaves out must have, in every column {@link #stale} reads of its row and its truth,
     * the same value as the truth's (compared with {@code IS}); then both parse alike and compare equal.
     */
    default String mayBeStaleSql() {
        return null;
    }

    /** The truth of the next chunk of its keys after {@code after}: by default rows are kept one per order. */
    default TruthTable.Chunk truthAfter(TruthTable truth, String after, int chunk) {
        return truth.ordersAfter(after, chunk);
    }

    /**
     * The keys whose row or truth events about these orders (placed, paid, shipped, cancelled) and these
     * customers (registered) can change, for counting stale rows again only there ({@code KeptCounts}); by
     * default the orders and every order of the customers. Null: it cannot tell, and is counted whole each time.
     */
    default java.util.Set<String> keysTouched(java.util.Set<String> orderIds, java.util.Set<String> customerIds,
                                              TruthTable truth) {
        java.util.Set<String> keys = new java.util.HashSet<>(orderIds);
        keys.addAll(truth.ordersOfCustomers(customerIds).keySet());
        return keys;
    }

    /** The rows of exactly these keys that differ from the truth: their rows against their truth. */
    default Map<String, StaleRow<R>> staleOf(ReadDatabase db, TruthTable truth, java.util.Collection<String> keys) {
        return stale(rowsOf(db, keys), truth.orders(keys));
    }

    /** Its rows of these keys. By default read whole and filtered: a read model that can grow reads them in SQL. */
    default List<R> rowsOf(ReadDatabase db, java.util.Collection<String> keys) {
        java.util.Set<String> wanted = new java.util.HashSet<>(keys);
        List<R> in = new java.util.ArrayList<>();
        for (R row : rows(db)) {
            if (wanted.contains(key(row))) {
                in.add(row);
            }
        }
        return in;
    }

    /** How many rows it has; by default read whole and counted, a read model that can grow counts in SQL. */
    default long rowCount(ReadDatabase db) {
        return rows(db).size();
    }

    /**
     * Up to {@code limit} of its rows from place {@code offset}, in the order it shows them. By default read
     * whole and cut: a read model that can grow reads the page in SQL instead.
     */
    default List<R> rowsPage(ReadDatabase db, int offset, int limit) {
        List<R> all = rows(db);
        return List.copyOf(all.subList(Math.min(offset, all.size()), Math.min(all.size(), offset + limit)));
    }

    /**
     * Which of these rows (a page of them) differ from the truth, with only their truth read from the table. By
     * default the rows are kept one per order and keyed by order id.
     */
    default Map<String, StaleRow<R>> staleAmong(List<R> rows, TruthTable truth) {
        List<String> keys = new java.util.ArrayList<>(rows.size());
        rows.forEach(r -> keys.add(key(r)));
        return stale(rows, truth.orders(keys));
    }

    /**
     * Its rows whose key is after {@code after} and up to {@code upTo} (null: no bound), keys compared as
     * SQLite compares text. By default read whole and filtered: a read model that can grow reads the range
     * in SQL instead.
     */
    default List<R> rowsBetween(ReadDatabase db, String after, String upTo) {
        List<R> in = new java.util.ArrayList<>();
        for (R row : rows(db)) {
            String k = key(row);
            if ((after == null || TruthTable.compareKeys(k, after) > 0)
                    && (upTo == null || TruthTable.compareKeys(k, upTo) <= 0)) {
                in.add(row);
            }
        }
        return in;
    }

    /** What the window needs to show it, as plain data (the window turns it into a table). */
    ReadModelDisplay<R> display();
}
