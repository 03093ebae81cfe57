package io.cqrsflow.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The app itself, not its parts, on a big store: starts the real command line in a child JVM with
 * {@code -Xmx512m} — {@code --headless} on a store of about a million events and no read.db, so both
 * projectors catch up with the engine's signals and the trace on. Two figures from that one run:
 * <ul>
 * <li>the catch-up rate, as issue 10 defines it: events caught up over the time from the projectors starting
 * to the last of them caught up, both read from the trace's own clock (its {@code start} line and its last
 * "caught up" line); compared with raw sqlite-jdbc replaying the same store ({@link RawPaths#rebuildRaw}) and
 * with the two projectors alone, no engine, signals or trace ({@link StorePaths#rebuildStore}), in the same run;</li>
 * <li>the headless open: the wall time open to exit, split into JVM start and exit, open to the projectors
 * started (events.db's check no longer in front of them), catch-up, and the summary's stale count; and
 * the wall time of a second headless open of the same store, its read.db now caught up.</li>
 * </ul>
 * Also the child's peak resident memory, and one JSON line. Not a test.
 *
 * <p>Run with {@code ./mvnw -q -Pbench verify} (after {@link Benchmark}), or alone:
 * {@code java -cp target/classes:target/test-classes:… io.cqrsflow.bench.AppCatchUpBench [events] [dir]}; a
 * given dir keeps its store for the next run.
 */
public final class AppCatchUpBench {
    static final String HEAP = "-Xmx512m";

    public static void main(String[] args) throws Exception {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        Path root = args.length > 1 ? Path.of(args[1]) : Files.createTempDirectory("cqrsflow-appbench");
        try {
            run(events, root);
        } finally {
            if (args.length <= 1) {
                deleteTree(root); // a folder of its own making (a given one keeps its store for the next run)
            }
        }
    }

    /** Deletes a folder and everything in it (the benchmarks' temporary stores: hundreds of MB a run). */
    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (java.util.stream.Stream<Path> files = Files.walk(root)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private static void run(int events, Path root) throws Exception {
        Path store = root.resolve("store");
        if (!Files.exists(store.resolve("events.db"))) {
            Files.createDirectories(store);
            bulkHistory(store, events);
        }
        deleteDerived(store);
        double raw = RawPaths.rebuildRaw(store, root.resolve("raw-read.db"));
        Files.deleteIfExists(root.resolve("raw-read.db"));
        double alone = StorePaths.rebuildStore(store, root.resolve("alone-read.db"));
        Files.deleteIfExists(root.resolve("alone-read.db"));
        long head = headOf(store);

        Run app = runApp(store, "--headless", "--data", store.toString());
        Split split = Split.of(app);
        // the same store opened again, its read.db caught up: events.db's check, then the summary's count
        Run again = runApp(store, "--headless", "--data", store.toString());
        // A run that did not finish (the headless wait gave up, say) has no rate: say so, do not divide.
        double rate = app.exit() == 0 && split != null ? split.caughtUp() / split.catchUpSeconds() : Double.NaN;
        double rawRate = head / raw;
        double aloneRate = head / alone;
        System.out.printf(Locale.ROOT, "app catch-up, %s, no read.db (%,d events): projectors started → last caught up"
                        + " %.1f s, %,.0f events/s   raw replay %,.0f events/s   ratio %.2f   projectors alone %,.0f events/s"
                        + "   app/alone %.2f%n", HEAP, head, split == null ? Double.NaN : split.catchUpSeconds(), rate,
                rawRate, rate / rawRate, aloneRate, rate / aloneRate);
        System.out.printf(Locale.ROOT, "headless open, same run: %.1f s wall, open to exit = JVM start and exit %.1f s + open"
                        + " to projectors started %.1f s + catch-up %.1f s + summary (stale count) %.1f s   peak resident"
                        + " %d MB   exit %d%n", app.seconds(), split == null ? Double.NaN : split.jvmSeconds(app),
                split == null ? Double.NaN : split.startMs() / 1000.0, split == null ? Double.NaN : split.catchUpSeconds(),
                split == null ? Double.NaN : split.summarySeconds(), app.peakRssKb() / 1024, app.exit());
        System.out.println("    last lines: " + String.join(" | ", app.lastLines()));
        System.out.printf(Locale.ROOT, "headless open again, read.db caught up: %.1f s wall   peak resident %d MB   exit %d%n",
                again.seconds(), again.peakRssKb() / 1024, again.exit());
        System.out.printf(Locale.ROOT, "{\"app_catchup_events\":%d,\"app_catchup_s\":%s,\"app_catchup_per_s\":%s,"
                        + "\"app_catchup_raw_per_s\":%.0f,\"app_catchup_ratio\":%s,\"app_catchup_alone_per_s\":%.0f,"
                        + "\"app_catchup_vs_alone\":%s,\"headless_open_s\":%.1f,\"headless_open_jvm_s\":%s,"
                        + "\"headless_open_to_start_s\":%s,\"headless_open_catchup_s\":%s,\"headless_open_summary_s\":%s,"
                        + "\"app_catchup_peak_rss_mb\":%d,\"app_catchup_exit\":%d,\"headless_reopen_s\":%.1f,"
                        + "\"headless_reopen_exit\":%d}%n",
                split == null ? 0 : split.caughtUp(), json(split == null ? Double.NaN : split.catchUpSeconds(), "%.1f"),
                json(rate, "%.0f"), rawRate, json(rate / rawRate, "%.2f"), aloneRate, json(rate / aloneRate, "%.2f"),
                app.seconds(), json(split == null ? Double.NaN : split.jvmSeconds(app), "%.1f"),
                json(split == null ? Double.NaN : split.startMs() / 1000.0, "%.1f"),
                json(split == null ? Double.NaN : split.catchUpSeconds(), "%.1f"),
                json(split == null ? Double.NaN : split.summarySeconds(), "%.1f"), app.peakRssKb() / 1024, app.exit(),
                again.seconds(), again.exit());
    }

    /** read.db, its WAL, and a kept truth: the run starts with nothing derived from events.db. */
    private static void deleteDerived(Path store) throws IOException {
        for (String name : List.of("read.db", "read.db-wal", "read.db-shm", "truth.db", "truth.db-wal", "truth.db-shm")) {
            Files.deleteIfExists(store.resolve(name));
        }
    }

    /**
     * A headless run's times by the trace's own clock (ms since the runner started): its {@code start} line
     * (the projectors started, and from which checkpoints), the last projector's "caught up" line, and the
     * {@code done} line (after the summary's stale count).
     */
    record Split(long startMs, long caughtUpMs, long doneMs, long caughtUp) {
        private static final java.util.regex.Pattern TIMED = java.util.regex.Pattern.compile("^\\s*(\\d+\\.\\d{3}) s  (.*)$");
        private static final java.util.regex.Pattern START = java.util.regex.Pattern.compile(
                "start     catching up to position (\\d+):(.*)");
        private static final java.util.regex.Pattern FROM = java.util.regex.Pattern.compile(" from (\\d+)");

        /** Null when the trace lacks one of those lines (the run failed, say). */
        static Split of(Run run) {
            long start = -1;
            long caughtUp = -1;
            long done = -1;
            long events = -1;
            for (String line : run.lines()) {
                java.util.regex.Matcher timed = TIMED.matcher(line);
                if (!timed.matches()) {
                    continue;
                }
                long ms = Math.round(Double.parseDouble(timed.group(1)) * 1000);
                String what = timed.group(2);
                java.util.regex.Matcher s = START.matcher(what);
                if (s.matches()) {
                    start = ms;
                    long lowest = Long.MAX_VALUE;
                    java.util.regex.Matcher from = FROM.matcher(s.group(2));
                    while (from.find()) {
                        lowest = Math.min(lowest, Long.parseLong(from.group(1)));
                    }
                    events = Long.parseLong(s.group(1)) - lowest;
                } else if (start < 0 && what.startsWith("notice    read.db does not exist yet")) {
                    // an app from before the start line: it started its projectors as it opened read.db
                    start = ms;
                    events = headFrom(run);
                } else if (what.startsWith("projector ") && what.contains(" caught up at checkpoint ")) {
                    caughtUp = Math.max(caughtUp, ms);
                } else if (what.startsWith("done ")) {
                    done = ms;
                }
            }
            return start < 0 || caughtUp < start || done < caughtUp ? null : new Split(start, caughtUp, done, events);
        }

        /** The head the done line names (0 if none). */
        private static long headFrom(Run run) {
            for (String line : run.lines()) {
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("done      head at position (\\d+)").matcher(line);
                if (m.find()) {
                    return Long.parseLong(m.group(1));
                }
            }
            return 0;
        }

        double catchUpSeconds() {
            return (caughtUpMs - startMs) / 1000.0;
        }

        double summarySeconds() {
            return (doneMs - caughtUpMs) / 1000.0;
        }

        /** The wall time outside the trace's clock: the JVM starting, arguments read, and the exit after done. */
        double jvmSeconds(Run run) {
            return run.seconds() - doneMs / 1000.0;
        }
    }

    /** A figure for the JSON line: null when there is none (NaN is not JSON). */
    private static String json(double value, String format) {
        return Double.isNaN(value) ? "null" : String.format(Locale.ROOT, format, value);
    }

    /**
     * The shape of {@link Benchmark}'s history — 1 000 customers, then orders placed, paid and shipped or
     * cancelled — appended 10 000 events a transaction to one bulk stream (projectors go by event type, not
     * stream), so that a million events take seconds to write, not a commit per order.
     */
    static void bulkHistory(Path dir, int total) {
        java.time.Instant old = java.time.Instant.parse("2026-01-01T00:00:00Z");
        io.cqrsflow.eventstore.EventMetadata meta = io.cqrsflow.eventstore.EventMetadata.forCommand("bench");
        try (io.cqrsflow.eventstore.SqliteEventStore store = io.cqrsflow.eventstore.SqliteEventStore.open(
                dir.resolve("events.db"), java.time.Clock.fixed(old, java.time.ZoneOffset.UTC))) {
            int customers = 1_000;
            List<io.cqrsflow.domain.Event> batch = new ArrayList<>();
            for (int c = 0; c < customers; c++) {
                batch.add(new io.cqrsflow.domain.CustomerRegistered("c-" + c, "Customer " + c));
            }
            int order = 0;
            while (store.head() + batch.size() < total) {
                String id = "o-" + order;
                java.math.BigDecimal price = new java.math.BigDecimal("12.50").add(java.math.BigDecimal.valueOf(order % 7));
                batch.add(new io.cqrsflow.domain.OrderPlaced(id, "c-" + (order % customers),
                        List.of(new io.cqrsflow.domain.OrderLine("BOOK-" + (order % 13), 1 + order % 3, price)),
                        price.multiply(java.math.BigDecimal.valueOf(1 + order % 3))));
                if (order % 5 == 4) {
                    batch.add(new io.cqrsflow.domain.OrderCancelled(id, "changed mind"));
                } else {
                    batch.add(new io.cqrsflow.domain.OrderPaid(id));
                    batch.add(new io.cqrsflow.domain.OrderShipped(id));
                }
                order++;
                if (batch.size() >= 10_000) {
                    store.append("history", io.cqrsflow.eventstore.ExpectedVersion.ANY, batch, meta);
                    batch.clear();
                }
            }
            if (!batch.isEmpty()) {
                store.append("history", io.cqrsflow.eventstore.ExpectedVersion.ANY, batch, meta);
            }
        }
    }

    /** The app's wall time, its exit code, its peak resident set (sampled) and what it printed. */
    record Run(double seconds, int exit, long peakRssKb, List<String> lines) {
        /** The last three lines printed. */
        List<String> lastLines() {
            return lines.subList(Math.max(0, lines.size() - 3), lines.size());
        }
    }

    static Run runApp(Path store, String... appArgs) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                HEAP, "-cp", System.getProperty("java.class.path"), "io.cqrsflow.app.Main"));
        command.addAll(List.of(appArgs));
        Path out = Files.createTempFile(store.getParent(), "app", ".out");
        long start = System.nanoTime();
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        long peak = 0;
        while (p.isAlive()) {
            peak = Math.max(peak, rssKb(p.pid()));
            Thread.sleep(100);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        List<String> lines = Files.readAllLines(out);
        Files.delete(out);
        return new Run(seconds, p.exitValue(), peak, lines);
    }

    /** VmRSS from /proc (Linux); 0 where there is none. */
    private static long rssKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException | RuntimeException gone) {
            // the process ended between two samples
        }
        return 0;
    }

    private static long headOf(Path store) throws java.sql.SQLException {
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + store.resolve("events.db"));
             java.sql.ResultSet rs = c.createStatement().executeQuery("SELECT MAX(position) FROM events")) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }
}
