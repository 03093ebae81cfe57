package io.cqrsflow.scenario;

import io.cqrsflow.domain.OrderLine;
import io.cqrsflow.domain.PlaceOrder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import static io.cqrsflow.scenario.ScenarioParserTest.file;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Each limit of the file check at its edge: the last value accepted, the first refused, and where. */
class ScenarioFileLimitsTest {
    private final ScenarioParser parser = new ScenarioParser(Set.of("order-list", "order-detail"));

    @TempDir
    Path dir;

    private String refusal(String json) {
        ScenarioException refused = catchThrowableOfType(ScenarioException.class, () -> parser.parse("lesson.json", json));
        assertThat(refused).as("the parser should refuse this scenario").isNotNull();
        assertThat(refused.getMessage()).doesNotContain("\n").startsWith("lesson.json: ");
        return refused.getMessage().substring("lesson.json: ".length());
    }

    private static String order(String item) {
        return file("{ \"atMs\": 0, \"command\": { \"type\": \"PlaceOrder\", \"orderId\": \"o-1\", \"customerId\": \"c-1\","
                + " \"items\": [ " + item + " ] } }");
    }

    private PlaceOrder parsedOrder(String item) {
        return (PlaceOrder) ((CommandStep) parser.parse("lesson.json", order(item)).steps().get(0)).command();
    }

    @Test
    void moneyHasTwelveDigitsBeforeThePointAndTwoAfterAndIsKeptInPlainDigits() {
        assertThat(parsedOrder("{ \"sku\": \"A\", \"quantity\": 1, \"unitPrice\": \"999999999999.99\" }").items())
                .extracting(OrderLine::unitPrice).containsExactly(new BigDecimal("999999999999.99"));
        assertThat(parsedOrder("{ \"sku\": \"A\", \"quantity\": 1, \"unitPrice\": 1.5e3 }").items().get(0)
                .unitPrice().toString()).isEqualTo("1500");
        assertThat(refusal(order("{ \"sku\": \"A\", \"quantity\": 1, \"unitPrice\": \"1000000000000\" }")))
                .isEqualTo("step 1: field \"command.items[0].unitPrice\": must be at most 999999999999.99"
                        + " (12 digits before the point), got \"1000000000000\"");
        assertThat(refusal(order("{ \"sku\": \"A\", \"quantity\": 1, \"unitPrice\": 0.001 }")))
                .isEqualTo("step 1: field \"command.items[0].unitPrice\": must have at most 2 digits after the point"
                        + " (cents), got 0.001");
    }

    @Test
    void idsNamesSkusAndReasonsHaveTheDomainsLimits() {
        assertThat(refusal(order("{ \"sku\": \"" + "S".repeat(201) + "\", \"quantity\": 1, \"unitPrice\": 1 }")))
                .isEqualTo("step 1: field \"command.items[0].sku\": is too long: it has 201 characters;"
                        + " at most 200 are allowed");
        assertThat(refusal(file("{ \"atMs\": 0, \"command\": { \"type\": \"CancelOrder\", \"orderId\": \"o-1\","
                + " \"reason\": \"a\\rb\" } }")))
                .isEqualTo("step 1: field \"command.reason\": is not printable text: it contains the control"
                        + " character \\u000d");
        assertThat(refusal(file("{ \"atMs\": 0, \"query\": { \"type\": \"GetOrderById\", \"orderId\": \"o-\\ud800\" } }")))
                .isEqualTo("step 1: field \"query.orderId\": the string contains \\ud800, half of a surrogate pair"
                        + " without its other half: not text");
    }

    @Test
    void quantitiesAndItemCountsHaveUpperBounds() {
        assertThat(parsedOrder("{ \"sku\": \"A\", \"quantity\": 10000, \"unitPrice\": 1 }").items().get(0).quantity())
                .isEqualTo(10_000);
        StringBuilder items = new StringBuilder();
        for (int i = 0; i <= 100; i++) {
            items.append(i == 0 ? "" : ", ").append("{ \"sku\": \"A\", \"quantity\": 1, \"unitPrice\": 1 }");
        }
        assertThat(refusal(order(items.toString())))
                .isEqualTo("step 1: field \"command.items\": an order holds at most 100 items, got 101");
    }

