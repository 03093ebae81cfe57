package io.cqrsflow.scenario;

import io.cqrsflow.flow.Engine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class ScenarioPlayerTest {
    @TempDir
    Path dir;

    private static Scenario threeNotesAtOnce() {
        return new Scenario("three notes", "", Map.of(),
                List.of(new NoteStep(1, 0, "one"), new NoteStep(2, 0, "two"), new NoteStep(3, 0, "three")), "test");
    }

    @Test
    void startedPausedItPlaysNothingUntilAskedAndThenExactlyOneStepPerStepNow() throws Exception {
        // given a scenario whose steps are all due at once, started paused
        List<String> played = new CopyOnWriteArrayList<>();
        try (Engine engine = Engine.open(dir, Clock.systemUTC(), Map.of());
             ScenarioPlayer player = new ScenarioPlayer(engine.client(), threeNotesAtOnce(), 1,
                     (step, elapsed, outcome) -> played.add(((StepOutcome.Done) outcome).text()))) {
            player.start(true);
            Thread.sleep(200);
            assertThat(played).as("nothing plays while paused").isEmpty();

            // when stepping once, then once more
            player.stepNow();
            waitUntil(() -> played.size() == 1);
            Thread.sleep(200);
            assertThat(played).containsExactly("one");
            player.stepNow();
            waitUntil(() -> played.size() == 2);

            // then resuming plays the rest, and the player finishes
            player.resume();
            player.finished().get(5, TimeUnit.SECONDS);
            assertThat(played).containsExactly("one", "two", "three");
        }
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > until) {
                throw new AssertionError("timed out");
            }
            Thread.sleep(10);
        }
    }
}
