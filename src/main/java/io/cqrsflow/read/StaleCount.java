package io.cqrsflow.read;

/**
 * How many of a read model's rows differ from the write model's truth, counted over all its keys.
 *
 * @param stale   rows it has that differ from the truth (or that the truth does not have)
 * @param missing rows the truth has that it does not have yet
 */
public record StaleCount(int stale, int missing) {
    public static final StaleCount NONE = new StaleCount(0, 0);

    /** Every row that differs: stale and missing together. */
    public int total() {
        return stale + missing;
    }

    public StaleCount plus(StaleCount other) {
        return new StaleCount(stale + other.stale, missing + other.missing);
    }

    /** The count of one comparison's stale rows (a missing row is one whose {@code shown} is null). */
    public static StaleCount of(java.util.Map<String, ? extends StaleRow<?>> staleRows) {
        int missing = 0;
        for (StaleRow<?> r : staleRows.values()) {
            if (r.shown() == null) {
                missing++;
            }
        }
        return new StaleCount(staleRows.size() - missing, missing);
    }

    /** As {@link #of(java.util.Map)}, handing each missing row to {@code missingRows}. */
    public static <R> StaleCount of(java.util.Map<String, StaleRow<R>> staleRows,
                                    java.util.function.Consumer<StaleRow<R>> missingRows) {
        int missing = 0;
        for (StaleRow<R> r : staleRows.values()) {
            if (r.shown() == null) {
                missing++;
                missingRows.accept(r);
            }
        }
        return new StaleCount(staleRows.size() - missing, missing);
    }
}
