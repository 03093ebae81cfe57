package io.cqrsflow.read;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One read model's rows as read at one moment, and those that differ from the write model's truth.
 *
 * @param stale by row key; a stale row whose {@code shown} is null is one the read model does not have yet
 */
public record ReadModelReading<R>(List<R> rows, Map<String, StaleRow<R>> stale) {
    private static final ReadModelReading<?> EMPTY = new ReadModelReading<>(List.of(), Map.of());

    public ReadModelReading {
        rows = List.copyOf(rows);
        stale = Collections.unmodifiableMap(new LinkedHashMap<>(stale)); // keeps the order it was worked out in
    }

    @SuppressWarnings("unchecked")
    public static <R> ReadModelReading<R> empty() {
        return (ReadModelReading<R>) EMPTY;
    }

    /** Why the row with this key is stale, or null when it shows the truth. */
    public String staleness(String key) {
        StaleRow<R> row = stale.get(key);
        return row == null ? null : row.difference();
    }

    /** How many rows the write model has truth for that this read model does not show yet. */
    public int missing() {
        int n = 0;
        for (StaleRow<R> r : stale.values()) {
            if (r.shown() == null) {
                n++;
            }
        }
        return n;
    }
}
