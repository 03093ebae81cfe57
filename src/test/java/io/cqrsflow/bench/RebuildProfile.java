package io.cqrsflow.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A small driver for profiling the benchmark's rebuild: builds (or reuses) a history of {@code args[1]} events
 * in {@code args[0]} and rebuilds both read models from it {@code args[2]} times with the projectors and with
 * the benchmark's raw sqlite-jdbc baseline, alternately, printing each time and the ratio. It calls the
 * benchmark's own paths ({@link History}, {@link StorePaths}, {@link RawPaths}), so the two sides are exactly the
 * ones the benchmark measures. Run under
 * JFR to see where a rebuild spends its time:
 * {@code java -XX:StartFlightRecording=filename=/tmp/r.jfr -cp ... io.cqrsflow.bench.RebuildProfile /tmp/h 200000 5}
 */
public final class RebuildProfile {

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args.length > 0 ? args[0] : "/tmp/rebuild-profile");
        int events = args.length > 1 ? Integer.parseInt(args[1]) : 200_000;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        boolean storeOnly = args.length > 3 && args[3].equals("store");
        Path history = root.resolve("history-" + events);
        if (!Files.exists(history.resolve("events.db"))) {
            Files.createDirectories(history);
            History.build(history, events);
        }
        for (int r = 0; r < rounds; r++) {
            double s = StorePaths.rebuildStore(history, fresh(root, "store-" + r + ".db"));
            double rs = storeOnly ? Double.NaN : RawPaths.rebuildRaw(history, fresh(root, "raw-" + r + ".db"));
            System.out.printf(Locale.ROOT, "round %d: projectors %.2f s   raw %.2f s   ratio %.2f%n", r, s, rs, rs / s);
        }
    }

    private static Path fresh(Path root, String name) throws Exception {
        Path p = root.resolve(name);
        for (String suffix : new String[] {"", "-wal", "-shm"}) {
            Files.deleteIfExists(Path.of(p + suffix));
        }
        return p;
    }
}
