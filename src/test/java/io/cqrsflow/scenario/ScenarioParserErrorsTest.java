package io.cqrsflow.scenario;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import static io.cqrsflow.scenario.ScenarioParserTest.file;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Each kind of bad input is refused with one line naming the file, the step and the field.
 *
 * <p>Longer than 300 lines on purpose: one case per refusal a teacher can meet, each with the exact line it
 * prints.
 */
class ScenarioParserErrorsTest {
    private final ScenarioParser parser =
            new ScenarioParser(Set.of("order-list", "order-detail", "sales-by-customer"));

    private ScenarioException refusal(String json) {
        ScenarioException refused = catchThrowableOfType(ScenarioException.class,
                () -> parser.parse("lesson.json", json));
        assertThat(refused).as("the parser should refuse this scenario").isNotNull();
        assertThat(refused.getMessage()).doesNotContain("\n");
        return refused;
    }

    private ScenarioException refusalOfStep(String... steps) {
        return refusal(file(steps));
    }

    @Test
    void malformedJsonNamesTheLineAndColumn() {
        // given: a missing comma after the name, noticed at the quote that opens "steps" on line 3
        String json = "{\n  \"name\": \"Lesson\"\n  \"steps\": []\n}";

        // when
        ScenarioException refused = refusal(json);

        // then
        assertThat(refused.getMessage()).startsWith("lesson.json: line 3, column 3: malformed JSON: ")
                .contains("was expecting comma");
        assertThat(refused.line()).isEqualTo(3);
        assertThat(refused.column()).isEqualTo(3);
        assertThat(refused.step()).isNull();
    }

    @Test
    void textAfterTheScenarioObjectIsMalformed() {
        // when
        ScenarioException refused = refusal("{ \"name\": \"Lesson\", \"steps\": [] }\n{ }");

        // then
        assertThat(refused).hasMessage(
                "lesson.json: line 2, column 1: malformed JSON: more text after the end of the scenario's { … }");
    }

    @Test
    void aKeyWrittenTwiceIsMalformedRatherThanSilentlyOverwritten() {
        // when
        ScenarioException refused = refusal("{ \"name\": \"Lesson\",\n  \"name\": \"Again\", \"steps\": [] }");

        // then
        assertThat(refused.getMessage()).startsWith("lesson.json: line 2, column ")
                .contains("malformed JSON: Duplicate field 'name'");
    }

    @Test
    void jacksonsOwnLocationsAreShownAsLineAndColumnToo() {
        // when: the steps array is never closed
        ScenarioException refused = refusal("{ \"name\": \"Lesson\",\n  \"steps\": [ { \"atMs\": 0, \"note\": \"a\" }");

        // then
        assertThat(refused.getMessage()).startsWith("lesson.json: line 2, column ")
                .contains("malformed JSON: Unexpected end-of-input")
                .contains("(start marker at line 2, column 12)")
                .doesNotContain("Source");
    }

    @Test
    void anEmptyFileSaysSo() {
        // then
        assertThat(refusal("  \n")).hasMessage(
                "lesson.json: the file is empty; a scenario is a JSON object with \"name\" and \"steps\"");
    }

    @Test
    void theTopLevelMustBeAnObject() {
        // then
        assertThat(refusal("[ { \"atMs\": 0, \"note\": \"hi\" } ]")).hasMessage(
                "lesson.json: must be an object such as { \"name\": …, \"steps\": [ … ] }, got an array");
    }

    @Test
    void missingStepsIsNamed() {
        // when
        ScenarioException refused = refusal("{ \"name\": \"Lesson\" }");

        // then
        assertThat(refused).hasMessage("lesson.json: field \"steps\": missing");
        assertThat(refused.file()).isEqualTo("lesson.json");
        assertThat(refused.step()).isNull();
        assertThat(refused.field()).isEqualTo("steps");
        assertThat(refused.problem()).isEqualTo("missing");
    }

    @Test
    void missingNameIsNamed() {
        // then
        assertThat(refusal("{ \"steps\": [] }")).hasMessage("lesson.json: field \"name\": missing");
    }

