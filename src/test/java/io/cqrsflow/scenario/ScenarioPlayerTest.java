package io.cqrsflow.scenario;

import io.cqrsflow.domain.RegisterCustomer;
import io.cqrsflow.flow.Engine;
import io.cqrsflow.read.ManualScheduler;
import io.cqrsflow.read.MutableClock;
import io.cqrsflow.read.ProjectionNames;
import io.cqrsflow.write.CommandResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The player's timing, driven by hand: a {@link ManualScheduler} runs its steps only when the test moves
 * the {@link MutableClock}, so "not yet" and "exactly now" are checked to the millisecond without sleeping.
 * The engine is real (a temporary folder); only the player's own clock and thread are the test's.
 */
class ScenarioPlayerTest {
    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T10:00:00Z"));
    private final ManualScheduler scheduler = new ManualScheduler(clock);
    private final List<String> played = new ArrayList<>();
    private Engine engine;

    @BeforeEach
    void open() {
        engine = Engine.open(dir, Clock.systemUTC(), Map.of());
    }

    @AfterEach
    void close() {
        engine.close();
    }

    /** Records "text@elapsedMs" for each step played. */
    private ScenarioPlayer player(Scenario scenario, double speed) {
        return new ScenarioPlayer(engine.client(), scenario, speed, (step, elapsedMs, outcome) -> played.add(
                (outcome instanceof StepOutcome.Done d ? d.text() : outcome.toString()) + "@" + elapsedMs),
                scheduler, clock);
    }

    private static Scenario notesAt(long... atMs) {
        List<ScenarioStep> steps = new ArrayList<>();
        for (int i = 0; i < atMs.length; i++) {
            steps.add(new NoteStep(i + 1, atMs[i], "note " + (i + 1)));
        }
        return new Scenario("notes", "", Map.of(), steps, "test");
    }

    @Test
    void each_step_plays_when_its_time_divided_by_the_speed_has_passed_and_not_a_millisecond_before() {
        // given notes at 0, 1 000 and 3 000 ms, played at double speed
        ScenarioPlayer player = player(notesAt(0, 1_000, 3_000), 2);

        // when started
        player.start();
        scheduler.runDue();

        // then the first plays at once, the second at 500 ms, the third at 1 500 ms
        assertThat(played).containsExactly("note 1@0");
        scheduler.advance(499);
        assertThat(played).hasSize(1);
        scheduler.advance(1);
        assertThat(played).containsExactly("note 1@0", "note 2@500");
        scheduler.advance(999);
        assertThat(played).hasSize(2);
        assertThat(player.finished()).isNotDone();
        scheduler.advance(1);
        assertThat(played).containsExactly("note 1@0", "note 2@500", "note 3@1500");
        assertThat(player.finished()).isDone();
        assertThat(player.playedSteps()).isEqualTo(3);
    }

    @Test
    void paused_its_clock_stops_and_resumed_it_continues_from_where_it_stopped() {
        // given a note at 1 000 ms, 400 ms into the scenario
        ScenarioPlayer player = player(notesAt(0, 1_000), 1);
        player.start();
        scheduler.runDue();
        scheduler.advance(400);

        // when paused for ten seconds, then resumed
        player.pause();
        scheduler.advance(10_000);
        assertThat(played).as("nothing plays while paused").containsExactly("note 1@0");
        assertThat(player.isPaused()).isTrue();
        player.resume();

        // then the note is still 600 ms away
        scheduler.advance(599);
        assertThat(played).hasSize(1);
        scheduler.advance(1);
        assertThat(played).containsExactly("note 1@0", "note 2@1000");
        assertThat(player.finished()).isDone();
    }

