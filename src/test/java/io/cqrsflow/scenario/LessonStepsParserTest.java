package io.cqrsflow.scenario;

import io.cqrsflow.read.Query;
import io.cqrsflow.read.QuerySource;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The step kinds a lesson is made of: notes that wait, expectations, questions, paced replays. */
class LessonStepsParserTest {
    private final ScenarioParser parser = new ScenarioParser(Set.of("order-list", "order-detail", "sales-by-customer"));

    private List<ScenarioStep> steps(String... steps) {
        return parser.parse("lesson.json", "{ \"name\": \"Lesson\", \"steps\": [ " + String.join(", ", steps) + " ] }")
                .steps();
    }

    private String refusal(String... steps) {
        ScenarioException refused = catchThrowableOfType(ScenarioException.class, () -> steps(steps));
        assertThat(refused).as("the parser should refuse this").isNotNull();
        return refused.getMessage();
    }

    @Test
    void aNoteMayWaitForTheTeachersClick() {
        assertThat(steps("{ \"atMs\": 0, \"note\": \"Look\", \"waitForClick\": true }"))
                .containsExactly(new NoteStep(1, 0, "Look", true));
        assertThat(refusal("{ \"atMs\": 0, \"pause\": \"order-list\", \"waitForClick\": true }"))
                .startsWith("lesson.json: step 1: field \"waitForClick\": belongs to a note");
        assertThat(refusal("{ \"atMs\": 0, \"note\": \"x\", \"waitForClick\": \"yes\" }"))
                .isEqualTo("lesson.json: step 1: field \"waitForClick\": must be true or false, got \"yes\"");
    }

    @Test
    void everyKindOfExpectation() {
        assertThat(steps(
                "{ \"atMs\": 0, \"expect\": { \"readModel\": \"order-list\", \"row\": \"o-1\", \"field\": \"status\", \"is\": \"pending\" } }",
                "{ \"atMs\": 0, \"expect\": { \"readModel\": \"order-detail\", \"row\": \"o-1\", \"absent\": true } }",
                "{ \"atMs\": 0, \"expect\": { \"projector\": \"order-list\", \"eventsBehind\": 2 } }",
                "{ \"atMs\": 0, \"expect\": { \"projector\": \"order-list\", \"eventsBehindAtLeast\": 10 } }",
                "{ \"atMs\": 0, \"expect\": { \"query\": { \"type\": \"ListOrders\", \"from\": \"write-model\" }, \"answer\": \"no orders\" } }",
                "{ \"atMs\": 0, \"expect\": { \"lastCommand\": \"conflict\" } }"))
                .extracting(step -> ((ExpectStep) step).check()).containsExactly(
                        new Check.RowField("order-list", "o-1", "status", "pending"),
                        new Check.RowPresence("order-detail", "o-1", false),
                        new Check.EventsBehind("order-list", 2, false),
                        new Check.EventsBehind("order-list", 10, true),
                        new Check.Answer(new Query.ListOrders(), QuerySource.WRITE_MODEL, "no orders"),
                        new Check.LastCommand("conflict"));
    }

    @Test
    void aBadExpectationIsRefusedNamingTheField() {
        assertThat(refusal("{ \"atMs\": 0, \"expect\": { \"readModel\": \"order-list\", \"row\": \"o-1\", \"field\": \"state\", \"is\": \"x\" } }"))
                .startsWith("lesson.json: step 1: field \"expect.field\": unknown column \"state\" of order-list");
        assertThat(refusal("{ \"atMs\": 0, \"expect\": { \"lastCommand\": \"ok\" } }"))
                .isEqualTo("lesson.json: step 1: field \"expect.lastCommand\": must be one of accepted, rejected, conflict, got \"ok\"");
        assertThat(refusal("{ \"atMs\": 0, \"expect\": { } }"))
                .startsWith("lesson.json: step 1: field \"expect\": nothing to check");
    }

    @Test
    void aQuestionHasTwoToFourChoicesAndAtLeastOneMarkedRight() {
        // when
        List<ScenarioStep> steps = steps("""
                { "atMs": 5, "question": { "ask": "What does the list say?", "why": "It is behind.", "choices": [
                  { "answer": "pending", "right": true, "expect": { "readModel": "order-list", "row": "o-1", "field": "status", "is": "pending" } },
                  { "answer": "nothing", "expect": { "readModel": "order-list", "row": "o-1", "absent": true } } ] } }""");

        // then
        assertThat(steps).containsExactly(new QuestionStep(1, 5, "What does the list say?", List.of(
                new QuestionStep.Choice("pending", new Check.RowField("order-list", "o-1", "status", "pending"), true),
                new QuestionStep.Choice("nothing", new Check.RowPresence("order-list", "o-1", false), false)),
                "It is behind."));
        assertThat(refusal("{ \"atMs\": 0, \"question\": { \"ask\": \"?\", \"choices\": [ { \"answer\": \"a\", \"right\": true,"
                + " \"expect\": { \"lastCommand\": \"accepted\" } } ] } }"))
                .isEqualTo("lesson.json: step 1: field \"question.choices\": a question has 2 to 4 choices, got 1");
        assertThat(refusal("{ \"atMs\": 0, \"question\": { \"ask\": \"?\", \"choices\": ["
                + " { \"answer\": \"a\", \"expect\": { \"lastCommand\": \"accepted\" } },"
                + " { \"answer\": \"b\", \"expect\": { \"lastCommand\": \"rejected\" } } ] } }"))
                .startsWith("lesson.json: step 1: field \"question.choices\": mark the right answer");
    }

    @Test
    void aRebuildOrANewProjectionMayReplayAtAPace() {
        assertThat(steps("{ \"atMs\": 0, \"rebuild\": { \"projector\": \"order-list\", \"eventsPerSecond\": 5 } }",
                "{ \"atMs\": 0, \"addProjection\": { \"projection\": \"sales-by-customer\", \"eventsPerSecond\": 10 } }",
                "{ \"atMs\": 0, \"rebuild\": \"order-list\" }"))
                .containsExactly(new RebuildStep(1, 0, "order-list", 5), new AddProjectionStep(2, 0, "sales-by-customer", 10),
                        new RebuildStep(3, 0, "order-list", 0));
        assertThat(refusal("{ \"atMs\": 0, \"rebuild\": { \"projector\": \"order-list\", \"eventsPerSecond\": 0 } }"))
                .isEqualTo("lesson.json: step 1: field \"rebuild.eventsPerSecond\": must be between 1 and 1000, got 0");
    }
}
