package io.cqrsflow.read;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One read model's rows as read at one moment, and those that differ from the write model's truth: all of
 * them, or (for a window at any size) a {@link RowWindow} of them with the counts of the whole table.
 *
 * @param rows   the rows read: all of them, or those from {@code offset}
 * @param stale  by row key, among the rows read; a stale row whose {@code shown} is null is one the read model
 *               does not have yet
 * @param offset the place of {@code rows.get(0)} in the whole table
 * @param total  how many rows the whole table has
 * @param count  stale and missing rows of the whole table, compared with the same truth
 */
public record ReadModelReading<R>(List<R> rows, Map<String, StaleRow<R>> stale, int offset, long total,
                                  StaleCount count) {
    private static final ReadModelReading<?> EMPTY = new ReadModelReading<>(List.of(), Map.of());

    public ReadModelReading {
        rows = List.copyOf(rows);
        stale = Collections.unmodifiableMap(new LinkedHashMap<>(stale)); // keeps the order it was worked out in
    }

    /** Every row, compared whole: the counts are those of {@code stale}. */
    public ReadModelReading(List<R> rows, Map<String, StaleRow<R>> stale) {
        this(rows, stale, 0, rows.size(), StaleCount.of(stale));
    }

    @SuppressWarnings("unchecked")
    public static <R> ReadModelReading<R> empty() {
        return (ReadModelReading<R>) EMPTY;
    }

    /** Why the row with this key is stale, or null when it shows the truth (or was not read). */
    public String staleness(String key) {
        StaleRow<R> row = stale.get(key);
        return row == null ? null : row.difference();
    }

    /** How many rows of the whole table differ from the truth (not counting missing ones). */
    public int staleRows() {
        return count.stale();
    }

    /** How many rows the write model has truth for that this read model does not show yet. */
    public int missing() {
        return count.missing();
    }

    /** The row at this place in the whole table, or null when it was not read. */
    public R rowAt(long index) {
        long i = index - offset;
        return i >= 0 && i < rows.size() ? rows.get((int) i) : null;
    }
}