    @Test
    void unknownTopLevelFieldSuggestsTheClosest() {
        // then
        assertThat(refusal("{ \"name\": \"Lesson\", \"step\": [] }")).hasMessage(
                "lesson.json: field \"step\": unknown field \"step\"; did you mean \"steps\"?");
    }

    @Test
    void stepsMustBeAnArray() {
        // then
        assertThat(refusal("{ \"name\": \"Lesson\", \"steps\": { \"atMs\": 0 } }")).hasMessage(
                "lesson.json: field \"steps\": must be an array [ … ], got an object");
    }

    @Test
    void unknownCommandTypeListsTheKnownOnes() {
        // when
        ScenarioException refused = refusalOfStep(
                "{ \"atMs\": 0, \"note\": \"first\" }",
                "{ \"atMs\": 100, \"command\": { \"type\": \"ShipIt\", \"orderId\": \"o-1\" } }");

        // then
        assertThat(refused).hasMessage("lesson.json: step 2: field \"command.type\": unknown command type \"ShipIt\";"
                + " known: RegisterCustomer, PlaceOrder, PayOrder, ShipOrder, CancelOrder");
        assertThat(refused.step()).isEqualTo(2);
        assertThat(refused.field()).isEqualTo("command.type");
    }

    @Test
    void aNearlyRightCommandTypeGetsASuggestion() {
        // then
        assertThat(refusalOfStep("{ \"atMs\": 0, \"command\": { \"type\": \"placeorder\" } }")).hasMessage(
                "lesson.json: step 1: field \"command.type\": unknown command type \"placeorder\";"
                        + " did you mean \"PlaceOrder\"?");
    }

    @Test
    void aQuantityThatIsNotANumberIsAWrongType() {
        // when
        ScenarioException refused = refusalOfStep(
                "{ \"atMs\": 0, \"note\": \"1\" }",
                "{ \"atMs\": 0, \"note\": \"2\" }",
                """
                { "atMs": 100, "command": { "type": "PlaceOrder", "orderId": "o-1", "customerId": "c-1",
                    "items": [ { "sku": "BOOK-1", "quantity": "abc", "unitPrice": "12.50" } ] } }""");

        // then
        assertThat(refused).hasMessage(
                "lesson.json: step 3: field \"command.items[0].quantity\": must be a whole number, got \"abc\"");
    }

    @Test
    void aFractionalQuantityIsNotAWholeNumber() {
        // then
        assertThat(refusalOfStep("""
                { "atMs": 0, "command": { "type": "PlaceOrder", "orderId": "o-1", "customerId": "c-1",
                    "items": [ { "sku": "A", "quantity": 1, "unitPrice": "1" }, { "sku": "B", "quantity": 2.5, "unitPrice": "1" } ] } }"""))
                .hasMessage("lesson.json: step 1: field \"command.items[1].quantity\": must be a whole number, got 2.5");
    }

    @Test
    void aQuantityBeyondTheLimitIsRefused() {
        // then
        assertThat(refusalOfStep("""
                { "atMs": 0, "command": { "type": "PlaceOrder", "orderId": "o-1", "customerId": "c-1",
                    "items": [ { "sku": "A", "quantity": 10001, "unitPrice": "1" } ] } }"""))
                .hasMessage("lesson.json: step 1: field \"command.items[0].quantity\": must be a whole number"
                        + " between -10000 and 10000, got 10001");
    }

    @Test
    void aStringFieldGivenANumberIsAWrongType() {
        // then
        assertThat(refusalOfStep("{ \"atMs\": 0, \"command\": { \"type\": \"PayOrder\", \"orderId\": 17 } }"))
                .hasMessage("lesson.json: step 1: field \"command.orderId\": must be a string, got 17");
    }

    @Test
    void itemsMustBeAnArrayOfObjects() {
        // then
        assertThat(refusalOfStep("{ \"atMs\": 0, \"command\": { \"type\": \"PlaceOrder\", \"orderId\": \"o-1\","
                + " \"customerId\": \"c-1\", \"items\": \"BOOK-1\" } }"))
                .hasMessage("lesson.json: step 1: field \"command.items\": must be an array [ … ], got \"BOOK-1\"");
        assertThat(refusalOfStep("{ \"atMs\": 0, \"command\": { \"type\": \"PlaceOrder\", \"orderId\": \"o-1\","
                + " \"customerId\": \"c-1\", \"items\": [ \"BOOK-1\" ] } }"))
                .hasMessage("lesson.json: step 1: field \"command.items[0]\": must be an object such as"
                        + " { \"sku\": \"BOOK-1\", \"quantity\": 2, \"unitPrice\": \"12.50\" }, got \"BOOK-1\"");
    }

