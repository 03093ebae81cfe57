package io.cqrsflow.bench;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Headless play of a big scenario file: writes a million {@code PayOrder} steps for orders that do not
 * exist (each rejected, so the store stays empty and the figure is the scenario path's own), plays them
 * through the real command line in a child JVM with {@code -Xmx512m} ({@link AppCatchUpBench#runApp}), and
 * prints the wall time, steps/s, the child's peak resident memory and one JSON line. The file is checked
 * in one pass and streamed as it plays, so memory does not grow with the steps. Not a test.
 *
 * <p>Run with {@code ./mvnw -q -Pbench verify}, or alone:
 * {@code java -cp target/classes:target/test-classes:… io.cqrsflow.bench.ScenarioStreamBench [steps] [dir]}.
 */
public final class ScenarioStreamBench {

    public static void main(String[] args) throws Exception {
        int steps = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        Path root = args.length > 1 ? Path.of(args[1]) : Files.createTempDirectory("cqrsflow-streambench");
        try {
            run(steps, root);
        } finally {
            if (args.length <= 1) {
                AppCatchUpBench.deleteTree(root); // its own temporary folder; a given one is kept
            }
        }
    }

    private static void run(int steps, Path root) throws Exception {
        Path scenario = root.resolve("rejected-" + steps + ".json");
        if (!Files.exists(scenario)) {
            write(scenario, steps);
        }
        Path data = root.resolve("data");
        AppCatchUpBench.Run run = AppCatchUpBench.runApp(data, "--headless", "--fresh", "--data", data.toString(),
                "--scenario", scenario.toString());
        double rate = run.exit() == 0 ? steps / run.seconds() : Double.NaN;
        System.out.printf(Locale.ROOT, "scenario of %,d rejected commands (%.0f MB), headless, %s: %.1f s, %,.0f steps/s,"
                        + " peak resident %d MB, exit %d%n", steps, Files.size(scenario) / 1e6, AppCatchUpBench.HEAP,
                run.seconds(), rate, run.peakRssKb() / 1024, run.exit());
        System.out.println("    last lines: " + String.join(" | ", run.lastLines()));
        System.out.printf(Locale.ROOT, "{\"scenario_stream_steps\":%d,\"scenario_stream_s\":%.1f,\"scenario_stream_per_s\":%s,"
                        + "\"scenario_stream_peak_rss_mb\":%d,\"scenario_stream_exit\":%d}%n", steps, run.seconds(),
                Double.isNaN(rate) ? "null" : String.format(Locale.ROOT, "%.0f", rate), run.peakRssKb() / 1024, run.exit());
    }

    /** One step a line: {@code PayOrder} of an order nobody placed. */
    static void write(Path file, int steps) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("{ \"name\": \"Rejected payments\", \"steps\": [\n");
            for (int i = 1; i <= steps; i++) {
                w.write("{ \"atMs\": 0, \"command\": { \"type\": \"PayOrder\", \"orderId\": \"o-" + i + "\" } }"
                        + (i < steps ? ",\n" : "\n"));
            }
            w.write("] }\n");
        }
    }
}
