package io.cqrsflow.scenario;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static io.cqrsflow.scenario.ScenarioParserTest.file;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The {@code load} step: read with its rate, time and seed, and refused with one clear line when wrong. */
class LoadStepParserTest {
    private final ScenarioParser parser = new ScenarioParser(Set.of("order-list", "order-detail"));

    private String refusal(String step) {
        ScenarioException refused = catchThrowableOfType(ScenarioException.class,
                () -> parser.parse("lesson.json", file("{ \"atMs\": 0, \"note\": \"first\" }", step)));
        assertThat(refused).as("the parser should refuse " + step).isNotNull();
        return refused.getMessage();
    }

    @Test
    void aLoadStepHasItsRateItsTimeAndASeedThatDefaultsToItsNumber() {
        Scenario s = parser.parse("lesson.json", file(
                "{ \"atMs\": 0, \"load\": { \"commandsPerSecond\": 200, \"seconds\": 30 } }",
                "{ \"atMs\": 500, \"load\": { \"commandsPerSecond\": 5, \"seconds\": 1, \"seed\": 42 } }"));
        assertThat(s.steps()).containsExactly(new LoadStep(1, 0, 200, 30, 1), new LoadStep(2, 500, 5, 1, 42));
        assertThat(s.steps().get(0).kind()).isEqualTo("load");
    }

    @Test
    void aBadRateOrTimeIsRefusedNamingTheField() {
        assertThat(refusal("{ \"atMs\": 0, \"load\": { \"commandsPerSecond\": 0, \"seconds\": 30 } }")).isEqualTo(
                "lesson.json: step 2: field \"load.commandsPerSecond\": must be between 1 and 1000 commands a second, got 0");
        assertThat(refusal("{ \"atMs\": 0, \"load\": { \"commandsPerSecond\": 5000, \"seconds\": 30 } }")).isEqualTo(
                "lesson.json: step 2: field \"load.commandsPerSecond\": must be between 1 and 1000 commands a second, got 5000");
        assertThat(refusal("{ \"atMs\": 0, \"load\": { \"commandsPerSecond\": \"fast\", \"seconds\": 30 } }"))
                .startsWith("lesson.json: step 2: field \"load.commandsPerSecond\": must be a whole number, got ");
        assertThat(refusal("{ \"atMs\": 0, \"load\": { \"commandsPerSecond\": 200, \"seconds\": 7200 } }")).isEqualTo(
                "lesson.json: step 2: field \"load.seconds\": must be between 1 and 3600 (an hour), got 7200");
        assertThat(refusal("{ \"atMs\": 0, \"load\": { \"commandsPerSecond\": 200 } }")).isEqualTo(
                "lesson.json: step 2: field \"load.seconds\": missing");
        assertThat(refusal("{ \"atMs\": 0, \"load\": { \"commandsPerSecond\": 200, \"seconds\": 3, \"rate\": 1 } }"))
                .startsWith("lesson.json: step 2: field \"load.rate\": ");
        assertThat(refusal("{ \"atMs\": 0, \"load\": 200 }"))
                .startsWith("lesson.json: step 2: field \"load\": must be an object");
    }
}