    @Test
    void moneyThatIsNotAnAmountIsRefused() {
        // then
        assertThat(refusalOfStep("""
                { "atMs": 0, "command": { "type": "PlaceOrder", "orderId": "o-1", "customerId": "c-1",
                    "items": [ { "sku": "A", "quantity": 1, "unitPrice": "12,50" } ] } }"""))
                .hasMessage("lesson.json: step 1: field \"command.items[0].unitPrice\": must be an amount of money"
                        + " such as \"12.50\", got \"12,50\"");
    }

    @Test
    void aMissingRequiredFieldIsNamed() {
        // when
        ScenarioException refused = refusalOfStep(
                "{ \"atMs\": 0, \"command\": { \"type\": \"RegisterCustomer\", \"customerId\": \"c-1\" } }");

        // then
        assertThat(refused).hasMessage("lesson.json: step 1: field \"command.name\": missing");
        assertThat(refused.field()).isEqualTo("command.name");
        assertThat(refused.problem()).isEqualTo("missing");
    }

    @Test
    void queriesNeedTheIdTheirTypeAsksAbout() {
        // then
        assertThat(refusalOfStep("{ \"atMs\": 0, \"query\": { \"type\": \"GetOrderById\" } }"))
                .hasMessage("lesson.json: step 1: field \"query.orderId\": missing");
        assertThat(refusalOfStep("{ \"atMs\": 0, \"query\": { \"type\": \"GetOrdersForCustomer\" } }"))
                .hasMessage("lesson.json: step 1: field \"query.customerId\": missing");
    }

    @Test
    void aFieldThatTheQueryTypeDoesNotTakeIsUnknown() {
        // then
        assertThat(refusalOfStep("{ \"atMs\": 0, \"query\": { \"type\": \"ListOrders\", \"orderId\": \"o-1\" } }"))
                .hasMessage("lesson.json: step 1: field \"query.orderId\": unknown field \"orderId\" for ListOrders;"
                        + " expected one of: type, from");
    }

    @Test
    void anUnknownQuerySourceIsRefused() {
        // then
        assertThat(refusalOfStep("{ \"atMs\": 0, \"query\": { \"type\": \"ListOrders\", \"from\": \"readmodel\" } }"))
                .hasMessage("lesson.json: step 1: field \"query.from\": must be \"read-model\" or \"write-model\","
                        + " got \"readmodel\"");
    }

    @Test
    void anUnknownQueryTypeIsRefused() {
        // then
        assertThat(refusalOfStep("{ \"atMs\": 0, \"query\": { \"type\": \"CountOrders\" } }"))
                .hasMessage("lesson.json: step 1: field \"query.type\": unknown query type \"CountOrders\";"
                        + " known: GetOrderById, GetOrdersForCustomer, ListOrders");
    }

    @Test
    void anUnknownFieldSuggestsTheOneMeant() {
        // when
        ScenarioException refused = refusalOfStep(
                "{ \"atMs\": 0, \"command\": { \"type\": \"PayOrder\", \"orderID\": \"o-1\" } }");

        // then
        assertThat(refused).hasMessage("lesson.json: step 1: field \"command.orderID\": unknown field \"orderID\""
                + " for PayOrder; did you mean \"orderId\"?");
    }

    @Test
    void anUnknownFieldWithNothingCloseListsTheKnownOnes() {
        // then
        assertThat(refusalOfStep("""
                { "atMs": 0, "command": { "type": "PlaceOrder", "orderId": "o-1", "customerId": "c-1",
                    "items": [ { "sku": "A", "qty": 1, "unitPrice": "1" } ] } }"""))
                .hasMessage("lesson.json: step 1: field \"command.items[0].qty\": unknown field \"qty\";"
                        + " expected one of: sku, quantity, unitPrice");
    }