    @Test
    void numbersAreCheckedByTheirTextBeforeAnyConversion() {
        assertThat(refusal(file("{ \"atMs\": " + "1".repeat(41) + ", \"note\": \"n\" }")))
                .startsWith("step 1: field \"atMs\": the number 1111111111111111111111111111111111111111… has 41"
                        + " characters; a number in a scenario has at most 40");
        assertThat(refusal(file("{ \"atMs\": 1e-999999999, \"note\": \"n\" }")))
                .isEqualTo("step 1: field \"atMs\": the number 1e-999999999 has too many digits after the point: at most 40");
        assertThat(refusal(file("{ \"atMs\": 1e9999999999, \"note\": \"n\" }")))
                .isEqualTo("step 1: field \"atMs\": the number 1e9999999999 is out of range");
        assertThat(refusal("{ \"name\": \"L\", \"projectors\": { \"order-list\": { \"delayMs\": 1e99999999 } }, \"steps\": [] }"))
                .startsWith("field \"projectors.order-list.delayMs\": the number 1e99999999 is too large");
    }

    @Test
    void nestingStringsFieldsAndArraysAreBounded() {
        assertThat(refusal(file("{ \"atMs\": 0, \"note\": " + "[".repeat(20) + "]".repeat(20) + " }")))
                .isEqualTo("step 1: field \"note[0][0][0][0][0][0][0]\": nested too deeply: a scenario needs at most"
                        + " 10 levels of { } and [ ]");
        assertThat(refusal(file("{ \"atMs\": 0, \"note\": \"" + "n".repeat(10_001) + "\" }")))
                .isEqualTo("step 1: field \"note\": a string of 10001 characters; at most 10000 are allowed");
        assertThat(refusal("{ \"name\": \"L\", \"" + "k".repeat(201) + "\": 1, \"steps\": [] }"))
                .isEqualTo("a field name of 201 characters; at most 200 are allowed");
        StringBuilder fields = new StringBuilder("{ \"atMs\": 0");
        for (int i = 0; i < 100; i++) {
            fields.append(", \"f").append(i).append("\": 0");
        }
        assertThat(refusal(file(fields.append(" }").toString()))).isEqualTo("step 1: this object has more than 100 fields");
        assertThat(refusal(file("{ \"atMs\": 0, \"note\": [" + "0,".repeat(1000) + "0] }")))
                .isEqualTo("step 1: field \"note\": an array holds at most 1000 elements");
    }

    @Test
    void aFileIsReadOnlyWhenItIsARegularFileOfAtMostFiveMegabytes() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("lesson.json"));
        assertThat(catchThrowableOfType(ScenarioException.class, () -> parser.parse(folder)))
                .hasMessage(folder + ": cannot read the file: it is a folder");
        Path big = Files.writeString(dir.resolve("big.json"), " ".repeat(5 * 1024 * 1024 + 1));
        assertThat(catchThrowableOfType(ScenarioException.class, () -> parser.parse(big)))
                .hasMessage(big + ": the file is larger than 5 MB (5.0 MB); a scenario may be at most 5 MB"
                        + " — split it into several lessons, or play it with --headless, which reads up to 1024 MB as it plays");
        Path device = dir.resolve("null.json");
        Files.createSymbolicLink(device, Path.of("/dev/null"));
        assertThat(catchThrowableOfType(ScenarioException.class, () -> parser.parse(device)))
                .hasMessageStartingWith(device + ": cannot read the file: it is not a regular file");
    }

    @Test
    void aControlCharacterInAFieldNameIsShownEscapedInTheMessage() {
        assertThat(refusal(file("{ \"atMs\": 0, \"note\": \"n\", \"x\\u001b[2J\": 1 }")))
                .startsWith("step 1: field \"x\\u001b[2J\": unknown field");
    }
}
