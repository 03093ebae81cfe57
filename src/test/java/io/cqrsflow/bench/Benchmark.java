package io.cqrsflow.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Measures the event store, the command path and rebuilds against raw sqlite-jdbc doing the same work on the
 * same schema, in the same run on the same machine; rebuilds through the whole app (the {@code Engine}); and
 * crash cycles of the real app killed with SIGKILL. Prints each figure as it goes, the heap after each phase,
 * and last one JSON line with every figure. Run with {@code ./mvnw -q -Pbench verify}
 * ({@code -Dbench.phases=command,crash} for some phases only). Not a test: nothing here fails a build.
 */
public final class Benchmark {
    private static final List<String> PHASES = List.of("append", "command", "rebuild", "big", "crash");
    private static final int ROUNDS = 5;
    private static final int APPEND_EVENTS = 100_000;
    private static final int COMMANDS = 1_500;
    private static final int REBUILD_EVENTS = 200_000;
    private static final int REBUILD_BIG = 1_000_000;

    public static void main(String[] args) throws Exception {
        Set<String> phases = phases(System.getProperty("bench.phases", "all"));
        Path root = Files.createTempDirectory("cqrsflow-bench");
        Figures figures = new Figures();
        long begun = System.nanoTime();
        try {
            double[] load = loadAverage();
            System.out.printf(Locale.ROOT, "CQRS Flow benchmark — %d cores, %d MB RAM, Java %s, load average %.2f, %s; phases %s%n",
                    Runtime.getRuntime().availableProcessors(), totalMemoryMb(), System.getProperty("java.version"),
                    load[0], Instant.now(), phases);
            figures.put("cores", Runtime.getRuntime().availableProcessors());
            figures.put("java", System.getProperty("java.version"));
            figures.put("load_before", Paired.round2(load[0]));
            if (phases.contains("append")) {
                AppendRace.round(root.resolve("a-warm"), APPEND_EVENTS); // JIT and page cache, not measured
                double[][] rates = new double[2][ROUNDS];
                for (int r = 0; r < ROUNDS; r++) {
                    double[] round = AppendRace.round(root.resolve("a" + r), APPEND_EVENTS);
                    rates[0][r] = round[0];
                    rates[1][r] = round[1];
                }
                Paired append = new Paired("append", rates[0], rates[1]);
                System.out.println("append, batches of " + StorePaths.APPEND_BATCH + " events, in turns of 10 batches"
                        + " (target ≥ 0.8): " + append.describe());
                append.into(figures);
                figures.heapAfter("append");
            }
            if (phases.contains("command")) {
                double[][] rates = new double[3][ROUNDS];
                for (int r = 0; r < ROUNDS; r++) {
                    double[] round = CommandRace.round(root.resolve("c" + r), COMMANDS);
                    for (int side = 0; side < 3; side++) {
                        rates[side][r] = round[side];
                    }
                }
                Paired[] command = {new Paired("command", rates[0], rates[2]), new Paired("command_app", rates[1], rates[2])};
                System.out.println("single commands, handler vs single-row commits, in turns of 50 (target ≥ 0.7): " + command[0].describe());
                System.out.println("single commands through the app (Engine.submit; projectors, signals on) vs the same commits: "
                        + command[1].describe());
                command[0].into(figures);
                command[1].into(figures);
                figures.heapAfter("command");
            }
            if (phases.contains("rebuild")) {
                rebuilds(root, figures);
            }
            if (phases.contains("big")) {
                big(root, figures);
            }
            if (phases.contains("crash")) {
                CrashCycles.Result crash = new CrashCycles(root.resolve("crash"), jar(), Integer.getInteger("bench.crashCycles", 100)).run();
                crash.into(figures);
                figures.heapAfter("crash");
            }
            figures.put("load_after", Paired.round2(loadAverage()[0]));
            figures.put("bench_s", Math.round(StorePaths.seconds(begun)));
            System.out.println(figures.json());
        } finally {
            deleteTree(root);
        }
    }

