package io.cqrsflow.ui.perf;

import java.util.Arrays;
import java.util.Locale;

/**
 * Frame durations with the time each was taken, in a ring of fixed size, and their p50 / p99 / max over
 * the last seconds. Plain Java (no JavaFX), so the percentiles are checked without a window. Not
 * thread-safe: the FX thread owns it.
 */
public final class FrameStats {
    /** What a span of frames came to; times in milliseconds. */
    public record Summary(int frames, double p50Ms, double p99Ms, double maxMs, int overBudget) {
        public static final Summary NONE = new Summary(0, 0, 0, 0, 0);
        /** One frame at 60 Hz. */
        public static final double BUDGET_MS = 1000.0 / 60;

        /** "p50 2.1 · p99 9.8 · max 14.2 ms". */
        public String line() {
            return String.format(Locale.ROOT, "p50 %.1f · p99 %.1f · max %.1f ms", p50Ms, p99Ms, maxMs);
        }
    }

    private final long[] at;
    private final long[] nanos;
    private int next;
    private int size;

    public FrameStats(int capacity) {
        this.at = new long[capacity];
        this.nanos = new long[capacity];
    }

    /** Records a frame that took {@code durationNanos}, ending at {@code atNanos} (System.nanoTime()). */
    public void add(long atNanos, long durationNanos) {
        at[next] = atNanos;
        nanos[next] = durationNanos;
        next = (next + 1) % at.length;
        size = Math.min(size + 1, at.length);
    }

    /** The frames of the last {@code windowNanos} before {@code nowNanos} (as many as the ring still holds). */
    public Summary summary(long nowNanos, long windowNanos) {
        long[] picked = new long[size];
        int n = 0;
        for (int i = 0; i < size; i++) {
            if (nowNanos - at[i] <= windowNanos) {
                picked[n++] = nanos[i];
            }
        }
        return summarize(Arrays.copyOf(picked, n));
    }

    /** Every frame the ring still holds. */
    public Summary all() {
        return summarize(Arrays.copyOf(ringOrder(), size));
    }

    public int size() {
        return size;
    }

    public void clear() {
        next = 0;
        size = 0;
    }

    private long[] ringOrder() {
        long[] out = new long[size];
        for (int i = 0; i < size; i++) {
            out[i] = nanos[(next - size + i + at.length) % at.length];
        }
        return out;
    }

    static Summary summarize(long[] durations) {
        if (durations.length == 0) {
            return Summary.NONE;
        }
        long[] sorted = durations.clone();
        Arrays.sort(sorted);
        int over = 0;
        for (long d : sorted) {
            if (d / 1e6 > Summary.BUDGET_MS) {
                over++;
            }
        }
        return new Summary(sorted.length, percentile(sorted, 0.50) / 1e6, percentile(sorted, 0.99) / 1e6,
                sorted[sorted.length - 1] / 1e6, over);
    }

    /** Nearest rank: the smallest value at or below which at least {@code p} of the values lie. */
    static long percentile(long[] sorted, double p) {
        int rank = (int) Math.ceil(p * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }
}
