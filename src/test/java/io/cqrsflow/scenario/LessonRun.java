package io.cqrsflow.scenario;

import io.cqrsflow.flow.Engine;
import io.cqrsflow.read.ManualScheduler;
import io.cqrsflow.read.MutableClock;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Plays a whole lesson against a real engine in a folder, and collects what went wrong: every step that
 * failed, every expectation that did not hold, every question the live state disagreed with.
 */
final class LessonRun {
    private LessonRun() {
    }

    /** One line per step that failed: "step 7 (expect): expected …, found …". */
    static List<String> failures(List<String> lines) {
        return lines.stream().filter(l -> l.startsWith("FAIL ")).toList();
    }

    /**
     * At {@code speed} on a virtual clock: engine, projectors and player share one {@link ManualScheduler},
     * which moves the clock from timer to timer, so a lesson of minutes plays in well under a second.
     */
    static List<String> virtual(Path dir, Scenario scenario, double speed, ScenarioPlayer.Pacing pacing) {
        MutableClock clock = new MutableClock(Instant.parse("2026-03-01T09:00:00Z"));
        ManualScheduler scheduler = new ManualScheduler(clock);
        List<String> lines = Collections.synchronizedList(new ArrayList<>());
        try (Engine engine = Engine.open(dir, clock, scaled(scenario, speed), name -> scheduler)) {
            ScenarioPlayer player = new ScenarioPlayer(engine.client(), scenario, speed, recorder(lines),
                    scheduler, clock, pacing);
            player.start();
            scheduler.runUntil(() -> player.finished().isDone());
            if (!player.finished().isDone()) {
                lines.add("FAIL the lesson stopped at step " + player.playedSteps() + " with nothing left to run");
            }
        }
        return lines;
    }

    /** In real time at {@code speed}, on the engine's own threads, as the headless runner plays it. */
    static List<String> realTime(Path dir, Scenario scenario, double speed) throws Exception {
        List<String> lines = Collections.synchronizedList(new ArrayList<>());
        try (Engine engine = Engine.open(dir, Clock.systemUTC(), scaled(scenario, speed))) {
            ScenarioPlayer player = new ScenarioPlayer(engine.client(), scenario, speed, recorder(lines));
            player.start();
            player.finished().get(5, TimeUnit.MINUTES);
            player.close();
            engine.awaitSettled(Duration.ofSeconds(10));
        }
        return lines;
    }

    private static Map<String, Long> scaled(Scenario scenario, double speed) {
        Map<String, Long> delays = new LinkedHashMap<>();
        scenario.projectorDelays().forEach((name, ms) -> delays.put(name, Math.round(ms / speed)));
        return delays;
    }

    private static ScenarioPlayer.Listener recorder(List<String> lines) {
        return (step, elapsedMs, outcome) -> {
            String what = describe(outcome);
            lines.add((outcome.failed() ? "FAIL " : "") + "step " + step.number() + " (" + step.kind() + ") @"
                    + elapsedMs + ": " + what);
        };
    }

    private static String describe(StepOutcome outcome) {
        if (outcome instanceof StepOutcome.Expectation e) {
            return e.verdict().held() ? e.verdict().expected() + " ✓" : e.verdict().line();
        }
        if (outcome instanceof StepOutcome.Answered a) {
            return a.question().ask() + " → live state: " + a.rightAnswers() + (a.agreed() ? " ✓" : " (disagrees)");
        }
        if (outcome instanceof StepOutcome.Failed f) {
            return f.message();
        }
        if (outcome instanceof StepOutcome.Done d) {
            return d.text();
        }
        return outcome.toString();
    }
}