    @Test
    void aMisspelledStepKindIsAnUnknownFieldWithASuggestion() {
        // then
        assertThat(refusalOfStep("{ \"atMs\": 0, \"comand\": { \"type\": \"PayOrder\", \"orderId\": \"o-1\" } }"))
                .hasMessage("lesson.json: step 1: field \"comand\": unknown field \"comand\"; did you mean \"command\"?");
    }

    @Test
    void anUnknownProjectorIsRefusedWithASuggestion() {
        // when
        ScenarioException refused = refusalOfStep(
                "{ \"atMs\": 0, \"setDelay\": { \"projector\": \"order_list\", \"delayMs\": 0 } }");

        // then
        assertThat(refused).hasMessage("lesson.json: step 1: field \"setDelay.projector\": unknown projector"
                + " \"order_list\"; did you mean \"order-list\"?");
    }

    @Test
    void anUnknownProjectorWithNothingCloseListsTheKnownOnes() {
        // then
        assertThat(refusalOfStep("{ \"atMs\": 0, \"pause\": \"inventory\" }"))
                .hasMessage("lesson.json: step 1: field \"pause\": unknown projector \"inventory\";"
                        + " known: order-detail, order-list, sales-by-customer");
    }

    @Test
    void anUnknownProjectorInTheProjectorsSectionIsRefused() {
        // then
        assertThat(refusal("{ \"name\": \"Lesson\", \"projectors\": { \"orders-list\": { \"delayMs\": 0 } },"
                + " \"steps\": [] }"))
                .hasMessage("lesson.json: field \"projectors.orders-list\": unknown projector \"orders-list\";"
                        + " did you mean \"order-list\"?");
    }

    @Test
    void anUnknownProjectionToAddIsRefused() {
        // then
        assertThat(refusalOfStep("{ \"atMs\": 0, \"addProjection\": { \"projection\": \"stock-levels\" } }"))
                .hasMessage("lesson.json: step 1: field \"addProjection.projection\": unknown projector"
                        + " \"stock-levels\"; known: order-detail, order-list, sales-by-customer");
    }

    @Test
    void aDelayOutOfRangeIsRefused() {
        // then
        assertThat(refusalOfStep("{ \"atMs\": 0, \"setDelay\": { \"projector\": \"order-list\", \"delayMs\": 10001 } }"))
                .hasMessage("lesson.json: step 1: field \"setDelay.delayMs\": must be between 0 and 10000 ms,"
                        + " got 10001");
        assertThat(refusal("{ \"name\": \"Lesson\", \"projectors\": { \"order-list\": { \"delayMs\": -1 } },"
                + " \"steps\": [] }"))
                .hasMessage("lesson.json: field \"projectors.order-list.delayMs\": must be between 0 and 10000 ms,"
                        + " got -1");
    }

    @Test
    void aNegativeAtMsIsRefused() {
        // when
        ScenarioException refused = refusalOfStep("{ \"atMs\": 0, \"note\": \"a\" }", "{ \"atMs\": -5, \"note\": \"b\" }");

        // then
        assertThat(refused).hasMessage("lesson.json: step 2: field \"atMs\": must be 0 or more, got -5");
    }

    @Test
    void anAtMsBeyondADayIsTooLarge() {
        // then
        assertThat(refusalOfStep("{ \"atMs\": 86400001, \"note\": \"b\" }"))
                .hasMessage("lesson.json: step 1: field \"atMs\": must be at most 86400000 (24 hours), got 86400001");
        assertThat(refusalOfStep("{ \"atMs\": 1e400, \"note\": \"b\" }"))
                .hasMessage("lesson.json: step 1: field \"atMs\": the number 1e400 is too large:"
                        + " a number in a scenario has at most 40 digits");
    }

    @Test
    void anExpectedVersionBesideTheCommandIsShownWhereItBelongs() {
        // then
        assertThat(refusalOfStep("{ \"atMs\": 0, \"command\": { \"type\": \"PayOrder\", \"orderId\": \"o-1\" },"
                + " \"expectedVersion\": 1 }"))
                .hasMessage("lesson.json: step 1: field \"expectedVersion\": belongs inside \"command\":"
                        + " { \"type\": …, \"expectedVersion\": 1 }");
    }

