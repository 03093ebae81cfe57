package io.cqrsflow.scenario;

import io.cqrsflow.flow.Engine;
import io.cqrsflow.read.ManualScheduler;
import io.cqrsflow.read.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** How the player paces a lesson for people: reading time on notes, waiting for the teacher, jumping. */
class ScenarioPlayerPacingTest {
    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T10:00:00Z"));
    private final ManualScheduler scheduler = new ManualScheduler(clock);
    private final List<String> played = new ArrayList<>();
    private final List<String> waitedAt = new ArrayList<>();
    private Engine engine;

    @BeforeEach
    void open() {
        engine = Engine.open(dir, Clock.systemUTC(), Map.of());
    }

    @AfterEach
    void close() {
        engine.close();
    }

    private ScenarioPlayer player(Scenario scenario, double speed, ScenarioPlayer.Pacing pacing) {
        return new ScenarioPlayer(engine.client(), scenario, speed, new ScenarioPlayer.Listener() {
            @Override
            public void played(ScenarioStep step, long elapsedMs, StepOutcome outcome) {
                played.add("step " + step.number() + "@" + elapsedMs);
            }

            @Override
            public void waiting(ScenarioStep step) {
                waitedAt.add("step " + step.number());
            }
        }, scheduler, clock, pacing);
    }

    /** Eight words: 8 × 250 ms + 1 500 ms = 3 500 ms to read. */
    private static final String EIGHT_WORDS = "one two three four five six seven eight";

    private static Scenario lesson(ScenarioStep... steps) {
        return new Scenario("lesson", "", Map.of(), List.of(steps), "test");
    }

    @Test
    void aNoteIsReadInAQuarterSecondAWordPlusAMoment() {
        assertThat(new NoteStep(1, 0, EIGHT_WORDS).readingMs()).isEqualTo(3_500);
        assertThat(new NoteStep(1, 0, "  ").readingMs()).isEqualTo(1_500);
    }

    @Test
    void theNextStepWaitsUntilTheNoteHasBeenReadAndTheRestKeepTheirSpacing() {
        // given a note at 0, then notes 100 ms and 5 100 ms later
        ScenarioPlayer player = player(lesson(new NoteStep(1, 0, EIGHT_WORDS), new NoteStep(2, 100, "two"),
                new NoteStep(3, 5_100, "three")), 1, ScenarioPlayer.Pacing.READ_ALONG);

        // when
        player.start();
        scheduler.runUntil(() -> player.finished().isDone());

        // then the second waits for the first's reading time; the third keeps its 5 s after the second
        assertThat(played).containsExactly("step 1@0", "step 2@3500", "step 3@8500");
    }

    @Test
    void atDoubleSpeedTheReadingTimeIsHalved() {
        ScenarioPlayer player = player(lesson(new NoteStep(1, 0, EIGHT_WORDS), new NoteStep(2, 0, "two")), 2,
                ScenarioPlayer.Pacing.READ_ALONG);

        player.start();
        scheduler.runUntil(() -> player.finished().isDone());

        assertThat(played).containsExactly("step 1@0", "step 2@1750");
    }

    @Test
    void aNoteMarkedWaitForClickWaitsForTheTeacherThenGoesOn() {
        // given
        ScenarioPlayer player = player(lesson(new NoteStep(1, 0, "look", true), new NoteStep(2, 10, "next")), 1,
                ScenarioPlayer.Pacing.WINDOW);

        // when
        player.start();
        scheduler.runDue();
        scheduler.advance(60_000);

        // then
        assertThat(played).containsExactly("step 1@0");
        assertThat(waitedAt).containsExactly("step 1");
        assertThat(player.isWaiting()).isTrue();

        // when the teacher clicks Continue
        player.continueLesson();
        scheduler.runUntil(() -> player.finished().isDone());

        // then the next note comes after its spacing, counted from the click
        assertThat(played).containsExactly("step 1@0", "step 2@10");
    }

