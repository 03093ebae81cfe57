package io.cqrsflow.scenario;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every built-in lesson plays to the end with every {@code expect} holding and every question agreeing
 * with the live state: at 1× on a virtual clock, holding on each note for its reading time as the window
 * does, and at 4× in real time on the engine's own threads, as the headless runner plays it.
 */
class LessonsHoldTest {
    private static final ScenarioLibrary LIBRARY = new ScenarioLibrary();

    @TempDir
    Path dir;

    static List<String> ids() {
        return LIBRARY.ids();
    }

    @ParameterizedTest
    @MethodSource("ids")
    void atOneTimesOnAVirtualClockReadingEveryNoteEveryExpectationHolds(String id) {
        // when
        List<String> lines = LessonRun.virtual(dir, LIBRARY.load(id), 1, ScenarioPlayer.Pacing.READ_ALONG);

        // then
        assertThat(LessonRun.failures(lines)).as(String.join("\n", lines)).isEmpty();
        assertThat(lines).hasSize(LIBRARY.load(id).steps().size());
    }

    @ParameterizedTest
    @MethodSource("ids")
    void atOneTimesNoNoteIsOnScreenForLessThanItsReadingTime(String id) {
        // given
        Scenario lesson = LIBRARY.load(id);

        // when
        List<String> lines = LessonRun.virtual(dir, lesson, 1, ScenarioPlayer.Pacing.READ_ALONG);

        // then every step after a note plays at least the note's reading time later
        for (int i = 0; i + 1 < lesson.steps().size(); i++) {
            if (lesson.steps().get(i) instanceof NoteStep note) {
                long shownAt = elapsed(lines.get(i));
                long replacedAt = elapsed(lines.get(i + 1));
                assertThat(replacedAt - shownAt).as("step %d: %s", note.number(), note.text())
                        .isGreaterThanOrEqualTo(note.readingMs());
            }
        }
    }

    @ParameterizedTest
    @MethodSource("ids")
    void atOneTimesALessonTakesOneToFourMinutesAndMakesItsClaimsAndAsksAQuestion(String id) {
        // given
        Scenario lesson = LIBRARY.load(id);

        // when played reading along, as the window plays it (questions answered at once)
        List<String> lines = LessonRun.virtual(dir, lesson, 1, ScenarioPlayer.Pacing.READ_ALONG);

        // then the last step plays, and its note is read, between 1 and 4 minutes after the start
        ScenarioStep last = lesson.steps().get(lesson.steps().size() - 1);
        long durationMs = elapsed(lines.get(lines.size() - 1)) + (last instanceof NoteStep n ? n.readingMs() : 0);
        assertThat(durationMs).as("%s at 1×, in ms", id).isBetween(60_000L, 240_000L);
        assertThat(lesson.steps()).filteredOn(QuestionStep.class::isInstance).isNotEmpty();
        assertThat(lesson.steps()).filteredOn(ExpectStep.class::isInstance).isNotEmpty();
    }

    /** "step 3 (note) @1200: …" → 1200. */
    private static long elapsed(String line) {
        int at = line.indexOf(" @");
        return Long.parseLong(line.substring(at + 2, line.indexOf(':', at)));
    }

    @ParameterizedTest
    @MethodSource("ids")
    void atFourTimesInRealTimeEveryExpectationHolds(String id) throws Exception {
        // when
        List<String> lines = LessonRun.realTime(dir, LIBRARY.load(id), 4);

        // then
        assertThat(LessonRun.failures(lines)).as(String.join("\n", lines)).isEmpty();
    }

    @Test
    void anExpectationThatIsFalseFailsItsStepSayingWhatWasExpectedAndWhatWasFound() {
        // given a lesson that claims the list has o-1 while nobody placed it
        Scenario lesson = new Scenario("false claim", "", Map.of(), List.of(
                new ExpectStep(1, 0, new Check.RowField("order-list", "o-1", "status", "pending"))), "test");

        // when
        List<String> lines = LessonRun.virtual(dir, lesson, 1, ScenarioPlayer.Pacing.READ_ALONG);

        // then
        assertThat(lines).containsExactly(
                "FAIL step 1 (expect) @0: expected order-list o-1 status is \"pending\", found no row o-1");
    }
}
