package io.cqrsflow.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cqrsflow.flow.Engine;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Crash cycles: the real app (the shaded jar, headless, a separate process) is killed with SIGKILL
 * ({@link Process#destroyForcibly} on Linux) at a random moment while it plays a load of commands, or while it
 * rebuilds every read model; then the files are checked as the kill left them, the app is started again to
 * catch up (see {@link #restart}), and checked again ({@link CrashChecks}). The child's JSON trace tells which commands it
 * acknowledged: an accepted command's positions are printed only after its commit.
 */
final class CrashCycles {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Events in the store before the first cycle, so that a rebuild lasts long enough to be killed during. */
    private static final int START_EVENTS = 20_000;

    record Result(int cycles, int failures, int killedDuringLoad, int killedDuringRebuild, int finishedBeforeKill,
                  int restartsByJar, long acknowledged, long head, double seconds, List<String> problems) {
        void into(Figures figures) {
            figures.put("crash_cycles", cycles);
            figures.put("crash_failures", failures);
            figures.put("crash_killed_during_load", killedDuringLoad);
            figures.put("crash_killed_during_rebuild", killedDuringRebuild);
            figures.put("crash_finished_before_kill", finishedBeforeKill);
            figures.put("crash_restarts_by_jar", restartsByJar);
            figures.put("crash_acknowledged_events", acknowledged);
            figures.put("crash_head", head);
            figures.put("crash_s", Math.round(seconds));
        }
    }

    private final Path dir;
    private final Path jar;
    private final int cycles;
    private final Random random;
    private final long seed;
    private int restartsByJar;

    CrashCycles(Path dir, Path jar, int cycles) {
        this.dir = dir;
        this.jar = jar;
        this.cycles = cycles;
        this.seed = Long.getLong("bench.seed", System.nanoTime());
        this.random = new Random(seed);
    }

    Result run() throws Exception {
        long start = System.nanoTime();
        Path data = dir.resolve("data");
        Files.createDirectories(data);
        History.build(data, START_EVENTS);
        CrashChecks checks = new CrashChecks(data, dir.resolve("fresh"));
        selfCheck(data);
        // Every event the app ever acknowledged, position → type, across all cycles: none may ever go missing.
        Map<Long, String> acknowledged = new ConcurrentHashMap<>();
        List<String> problems = new ArrayList<>();
        int failures = 0;
        int duringLoad = 0;
        int duringRebuild = 0;
        int finished = 0;
        long head = 0;
        System.out.printf(Locale.ROOT, "crash cycles: %d, seed %d (-Dbench.seed=%d repeats them)%n", cycles, seed, seed);
        for (int c = 0; c < cycles; c++) {
            boolean rebuild = c % 2 == 1;
            List<String> args = rebuild
                    ? List.of("--rebuild", "--json", "--data", data.toString())
                    : List.of("--headless", "--json", "--speed", "20", "--data", data.toString(), "--scenario",
                    LoadScenario.write(dir.resolve("load-" + c + ".json"), c, 5_000, random.nextLong()).toString());
            boolean killed = killSomewhere(args, rebuild ? 1_500 : 2_000, acknowledged);
            if (killed) {
                if (rebuild) {
                    duringRebuild++;
                } else {
                    duringLoad++;
                }
            } else {
                finished++;
            }
            List<String> found = new ArrayList<>(checks.afterKill(acknowledged));
            if (found.isEmpty()) {
                String failed = restart(c % 5 == 4, data);
                if (failed != null) {
                    found.add(failed);
                } else {
                    found.addAll(checks.afterCatchUp(acknowledged));
                }
            }
            head = checks.head();
            if (!found.isEmpty()) {
                failures++;
                String problem = "cycle " + c + " (" + (rebuild ? "rebuild" : "load") + "): " + String.join("; ", found);
                problems.add(problem);
                System.out.println("  FAILED " + problem);
            }
            if ((c + 1) % 10 == 0 || c == cycles - 1) {
                System.out.printf(Locale.ROOT, "  %d cycles, %d failures; head %d, %d events acknowledged%n",
                        c + 1, failures, head, acknowledged.size());
            }
        }
        return new Result(cycles, failures, duringLoad, duringRebuild, finished, restartsByJar, acknowledged.size(), head,
                StorePaths.seconds(start), problems);
    }

    /**
     * The checks are shown to fail before they are trusted to pass: on a copy of the store, an event claimed
     * acknowledged that is not there, and then a gap in the positions, must each be reported.
     */
    private void selfCheck(Path data) throws Exception {
        Path probe = dir.resolve("probe");
        Files.createDirectories(probe);
        Files.copy(data.resolve(Engine.EVENTS_FILE), probe.resolve(Engine.EVENTS_FILE));
        CrashChecks checks = new CrashChecks(probe, dir.resolve("probe-fresh"));
        if (!checks.afterKill(Map.of()).isEmpty()) {
            throw new IllegalStateException("the crash checks fail on an untouched store: " + checks.afterKill(Map.of()));
        }
        if (checks.afterKill(Map.of(checks.head() + 1, "OrderPlaced")).isEmpty()) {
            throw new IllegalStateException("the crash checks missed an acknowledged event that is not in events.db");
        }
        try (java.sql.Connection c = io.cqrsflow.sqlite.SqliteConnections.connect(probe.resolve(Engine.EVENTS_FILE));
             java.sql.Statement s = c.createStatement()) {
            s.execute("DELETE FROM events WHERE position = " + checks.head() / 2);
        }
        if (checks.afterKill(Map.of()).isEmpty()) {
            throw new IllegalStateException("the crash checks missed a gap in the positions");
        }
    }

    /**
     * Starts the app with {@code args}, waits for its first line of output (it is open and working), then a
     * random 0..{@code withinMs} ms, and kills it. True if it was still running when killed.
     */
    private boolean killSomewhere(List<String> args, int withinMs, Map<Long, String> acknowledged) throws Exception {
        Process child = start(args);
        CountDownLatch working = new CountDownLatch(1);
        Thread reader = new Thread(() -> readTrace(child, working, acknowledged), "crash-cycle trace");
        reader.start();
        if (!working.await(60, TimeUnit.SECONDS)) {
            child.destroyForcibly().waitFor();
            throw new IllegalStateException("the app printed nothing for 60 s: " + args);
        }
        Thread.sleep(random.nextInt(withinMs));
        boolean alive = child.isAlive();
        child.destroyForcibly(); // SIGKILL on Linux: no shutdown hook, no close, no checkpoint of the WAL
        child.waitFor();
        reader.join(10_000);
        return alive;
    }

    private static void readTrace(Process child, CountDownLatch working, Map<Long, String> acknowledged) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                working.countDown();
                if (!line.contains("\"accepted\"")) {
                    continue;
                }
                JsonNode n = JSON.readTree(line);
                JsonNode positions = n.get("positions");
                JsonNode events = n.get("events");
                if (positions != null && events != null) {
                    for (int i = 0; i < positions.size(); i++) {
                        acknowledged.put(positions.get(i).asLong(), events.get(i).asText());
                    }
                }
            }
        } catch (IOException e) {
            // the pipe closes when the child is killed mid-line: what was read whole stays counted
        } finally {
            working.countDown();
        }
    }

    /**
     * Starts the app again on the crashed folder and lets it catch up: every fifth time the jar itself
     * ({@code --headless}, no scenario: it opens, catches up, prints its summary and exits 0), otherwise the
     * same {@link Engine} in this process, which spares a JVM start and the summary's pass over the log.
     * Null if it caught up; otherwise what went wrong.
     */
    private String restart(boolean jarItself, Path data) throws Exception {
        if (jarItself) {
            restartsByJar++;
            int exit = runToEnd(List.of("--headless", "--json", "--data", data.toString()));
            return exit == 0 ? null : "the restarted app exited " + exit + " instead of catching up: "
                    + Files.readString(dir.resolve("stderr.txt")).strip();
        }
        try (Engine engine = Engine.open(data, Clock.systemUTC(), Map.of())) {
            return engine.awaitCaughtUp(Duration.ofMinutes(5)) ? null : "the restarted engine did not catch up in 5 min";
        } catch (RuntimeException e) {
            return "the restarted engine failed: " + e.getMessage();
        }
    }

    private int runToEnd(List<String> args) throws Exception {
        Process child = start(args);
        child.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
        if (!child.waitFor(300, TimeUnit.SECONDS)) {
            child.destroyForcibly().waitFor();
            return -1;
        }
        return child.exitValue();
    }

    private Process start(List<String> args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-Djava.awt.headless=true", "-jar", jar.toString()));
        command.addAll(args);
        return new ProcessBuilder(command).redirectError(dir.resolve("stderr.txt").toFile()).start();
    }
}