    @Test
    void aNegativeExpectedVersionIsRefused() {
        // then
        assertThat(refusalOfStep("{ \"atMs\": 0, \"command\": { \"type\": \"PayOrder\", \"orderId\": \"o-1\","
                + " \"expectedVersion\": -1 } }"))
                .hasMessage("lesson.json: step 1: field \"command.expectedVersion\": must be 0 or more, got -1");
    }

    @Test
    void aMissingAtMsIsNamed() {
        // then
        assertThat(refusalOfStep("{ \"note\": \"b\" }")).hasMessage("lesson.json: step 1: field \"atMs\": missing");
    }

    @Test
    void aStepWithTwoKindsIsRefused() {
        // when
        ScenarioException refused = refusalOfStep(
                "{ \"atMs\": 0, \"command\": { \"type\": \"PayOrder\", \"orderId\": \"o-1\" }, \"note\": \"pay it\" }");

        // then
        assertThat(refused).hasMessage("lesson.json: step 1: field \"note\": a step does one thing, but this one"
                + " also has \"command\"; make them two steps");
    }

    @Test
    void aStepWithNoKindIsRefused() {
        // then
        assertThat(refusalOfStep("{ \"atMs\": 0 }")).hasMessage("lesson.json: step 1: nothing to do: a step needs"
                + " one of command, query, note, setDelay, pause, resume, step, rebuild, addProjection, expect, question, load");
    }

    @Test
    void aStepThatIsNotAnObjectIsRefused() {
        // then
        assertThat(refusalOfStep("\"pause order-list\"")).hasMessage("lesson.json: step 1: must be an object such as"
                + " { \"atMs\": 0, \"note\": \"…\" }, got \"pause order-list\"");
    }

    @Test
    void aProjectorControlOfTheWrongShapeIsRefused() {
        // then
        assertThat(refusalOfStep("{ \"atMs\": 0, \"pause\": true }")).hasMessage("lesson.json: step 1: field"
                + " \"pause\": must be an object such as { \"projector\": \"order-list\" } or just \"order-list\","
                + " got true");
    }

    @Test
    void theWholeFileIsCheckedEvenWhenTheProblemIsInTheLastStep() {
        // given: ninety-nine good steps and one bad one at the end
        String[] steps = new String[100];
        for (int i = 0; i < 99; i++) {
            steps[i] = "{ \"atMs\": " + i + ", \"note\": \"fine\" }";
        }
        steps[99] = "{ \"atMs\": 0, \"resume\": { \"projector\": \"order-lisst\" } }";

        // then
        assertThat(refusalOfStep(steps)).hasMessage("lesson.json: step 100: field \"resume.projector\": unknown"
                + " projector \"order-lisst\"; did you mean \"order-list\"?");
    }

    @Test
    void aValueWithANewlineIsShownOnOneLine() {
        // then
        assertThat(refusalOfStep("{ \"atMs\": \"soon\\nish\", \"note\": \"b\" }"))
                .hasMessage("lesson.json: step 1: field \"atMs\": must be a whole number, got \"soon\\nish\"");
    }

    @Test
    void aFileThatDoesNotExistCannotBeRead(@TempDir Path dir) {
        // given
        Path missing = dir.resolve("lesson.json");

        // when
        ScenarioException refused = catchThrowableOfType(ScenarioException.class, () -> parser.parse(missing));

        // then
        assertThat(refused).hasMessage(missing + ": cannot read the file: it does not exist");
        assertThat(refused.file()).isEqualTo(missing.toString());
    }

    @Test
    void aFolderCannotBeRead(@TempDir Path dir) {
        // then
        assertThat(catchThrowableOfType(ScenarioException.class, () -> parser.parse(dir)))
                .hasMessage(dir + ": cannot read the file: it is a folder");
    }

    @Test
    void aFileThatIsNotUtf8CannotBeRead(@TempDir Path dir) throws Exception {
        // given: Latin-1 bytes for "Grüße"
        Path file = dir.resolve("lesson.json");
        Files.write(file, "{ \"name\": \"Grüße\", \"steps\": [] }".getBytes(StandardCharsets.ISO_8859_1));

        // then
        assertThat(catchThrowableOfType(ScenarioException.class, () -> parser.parse(file)))
                .hasMessage(file + ": cannot read the file: it is not UTF-8 text");
    }
}