    /** Rebuild of both read models from 200 002 events: the projectors alone, and through the Engine, each against raw replay. */
    private static void rebuilds(Path root, Figures figures) throws Exception {
        Path history = root.resolve("history");
        long events = History.build(history, REBUILD_EVENTS);
        Paired projectors = Paired.measure("rebuild", 1, ROUNDS,
                r -> events / StorePaths.rebuildStore(history, root.resolve("r" + r + ".db")),
                r -> events / RawPaths.rebuildRaw(history, root.resolve("rr" + r + ".db")));
        System.out.printf(Locale.ROOT, "rebuild both read models from %,d events, projectors vs raw replay (target ≥ 0.7): %s%n",
                events, projectors.describe());
        projectors.into(figures);
        Path app = AppPaths.dataFolder(history, root.resolve("app"));
        Paired engine = Paired.measure("rebuild_app", 1, ROUNDS,
                r -> events / AppPaths.rebuild(app),
                r -> events / RawPaths.rebuildRaw(history, root.resolve("ra" + r + ".db")));
        System.out.printf(Locale.ROOT, "rebuild through the app (Engine, signals on) from %,d events vs raw replay (target ≥ 0.7): %s%n",
                events, engine.describe());
        engine.into(figures);
        figures.heapAfter("rebuild");
    }

    /** The 1 000 001-event rebuild, once each: projectors, through the app, raw replay (target ≤ 1.5× raw). */
    private static void big(Path root, Figures figures) throws Exception {
        Path big = root.resolve("big");
        long events = History.build(big, REBUILD_BIG);
        double raw = RawPaths.rebuildRaw(big, root.resolve("big-raw.db"));
        double projectors = StorePaths.rebuildStore(big, root.resolve("big-read.db"));
        Path app = AppPaths.dataFolder(big, root.resolve("big-app"));
        double engine = AppPaths.rebuild(app);
        System.out.printf(Locale.ROOT, "rebuild from %,d events: projectors %.1f s, through the app %.1f s, raw replay %.1f s"
                        + " (%.2f× and %.2f× raw; target ≤ 1.5×)%n", events, projectors, engine, raw, projectors / raw, engine / raw);
        figures.put("rebuild_1m_events", events);
        figures.put("rebuild_1m_events_s", Math.round(projectors * 10) / 10.0);
        figures.put("rebuild_1m_app_s", Math.round(engine * 10) / 10.0);
        figures.put("rebuild_1m_raw_s", Math.round(raw * 10) / 10.0);
        figures.put("rebuild_1m_vs_raw", Paired.round2(projectors / raw));
        figures.put("rebuild_1m_app_vs_raw", Paired.round2(engine / raw));
        figures.heapAfter("big");
    }

    private static Set<String> phases(String asked) {
        if (asked.isBlank() || asked.equals("all")) {
            return Set.copyOf(PHASES);
        }
        Set<String> set = Arrays.stream(asked.split(",")).map(String::trim).collect(Collectors.toSet());
        for (String p : set) {
            if (!PHASES.contains(p)) {
                throw new IllegalArgumentException("bench.phases: unknown phase " + p + "; known: all, " + String.join(", ", PHASES));
            }
        }
        return set;
    }

    private static Path jar() {
        Path jar = Path.of(System.getProperty("bench.jar", "target/cqrs-flow.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("the crash phase needs the app's jar at " + jar + ": run ./mvnw -Pbench verify,"
                    + " which packages it first");
        }
        return jar;
    }

    private static double[] loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return new double[] {Double.parseDouble(parts[0]), Double.parseDouble(parts[1])};
        } catch (IOException | RuntimeException e) {
            double l = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
            return new double[] {l, l};
        }
    }

    private static long totalMemoryMb() {
        java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            return sun.getTotalMemorySize() >> 20;
        }
        return -1;
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