    @Test
    void aQuestionIsReportedAsWaitingFromTheMomentItIsPlayed() {
        // given a lesson with a question, and a listener that asks the player whether it waits as each step is
        // reported (a window that saw "not waiting" revealed the answer before anyone could predict)
        java.util.concurrent.atomic.AtomicReference<ScenarioPlayer> self = new java.util.concurrent.atomic.AtomicReference<>();
        List<String> waitingWhenPlayed = new ArrayList<>();
        ScenarioPlayer player = new ScenarioPlayer(engine.client(), lesson(
                new NoteStep(1, 0, "look"),
                new QuestionStep(2, 10, "Anything appended?", List.of(
                        new QuestionStep.Choice("yes", new Check.LastCommand("accepted"), false),
                        new QuestionStep.Choice("no", new Check.LastCommand("rejected"), true)), "Nothing was sent.")),
                1, new ScenarioPlayer.Listener() {
                    @Override
                    public void played(ScenarioStep step, long elapsedMs, StepOutcome outcome) {
                        waitingWhenPlayed.add("step " + step.number() + " " + self.get().isWaiting());
                    }
                }, scheduler, clock, ScenarioPlayer.Pacing.WINDOW);
        self.set(player);

        // when it plays up to the question
        player.start();
        scheduler.runDue();
        scheduler.advance(60_000);

        // then the note was reported as not waiting, the question as waiting, and the player waits
        assertThat(waitingWhenPlayed).containsExactly("step 1 false", "step 2 true");
        assertThat(player.isWaiting()).isTrue();
    }

    @Test
    void stopAtEveryNoteMakesEveryNoteWait() {
        ScenarioPlayer player = player(lesson(new NoteStep(1, 0, "a"), new NoteStep(2, 0, "b")), 1,
                ScenarioPlayer.Pacing.WINDOW);
        player.setStopAtEveryNote(true);

        player.start();
        scheduler.advance(60_000);
        assertThat(waitedAt).containsExactly("step 1");
        player.continueLesson();
        scheduler.advance(60_000);

        assertThat(waitedAt).containsExactly("step 1", "step 2");
    }

    @Test
    void headlessNeitherHoldsNorWaits() {
        ScenarioPlayer player = player(lesson(new NoteStep(1, 0, EIGHT_WORDS, true), new NoteStep(2, 100, "b")), 1,
                ScenarioPlayer.Pacing.HEADLESS);

        player.start();
        scheduler.runUntil(() -> player.finished().isDone());

        assertThat(played).containsExactly("step 1@0", "step 2@100");
        assertThat(waitedAt).isEmpty();
    }

    @Test
    void aJumpDoesNotCheckTheClaimsItJumpsOver() {
        // given a claim that would fail
        List<StepOutcome> outcomes = new ArrayList<>();
        ScenarioPlayer player = new ScenarioPlayer(engine.client(), lesson(
                new ExpectStep(1, 0, new Check.RowPresence("order-list", "o-1", true)), new NoteStep(2, 10, "b")), 1,
                (step, elapsedMs, outcome) -> outcomes.add(outcome), scheduler, clock, ScenarioPlayer.Pacing.WINDOW);

        // when jumping past it
        player.startAt(1, false);
        scheduler.runUntil(() -> player.finished().isDone());

        // then it was not checked
        assertThat(outcomes.get(0)).isEqualTo(new StepOutcome.Done("not checked: jumped over"));
    }

    @Test
    void aJumpPlaysTheStepsBeforeItAtOnceWithoutHoldsThenTheRestOnTime() {
        // given
        ScenarioPlayer player = player(lesson(new NoteStep(1, 0, EIGHT_WORDS, true), new NoteStep(2, 4_000, "b"),
                new NoteStep(3, 9_000, "c"), new NoteStep(4, 13_000, "d")), 1, ScenarioPlayer.Pacing.WINDOW);

        // when jumping to the third step
        player.startAt(2, false);
        scheduler.runDue();

        // then the first two played at once, and the third is due now
        assertThat(played).containsExactly("step 1@0", "step 2@0", "step 3@0");
        scheduler.advance(3_999);
        assertThat(played).hasSize(3);
        scheduler.advance(1);
        assertThat(played).endsWith("step 4@4000");
    }
}