    @Test
    void step_now_plays_exactly_the_next_step_and_moves_the_scenario_clock_to_it() {
        // given three notes, started paused
        ScenarioPlayer player = player(notesAt(0, 1_000, 2_000), 1);
        player.start(true);
        scheduler.advance(5_000);
        assertThat(played).as("nothing plays while paused").isEmpty();

        // when stepping twice
        player.stepNow();
        scheduler.runDue();
        assertThat(played).containsExactly("note 1@0");
        player.stepNow();
        scheduler.advance(10_000);

        // then exactly two played, the second at its own time, and the player stays paused
        assertThat(played).containsExactly("note 1@0", "note 2@1000");
        assertThat(player.playedSteps()).isEqualTo(2);

        // and resumed, the last note is 1 000 ms after the second
        player.resume();
        scheduler.advance(999);
        assertThat(played).hasSize(2);
        scheduler.advance(1);
        assertThat(played).containsExactly("note 1@0", "note 2@1000", "note 3@2000");
        assertThat(player.finished()).isDone();
    }

    @Test
    void an_empty_scenario_is_finished_as_soon_as_it_starts_playing_or_paused() {
        ScenarioPlayer playing = player(notesAt(), 1);
        playing.start();
        assertThat(playing.finished()).isDone();

        ScenarioPlayer paused = player(notesAt(), 1);
        paused.start(true);
        assertThat(paused.finished()).isDone();
    }

    @Test
    void once_closed_it_plays_nothing_more_and_counts_as_finished() {
        // given a scenario with a step still to come
        ScenarioPlayer player = player(notesAt(0, 1_000), 1);
        player.start();
        scheduler.runDue();

        // when closed, then time passes and someone asks for the next step
        player.close();
        player.stepNow();
        scheduler.advance(5_000);

        // then nothing more played
        assertThat(played).containsExactly("note 1@0");
        assertThat(player.finished()).isDone();
        assertThat(scheduler.pendingTimers()).isZero();
    }

    @Test
    void the_scenario_s_projector_delays_and_set_delay_steps_are_scaled_by_the_speed() throws Exception {
        // given a scenario that sets order-list to 3 s at the start and to 1 s later, at four times the speed
        Scenario scenario = new Scenario("delays", "", Map.of(ProjectionNames.ORDER_LIST, 3_000L),
                List.of(new SetDelayStep(1, 400, ProjectionNames.ORDER_LIST, 1_000)), "test");
        ScenarioPlayer player = player(scenario, 4);

        // when started, and after the step is due
        player.start();
        assertThat(engine.awaitSettled(Duration.ofSeconds(10))).isTrue();
        long atStart = engine.projector(ProjectionNames.ORDER_LIST).status().delayMs();
        scheduler.advance(100);
        assertThat(engine.awaitSettled(Duration.ofSeconds(10))).isTrue();

        // then both delays are a quarter, and the step played at 400 / 4 ms
        assertThat(atStart).isEqualTo(750);
        assertThat(engine.projector(ProjectionNames.ORDER_LIST).status().delayMs()).isEqualTo(250);
        assertThat(played).containsExactly("order-list delay set to 1000 ms@100");
    }

    @Test
    void a_command_step_plays_through_the_engine_and_reports_its_result() {
        // given a scenario that registers a customer
        Scenario scenario = new Scenario("one command", "", Map.of(),
                List.of(new CommandStep(1, 0, new RegisterCustomer("c-1", "Ada Lovelace"), java.util.OptionalLong.empty())), "test");
        List<StepOutcome> outcomes = new ArrayList<>();
        ScenarioPlayer player = new ScenarioPlayer(engine.client(), scenario, 1,
                (step, elapsedMs, outcome) -> outcomes.add(outcome), scheduler, clock);

        // when played
        player.start();
        scheduler.runDue();

        // then the step waited for the command's result, and the event is in the store
        assertThat(outcomes).singleElement().isInstanceOfSatisfying(StepOutcome.CommandOutcome.class,
                o -> assertThat(o.result()).isInstanceOf(CommandResult.Accepted.class));
        assertThat(engine.head()).isEqualTo(1);
        assertThat(player.finished()).isDone();
    }
}
