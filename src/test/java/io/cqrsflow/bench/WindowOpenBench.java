package io.cqrsflow.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The window opening a big store against an empty one (issue 10, item 4: at most 1.5 s more; first bar 3 s):
 * starts the real app — {@code java -jar target/cqrs-flow.jar --data DIR}, its window on Monocle's headless
 * screen (the software renderer, as {@link FrameBench}), {@code -Xmx512m}, {@code -Dcqrsflow.openTiming=true} —
 * in a child JVM, alternately on an empty store and on a store of 1 000 001 events whose read.db has caught up
 * (an app reopened: the usual case), and reads the open steps it prints ({@code ui.OpenTiming}, times from the
 * child's JVM start): the title, the first frame, the first reading (its lines saying "checking…") and the
 * first reading compared with the write model. A run ends when the compared reading is shown (or after
 * {@value #MOST_SECONDS} s); the child is then stopped. Then, once, the same store with no read.db (the
 * projectors and the truth both start from nothing). Prints every run, the medians, the differences, and one
 * JSON line. Not a test.
 *
 * <p>Run with {@code ./mvnw -q -Pbench verify} (after {@link Benchmark}), or alone, after {@code ./mvnw package}:
 * {@code java -cp target/classes:target/test-classes:… io.cqrsflow.bench.WindowOpenBench [rounds] [events] [dir]};
 * a given dir keeps its stores for the next run. {@code -Dbench.jar} names the jar (default
 * {@code target/cqrs-flow.jar}); {@code -Dbench.windowOpen.noReadDb=false} leaves out the run without read.db.
 */
public final class WindowOpenBench {
    static final int MOST_SECONDS = 240;
    private static final Pattern STEP = Pattern.compile("open timing: (.+) at (\\d+) ms");
    /** The steps, by what OpenTiming prints, and their short names. */
    private static final Map<String, String> STEPS = new LinkedHashMap<>();

    static {
        STEPS.put("engine open", "engine");
        STEPS.put("title", "title");
        STEPS.put("first frame", "frame");
        STEPS.put("first reading shown", "reading");
        STEPS.put("first compared reading shown", "compared");
    }

    private WindowOpenBench() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        int events = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        Path root = args.length > 2 ? Path.of(args[2]) : Files.createTempDirectory("cqrsflow-windowopen");
        try {
            run(rounds, events, root);
        } finally {
            if (args.length <= 2) {
                AppCatchUpBench.deleteTree(root); // a folder of its own making (a given one keeps its stores)
            }
        }
    }

    /** One open: each step's time from the child's JVM start (absent: not reached), and whether it ended by itself. */
    record Open(String store, Map<String, Long> ms, boolean finished) {
        Long step(String name) {
            return ms.get(name);
        }

        String line() {
            StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "  %-16s", store));
            for (String step : STEPS.values()) {
                Long v = ms.get(step);
                b.append(String.format(Locale.ROOT, "  %s %s", step, v == null ? "—" : String.format(Locale.ROOT, "%,d ms", v)));
            }
            return b.append(finished ? "" : "  (stopped after " + MOST_SECONDS + " s)").toString();
        }
    }

    private static void run(int rounds, int events, Path root) throws Exception {
        Path empty = root.resolve("empty");
        Path big = root.resolve("big");
        Path jar = Path.of(System.getProperty("bench.jar", "target/cqrs-flow.jar"));
        Path prefs = root.resolve("prefs"); // the child's remembered folder and size: not the user's
        Files.createDirectories(empty);
        if (!Files.exists(big.resolve("events.db"))) {
            Files.createDirectories(big);
            AppCatchUpBench.bulkHistory(big, events);
        }
        if (!Files.exists(big.resolve("read.db"))) {
            // read.db caught up by the app itself (headless), as a learner's folder is after a session
            AppCatchUpBench.Run made = AppCatchUpBench.runApp(big, "--headless", "--data", big.toString());
            if (made.exit() != 0) {
                throw new IllegalStateException("the headless catch-up failed: " + made.lastLines());
            }
        }
        double loadBefore = loadAverage();
        System.out.printf(Locale.ROOT, "Window open (Monocle headless, -Xmx512m), %d rounds, empty store vs a store of about %,d events"
                + " with read.db caught up; load average %.2f, %d cores%n", rounds, events, loadBefore,
                Runtime.getRuntime().availableProcessors());
        open(jar, prefs, empty, "warm-up empty");
        open(jar, prefs, big, "warm-up big");
        List<Open> emptyRuns = new ArrayList<>();
        List<Open> bigRuns = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            emptyRuns.add(open(jar, prefs, empty, "empty"));
            bigRuns.add(open(jar, prefs, big, "big, read.db"));
        }
        Open noReadDb = null;
        if (Boolean.parseBoolean(System.getProperty("bench.windowOpen.noReadDb", "true"))) {
            Path copy = root.resolve("big-no-read-db");
            Files.createDirectories(copy);
            Files.copy(big.resolve("events.db"), copy.resolve("events.db"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            noReadDb = open(jar, prefs, copy, "big, no read.db");
            AppCatchUpBench.deleteTree(copy);
        }
        double loadAfter = loadAverage();
        print(rounds, events, emptyRuns, bigRuns, noReadDb, loadBefore, loadAfter);
    }

    private static void print(int rounds, int events, List<Open> emptyRuns, List<Open> bigRuns, Open noReadDb,
                              double loadBefore, double loadAfter) {
        StringBuilder json = new StringBuilder(String.format(Locale.ROOT, "{\"window_open_events\":%d,"
                + "\"window_open_rounds\":%d", events, rounds));
        System.out.println("  medians (1M − empty):");
        for (String step : STEPS.values()) {
            Long e = median(emptyRuns, step);
            Long b = median(bigRuns, step);
            Long diff = e == null || b == null ? null : b - e;
            System.out.printf(Locale.ROOT, "    %-9s empty %s   1M %s   difference %s%n", step, ms(e), ms(b), ms(diff));
            json.append(String.format(Locale.ROOT, ",\"window_open_empty_%s_ms\":%s,\"window_open_1m_%s_ms\":%s,"
                    + "\"window_open_%s_diff_ms\":%s", step, e, step, b, step, diff));
        }
        for (String step : List.of("frame", "compared")) {
            json.append(String.format(Locale.ROOT, ",\"window_open_1m_%s_runs_ms\":%s", step, runs(bigRuns, step)))
                    .append(String.format(Locale.ROOT, ",\"window_open_empty_%s_runs_ms\":%s", step, runs(emptyRuns, step)));
        }
        if (noReadDb != null) {
            json.append(String.format(Locale.ROOT, ",\"window_open_1m_no_read_db_frame_ms\":%s,"
                    + "\"window_open_1m_no_read_db_compared_ms\":%s", noReadDb.step("frame"), noReadDb.step("compared")));
        }
        Long frameDiff = diff(emptyRuns, bigRuns, "frame");
        Long framePaired = pairedDiff(emptyRuns, bigRuns, "frame");
        Long comparedPaired = pairedDiff(emptyRuns, bigRuns, "compared");
        System.out.printf(Locale.ROOT, "  first frame at 1M: %s more than empty (median of each round's difference %s;"
                + " target ≤ 1 500 ms, first bar 3 000 ms); first compared reading: median round difference %s%n",
                ms(frameDiff), ms(framePaired), ms(comparedPaired));
        json.append(String.format(Locale.ROOT, ",\"window_open_frame_diff_paired_ms\":%s,"
                + "\"window_open_compared_diff_paired_ms\":%s", framePaired, comparedPaired));
        json.append(String.format(Locale.ROOT, ",\"window_open_load_before\":%.2f,\"window_open_load_after\":%.2f}",
                loadBefore, loadAfter));
        System.out.println(json);
    }

    private static Long diff(List<Open> empty, List<Open> big, String step) {
        Long e = median(empty, step);
        Long b = median(big, step);
        return e == null || b == null ? null : b - e;
    }

    /** The median of each round's difference (the 1M open minus the empty one just before it). */
    private static Long pairedDiff(List<Open> empty, List<Open> big, String step) {
        List<Open> diffs = new ArrayList<>();
        for (int i = 0; i < Math.min(empty.size(), big.size()); i++) {
            Long e = empty.get(i).step(step);
            Long b = big.get(i).step(step);
            if (e != null && b != null) {
                diffs.add(new Open("difference", Map.of(step, b - e), true));
            }
        }
        return median(diffs, step);
    }

    private static String runs(List<Open> runs, String step) {
        List<String> values = new ArrayList<>();
        for (Open o : runs) {
            values.add(String.valueOf(o.step(step)));
        }
        return "[" + String.join(",", values) + "]";
    }

    private static String ms(Long v) {
        return v == null ? "—" : String.format(Locale.ROOT, "%,d ms", v);
    }

    /** The median of a step over the runs that reached it; null when none did. */
    static Long median(List<Open> runs, String step) {
        List<Long> values = new ArrayList<>();
        for (Open o : runs) {
            if (o.step(step) != null) {
                values.add(o.step(step));
            }
        }
        if (values.isEmpty()) {
            return null;
        }
        values.sort(null);
        int n = values.size();
        return n % 2 == 1 ? values.get(n / 2) : (values.get(n / 2 - 1) + values.get(n / 2)) / 2;
    }

    /** Opens the window on {@code dir} in a child JVM until its first compared reading, and prints the steps. */
    static Open open(Path jar, Path prefs, Path dir, String label) throws IOException, InterruptedException {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                AppCatchUpBench.HEAP, "-Dcqrsflow.openTiming=true", "-Dglass.platform=Monocle",
                "-Dmonocle.platform=Headless", "-Dprism.order=sw", "-Dprism.text=t2k",
                "-Djava.util.prefs.userRoot=" + prefs.toAbsolutePath(), "-jar", jar.toString(), "--data", dir.toString());
        Path out = Files.createTempFile(dir.getParent(), "window", ".out");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        Map<String, Long> ms = new LinkedHashMap<>();
        long until = System.nanoTime() + MOST_SECONDS * 1_000_000_000L;
        boolean finished = false;
        try {
            while (System.nanoTime() < until && p.isAlive()) {
                Thread.sleep(50);
                ms = steps(Files.readAllLines(out));
                if (ms.containsKey("compared")) {
                    finished = true;
                    break;
                }
            }
        } finally {
            p.destroy(); // the window has nothing to save; read.db is consistent at every commit
            if (!p.waitFor(15, java.util.concurrent.TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor();
            }
        }
        ms = steps(Files.readAllLines(out));
        if (!finished && !p.isAlive() && ms.isEmpty()) {
            System.out.println("    the app printed: " + String.join(" | ", Files.readAllLines(out)));
        }
        Files.delete(out);
        Open o = new Open(label, ms, finished);
        System.out.println(o.line());
        return o;
    }

    private static double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+")[0]);
        } catch (IOException | RuntimeException e) {
            return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        }
    }

    private static Map<String, Long> steps(List<String> lines) {
        Map<String, Long> ms = new LinkedHashMap<>();
        for (String line : lines) {
            Matcher m = STEP.matcher(line);
            if (m.find()) {
                for (Map.Entry<String, String> s : STEPS.entrySet()) {
                    String printed = m.group(1);
                    if (printed.equals(s.getKey()) || printed.startsWith(s.getKey() + " (")) {
                        ms.putIfAbsent(s.getValue(), Long.parseLong(m.group(2)));
                    }
                }
            }
        }
        return ms;
    }
}
