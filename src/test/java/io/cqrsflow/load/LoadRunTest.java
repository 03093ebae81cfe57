package io.cqrsflow.load;

import io.cqrsflow.flow.Engine;
import io.cqrsflow.read.ManualScheduler;
import io.cqrsflow.read.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The generator's rate on a virtual clock, against the real engine: commands go out when due by the clock,
 * a late wake-up sends everything due since, and the report counts what came back.
 */
@Timeout(60)
class LoadRunTest {
    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T09:00:00Z"));
    private final ManualScheduler projectors = new ManualScheduler(clock);
    private final ManualScheduler generator = new ManualScheduler(clock);

    @Test
    void commandsGoOutWhenTheClockSaysSoAndALateWakeUpCatchesUp() throws Exception {
        try (Engine engine = Engine.open(dir, clock, Map.of(), name -> projectors)) {
            LoadRun run = new LoadRun(engine.client(), new LoadMix(1, "r-"), 200, 2_000, generator, clock);
            run.start();
            generator.runDue();
            assertThat(run.sent()).isZero();
            long at = 0;
            for (int step : new int[]{37, 37, 5, 121, 300}) {
                at += step;
                generator.advance(step);
                assertThat(run.sent()).as("at %d ms", at).isEqualTo(at * 200 / 1000);
            }
            // a wake-up a whole second late sends the 200 due since, at once
            generator.advance(1_000);
            at += 1_000;
            assertThat(run.sent()).isEqualTo(at * 200 / 1000);
            generator.advance(2_000);
            assertThat(run.sent()).as("200/s for 2 s, no more").isEqualTo(400);

            LoadReport report = run.finished().get(30, TimeUnit.SECONDS);
            assertThat(report.answered()).isEqualTo(400);
            assertThat(report.accepted() + report.rejected() + report.conflicts()).isEqualTo(400);
            assertThat(report.rejected()).isPositive();
            assertThat(report.conflicts()).isPositive();
            assertThat(report.failed()).isZero();
            assertThat(report.late()).as("the 1 s late wake-up").isGreaterThan(150);
            assertThat(report.elapsedMs()).isGreaterThanOrEqualTo(2_000);
            assertThat(engine.head()).isEqualTo(report.accepted());
        }
    }

    @Test
    void theAchievedRateIsAnsweredCommandsOverTheRunsTime() throws Exception {
        try (Engine engine = Engine.open(dir, clock, Map.of(), name -> projectors)) {
            LoadRun run = new LoadRun(engine.client(), new LoadMix(2, "r-"), 50, 1_000, generator, clock);
            run.start();
            for (int i = 0; i < 100; i++) {
                generator.advance(10);
            }
            // the clock stands still while the engine answers: the run ends at 1 s
            LoadReport report = run.finished().get(30, TimeUnit.SECONDS);
            assertThat(report.sent()).isEqualTo(50);
            assertThat(report.elapsedMs()).isEqualTo(1_000);
            assertThat(report.achievedPerSecond()).isEqualTo(50.0);
            assertThat(report.late()).isZero();
            assertThat(report.line()).startsWith("50 commands in 1.0 s: 50.0/s of 50/s asked · ");
        }
    }

    @Test
    void aNewRateHoldsFromNowAndStopEndsTheRun() throws Exception {
        try (Engine engine = Engine.open(dir, clock, Map.of(), name -> projectors)) {
            LoadRun run = new LoadRun(engine.client(), new LoadMix(3, "r-"), 100, 0, generator, clock);
            run.start();
            generator.advance(1_000);
            assertThat(run.sent()).isEqualTo(100);
            run.setRate(10);
            generator.advance(1_000);
            assertThat(run.sent()).isEqualTo(110);
            run.stop();
            generator.advance(5_000);
            assertThat(run.sent()).isEqualTo(110);
            assertThat(run.finished().get(30, TimeUnit.SECONDS).answered()).isEqualTo(110);
        }
    }
}
