package io.cqrsflow.bench;

import java.util.Arrays;
import java.util.Locale;

/**
 * One figure of CQRS Flow against its raw sqlite-jdbc baseline, measured in alternating rounds (ours, raw,
 * ours, raw, …) so both sides see the same machine at nearly the same moment. The ratio is the median of the
 * per-round ratios — robust against a disk or a neighbour that slows down for a while — and its spread is the
 * lowest and highest of them.
 */
record Paired(String name, double[] ours, double[] raw) {

    interface Measure {
        /** One round; returns a rate (higher is better). */
        double run(int round) throws Exception;
    }

    /** {@code warmUps} unmeasured pairs first (JIT, page cache), then {@code rounds} measured ones. */
    static Paired measure(String name, int warmUps, int rounds, Measure ours, Measure raw) throws Exception {
        for (int w = 0; w < warmUps; w++) {
            ours.run(-1 - w);
            raw.run(-1 - w);
        }
        double[] a = new double[rounds];
        double[] b = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            // Alternate who goes first, so neither side always follows the other's checkpoint or garbage.
            if (r % 2 == 0) {
                a[r] = ours.run(r);
                b[r] = raw.run(r);
            } else {
                b[r] = raw.run(r);
                a[r] = ours.run(r);
            }
        }
        return new Paired(name, a, b);
    }

    double oursMedian() {
        return median(ours);
    }

    double rawMedian() {
        return median(raw);
    }

    double[] ratios() {
        double[] r = new double[ours.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = ours[i] / raw[i];
        }
        return r;
    }

    double ratio() {
        return median(ratios());
    }

    double ratioMin() {
        return Arrays.stream(ratios()).min().orElse(Double.NaN);
    }

    double ratioMax() {
        return Arrays.stream(ratios()).max().orElse(Double.NaN);
    }

    /** Puts {@code <name>_per_s}, {@code <name>_raw_per_s}, the ratio, its spread and the rounds into the figures. */
    void into(Figures figures) {
        figures.put(name + "_per_s", Math.round(oursMedian()));
        figures.put(name + "_raw_per_s", Math.round(rawMedian()));
        figures.put(name + "_ratio", round2(ratio()));
        figures.put(name + "_ratio_min", round2(ratioMin()));
        figures.put(name + "_ratio_max", round2(ratioMax()));
        figures.put(name + "_rounds", ours.length);
    }

    String describe() {
        return String.format(Locale.ROOT, "ours %,.0f/s  raw %,.0f/s  ratio %.2f (rounds %.2f–%.2f; ours %s; raw %s)",
                oursMedian(), rawMedian(), ratio(), ratioMin(), ratioMax(), list(ours), list(raw));
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    static double round2(double v) {
        return Math.round(v * 100) / 100.0;
    }

    private static String list(double[] values) {
        StringBuilder b = new StringBuilder();
        for (double v : values) {
            b.append(b.length() == 0 ? "" : " / ").append(String.format(Locale.ROOT, "%,.0f", v));
        }
        return b.toString();
    }
}
