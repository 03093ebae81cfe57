package io.cqrsflow.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Headless play of a scenario far beyond a lesson's size: it is checked whole before anything is
 * written, then streamed, so it plays in a heap that could not hold its steps, and a mistake in its last
 * step leaves the data folder untouched.
 */
@Timeout(300)
class StreamedHeadlessTest {
    private static final int STEPS = 200_000;

    @TempDir
    Path dir;

    private Path write(String name, int steps, IntFunction<String> step) {
        Path file = dir.resolve(name);
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("{ \"name\": \"Big\", \"steps\": [\n");
            for (int i = 1; i <= steps; i++) {
                w.write(step.apply(i) + (i < steps ? ",\n" : "\n"));
            }
            w.write("] }\n");
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String rejectedPayment(int i) {
        return "{ \"atMs\": 0, \"command\": { \"type\": \"PayOrder\", \"orderId\": \"o-" + i + "\" } }";
    }

    @Test
    void twoHundredThousandRejectedCommandsPlayInA64MegabyteHeap() throws Exception {
        // The file is 14 MB; its steps as objects, or its text as a String, would not fit beside the engine.
        Path scenario = write("big.json", STEPS, StreamedHeadlessTest::rejectedPayment);
        Path out = dir.resolve("out.txt");
        Path data = dir.resolve("data");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx64m", "-XX:+ExitOnOutOfMemoryError", "-Djava.awt.headless=true",
                "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "--headless", "--data", data.toString(), "--scenario", scenario.toString())
                .redirectErrorStream(true).redirectOutput(out.toFile()).start();
        assertThat(p.waitFor(280, TimeUnit.SECONDS)).as("finished in time").isTrue();

        assertThat(p.exitValue()).as(tail(out)).isZero();
        long rejected;
        try (Stream<String> lines = Files.lines(out)) {
            rejected = lines.filter(l -> l.startsWith("          REJECTED (")).count();
        }
        assertThat(rejected).as(tail(out)).isEqualTo(STEPS);
        try (Stream<String> lines = Files.lines(out)) {
            assertThat(lines.limit(10)).anyMatch(l -> l.equals("Scenario: Big (200000 steps)"));
        }
        assertThat(tail(out)).contains("done      head at position 0");
    }

    @Test
    void aMistakeInTheLastStepOfABigFileIsRefusedBeforeAnythingIsWritten() {
        Path scenario = write("late.json", 150_000, i -> i == 150_000
                ? "{ \"atMs\": 0, \"command\": { \"type\": \"PayOrdr\", \"orderId\": \"o-1\" } }"
                : "{ \"atMs\": 0, \"command\": { \"type\": \"RegisterCustomer\", \"customerId\": \"c-" + i
                + "\", \"name\": \"Ada\" } }");
        Path data = dir.resolve("data");

        HeadlessRunnerTest.Result r = HeadlessRunnerTest.run("--headless", "--data", data.toString(),
                "--scenario", scenario.toString());

        assertThat(r.code()).as(r.err()).isEqualTo(2);
        assertThat(r.err().strip()).startsWith("cqrs-flow: " + scenario + ": step 150000: field \"command.type\":"
                + " unknown command type \"PayOrdr\"");
        assertThat(r.out()).isEmpty();
        assertThat(data).doesNotExist();
    }

    private static String tail(Path out) {
        try {
            List<String> lines = Files.readAllLines(out);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 8), lines.size()));
        } catch (IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }
}
