package io.cqrsflow.scenario;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Whatever order a teacher writes the steps in, they play in time order, ties in file order. */
class ScenarioStepOrderTest {
    private final ScenarioParser parser = new ScenarioParser(Set.of("order-list"));

    @Test
    void stepsPlayInTimeOrderAndTiesKeepFileOrderForManyShuffledFiles() {
        Random random = new Random(20240611); // fixed, so a failure can be replayed
        for (int file = 0; file < 500; file++) {
            // given: up to 30 steps at few distinct times, so there are many ties
            int count = random.nextInt(31);
            List<Integer> times = new ArrayList<>();
            List<String> steps = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                times.add(random.nextInt(6));
                steps.add("{ \"atMs\": " + times.get(i) + ", \"note\": \"written " + (i + 1) + "\" }");
            }

            // when
            List<ScenarioStep> played = parser.parse("lesson.json",
                    ScenarioParserTest.file(steps.toArray(String[]::new))).steps();

            // then
            assertThat(played).as("file %d with times %s", file, times).hasSize(count);
            for (int i = 0; i < played.size(); i++) {
                ScenarioStep step = played.get(i);
                assertThat(step.atMs()).isEqualTo(times.get(step.number() - 1).longValue());
                assertThat(((NoteStep) step).text()).isEqualTo("written " + step.number());
                if (i > 0) {
                    ScenarioStep before = played.get(i - 1);
                    assertThat(before.atMs()).as("file %d with times %s", file, times).isLessThanOrEqualTo(step.atMs());
                    if (before.atMs() == step.atMs()) {
                        assertThat(before.number()).as("file %d with times %s", file, times).isLessThan(step.number());
                    }
                }
            }
        }
    }
}
