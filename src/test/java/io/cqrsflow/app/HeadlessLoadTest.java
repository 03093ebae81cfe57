package io.cqrsflow.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A scenario's {@code load} step played headless on real files: the trace reports what it sent, the rate
 * achieved and how the commands came out, and the projectors catch up on all of it.
 */
@Timeout(60)
class HeadlessLoadTest {
    @TempDir
    Path dir;

    private Path scenario() throws Exception {
        Path file = dir.resolve("load.json");
        Files.writeString(file, """
                { "name": "Under load", "projectors": { "order-list": { "delayMs": 500 } },
                  "steps": [ { "atMs": 0, "load": { "commandsPerSecond": 40, "seconds": 1, "seed": 9 } } ] }
                """);
        return file;
    }

    @Test
    void theTraceReportsTheLoadAndEverythingIsAppliedAfterIt() throws Exception {
        // when
        HeadlessRunnerTest.Result r = HeadlessRunnerTest.run("--headless", "--json", "--data", dir.resolve("data").toString(),
                "--scenario", scenario().toString());

        // then
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode load = r.kind("load").get(0);
        assertThat(load.path("sent").asLong()).isEqualTo(40);
        assertThat(load.path("answered").asLong()).isEqualTo(40);
        assertThat(load.path("accepted").asLong() + load.path("rejected").asLong() + load.path("conflicts").asLong())
                .isEqualTo(40);
        assertThat(load.path("rejected").asLong()).as("some break a rule on purpose").isPositive();
        assertThat(load.path("achievedPerSecond").asDouble()).isBetween(20.0, 45.0);
        JsonNode summary = r.summary();
        assertThat(summary.path("head").asLong()).isEqualTo(load.path("accepted").asLong());
        assertThat(summary.path("checkpoints").path("order-list").asLong()).isEqualTo(summary.path("head").asLong());
        assertThat(summary.path("staleRows").asInt()).isZero();
    }

    @Test
    void theTextTraceSaysItInOneLine() throws Exception {
        HeadlessRunnerTest.Result r = HeadlessRunnerTest.run("--headless", "--data", dir.resolve("data").toString(),
                "--scenario", scenario().toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).containsPattern("step 1    load: 40 commands in 1\\.\\d s: \\d+\\.\\d/s of 40/s asked · \\d+ accepted");
    }
}
