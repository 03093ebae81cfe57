package io.cqrsflow.scenario;

import io.cqrsflow.read.Query;
import io.cqrsflow.read.QuerySource;

import io.cqrsflow.domain.CancelOrder;
import io.cqrsflow.domain.OrderLine;
import io.cqrsflow.domain.PayOrder;
import io.cqrsflow.domain.PlaceOrder;
import io.cqrsflow.domain.RegisterCustomer;
import io.cqrsflow.domain.ShipOrder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.tuple;

class ScenarioParserTest {
    private final ScenarioParser parser =
            new ScenarioParser(Set.of("order-list", "order-detail", "sales-by-customer"));

    /** A whole scenario file around the given steps. */
    static String file(String... steps) {
        return "{ \"name\": \"Lesson\", \"steps\": [\n" + String.join(",\n", steps) + "\n] }";
    }

    private ScenarioStep onlyStep(String step) {
        Scenario scenario = parser.parse("lesson.json", file(step));
        assertThat(scenario.steps()).hasSize(1);
        return scenario.steps().get(0);
    }

    @Test
    void readsNameDescriptionProjectorDelaysInFileOrderAndSource() {
        // given
        String json = """
                { "name": "Cancel before the list catches up",
                  "description": "The detail view already says cancelled.",
                  "projectors": { "order-list": { "delayMs": 3000 }, "order-detail": { "delayMs": 0 },
                                  "sales-by-customer": { "delayMs": 10000 } },
                  "steps": [] }
                """;

        // when
        Scenario scenario = parser.parse("lesson.json", json);

        // then
        assertThat(scenario.name()).isEqualTo("Cancel before the list catches up");
        assertThat(scenario.description()).isEqualTo("The detail view already says cancelled.");
        assertThat(scenario.projectorDelays()).containsExactly(
                entry("order-list", 3000L),
                entry("order-detail", 0L),
                entry("sales-by-customer", 10000L));
        assertThat(scenario.steps()).isEmpty();
        assertThat(scenario.source()).isEqualTo("lesson.json");
    }

    @Test
    void descriptionAndProjectorsAreOptional() {
        // when
        Scenario scenario = parser.parse("lesson.json", "{ \"name\": \"Bare\", \"steps\": [] }");

        // then
        assertThat(scenario.description()).isEmpty();
        assertThat(scenario.projectorDelays()).isEmpty();
    }

    @Test
    void readsEveryCommandType() {
        // given
        String json = file(
                "{ \"atMs\": 0, \"command\": { \"type\": \"RegisterCustomer\", \"customerId\": \"c-1\", \"name\": \"Ada Lovelace\" } }",
                """
                { "atMs": 100, "command": { "type": "PlaceOrder", "orderId": "o-1", "customerId": "c-1",
                    "items": [ { "sku": "BOOK-1", "quantity": 2, "unitPrice": "12.50" },
                               { "sku": "PEN-3", "quantity": 1, "unitPrice": 3.20 } ] } }""",
                "{ \"atMs\": 200, \"command\": { \"type\": \"PayOrder\", \"orderId\": \"o-1\" } }",
                "{ \"atMs\": 300, \"command\": { \"type\": \"ShipOrder\", \"orderId\": \"o-1\" } }",
                "{ \"atMs\": 400, \"command\": { \"type\": \"CancelOrder\", \"orderId\": \"o-1\", \"reason\": \"changed mind\" } }");

        // when
        List<ScenarioStep> steps = parser.parse("lesson.json", json).steps();

        // then
        assertThat(steps).allSatisfy(step -> assertThat(step).isInstanceOf(CommandStep.class));
        assertThat(steps).extracting(step -> ((CommandStep) step).command()).containsExactly(
                new RegisterCustomer("c-1", "Ada Lovelace"),
                new PlaceOrder("o-1", "c-1", List.of(new OrderLine("BOOK-1", 2, new BigDecimal("12.50")),
                        new OrderLine("PEN-3", 1, new BigDecimal("3.20")))),
                new PayOrder("o-1"),
                new ShipOrder("o-1"),
                new CancelOrder("o-1", "changed mind"));
        assertThat(steps).extracting(ScenarioStep::number, ScenarioStep::atMs, ScenarioStep::kind).containsExactly(
                tuple(1, 0L, "command"), tuple(2, 100L, "command"), tuple(3, 200L, "command"),
                tuple(4, 300L, "command"), tuple(5, 400L, "command"));
        assertThat(((CommandStep) steps.get(0)).expectedVersion()).isEmpty();
    }

    @Test
    void commandCarriesItsExpectedVersionWhenGiven() {
        // when
        ScenarioStep step = onlyStep(
                "{ \"atMs\": 0, \"command\": { \"type\": \"PayOrder\", \"orderId\": \"o-1\", \"expectedVersion\": 1 } }");

        // then
        assertThat(step).isEqualTo(new CommandStep(1, 0, new PayOrder("o-1"), OptionalLong.of(1)));
    }

    @Test
    void cancelWithoutAReasonHasAnEmptyReason() {
        // when
        ScenarioStep step = onlyStep("{ \"atMs\": 0, \"command\": { \"type\": \"CancelOrder\", \"orderId\": \"o-1\" } }");

        // then
        assertThat(((CommandStep) step).command()).isEqualTo(new CancelOrder("o-1", ""));
    }

    @Test
    void readsEveryQueryTypeAndSourceDefaultingToTheReadModel() {
        // given
        String json = file(
                "{ \"atMs\": 0, \"query\": { \"type\": \"GetOrderById\", \"orderId\": \"o-1\", \"from\": \"write-model\" } }",
                "{ \"atMs\": 0, \"query\": { \"type\": \"GetOrdersForCustomer\", \"customerId\": \"c-1\", \"from\": \"read-model\" } }",
                "{ \"atMs\": 0, \"query\": { \"type\": \"ListOrders\" } }");

        // when
        List<ScenarioStep> steps = parser.parse("lesson.json", json).steps();

        // then
        assertThat(steps).containsExactly(
                new QueryStep(1, 0, new Query.GetOrderById("o-1"), QuerySource.WRITE_MODEL),
                new QueryStep(2, 0, new Query.GetOrdersForCustomer("c-1"), QuerySource.READ_MODEL),
                new QueryStep(3, 0, new Query.ListOrders(), QuerySource.READ_MODEL));
        assertThat(steps).extracting(ScenarioStep::kind).containsOnly("query");
    }

    @Test
    void readsNotesDelaysAndProjectorControls() {
        // given
        String json = file(
                "{ \"atMs\": 10, \"note\": \"Why does the list still say pending?\" }",
                "{ \"atMs\": 20, \"setDelay\": { \"projector\": \"order-list\", \"delayMs\": 0 } }",
                "{ \"atMs\": 30, \"pause\": { \"projector\": \"order-detail\" } }",
                "{ \"atMs\": 40, \"step\": { \"projector\": \"order-detail\" } }",
                "{ \"atMs\": 50, \"resume\": { \"projector\": \"order-detail\" } }",
                "{ \"atMs\": 60, \"rebuild\": { \"projector\": \"order-list\" } }",
                "{ \"atMs\": 70, \"rebuild\": {} }",
                "{ \"atMs\": 80, \"addProjection\": { \"projection\": \"sales-by-customer\" } }");

        // when
        List<ScenarioStep> steps = parser.parse("lesson.json", json).steps();

        // then
        assertThat(steps).containsExactly(
                new NoteStep(1, 10, "Why does the list still say pending?"),
                new SetDelayStep(2, 20, "order-list", 0),
                new PauseStep(3, 30, "order-detail"),
                new ApplyOneStep(4, 40, "order-detail"),
                new ResumeStep(5, 50, "order-detail"),
                new RebuildStep(6, 60, "order-list"),
                new RebuildStep(7, 70, null),
                new AddProjectionStep(8, 80, "sales-by-customer"));
        assertThat(steps).extracting(ScenarioStep::kind).containsExactly(
                "note", "setDelay", "pause", "step", "resume", "rebuild", "rebuild", "addProjection");
        assertThat(((RebuildStep) steps.get(6)).allProjectors()).isTrue();
        assertThat(((RebuildStep) steps.get(5)).allProjectors()).isFalse();
    }

    @Test
    void projectorControlsAcceptTheShorthandOfJustTheName() {
        // given
        String json = file(
                "{ \"atMs\": 0, \"pause\": \"order-list\" }",
                "{ \"atMs\": 0, \"step\": \"order-list\" }",
                "{ \"atMs\": 0, \"resume\": \"order-list\" }",
                "{ \"atMs\": 0, \"rebuild\": \"order-detail\" }",
                "{ \"atMs\": 0, \"addProjection\": \"sales-by-customer\" }");

        // when
        List<ScenarioStep> steps = parser.parse("lesson.json", json).steps();

        // then
        assertThat(steps).containsExactly(
                new PauseStep(1, 0, "order-list"),
                new ApplyOneStep(2, 0, "order-list"),
                new ResumeStep(3, 0, "order-list"),
                new RebuildStep(4, 0, "order-detail"),
                new AddProjectionStep(5, 0, "sales-by-customer"));
    }

    @Test
    void commandsThatBreakBusinessRulesAreReadAsWritten() {
        // given: every one of these is rejected by the domain at run time, not by the parser
        String json = file(
                "{ \"atMs\": 0, \"command\": { \"type\": \"RegisterCustomer\", \"customerId\": \"\", \"name\": \"  \" } }",
                """
                { "atMs": 1, "command": { "type": "PlaceOrder", "orderId": "o-1", "customerId": "nobody",
                    "items": [ { "sku": "", "quantity": 0, "unitPrice": "-5.00" },
                               { "sku": "MUG-2", "quantity": -3, "unitPrice": -1 } ] } }""",
                "{ \"atMs\": 2, \"command\": { \"type\": \"PlaceOrder\", \"orderId\": \"o-2\", \"customerId\": \"c-1\", \"items\": [] } }",
                "{ \"atMs\": 3, \"command\": { \"type\": \"PayOrder\", \"orderId\": \"never-placed\" } }");

        // when
        List<ScenarioStep> steps = parser.parse("lesson.json", json).steps();

        // then
        assertThat(steps).extracting(step -> ((CommandStep) step).command()).containsExactly(
                new RegisterCustomer("", "  "),
                new PlaceOrder("o-1", "nobody", List.of(new OrderLine("", 0, new BigDecimal("-5.00")),
                        new OrderLine("MUG-2", -3, new BigDecimal("-1")))),
                new PlaceOrder("o-2", "c-1", List.of()),
                new PayOrder("never-placed"));
    }

    @Test
    void moneyStaysExactlyAsWritten() {
        // given: values a double would get wrong or lose the scale of
        String json = file("""
                { "atMs": 0, "command": { "type": "PlaceOrder", "orderId": "o-1", "customerId": "c-1",
                    "items": [ { "sku": "A", "quantity": 1, "unitPrice": "0.10" },
                               { "sku": "B", "quantity": 1, "unitPrice": 19.99 },
                               { "sku": "C", "quantity": 1, "unitPrice": 12.50 },
                               { "sku": "D", "quantity": 1, "unitPrice": 7 },
                               { "sku": "E", "quantity": 1, "unitPrice": "123456789012.01" } ] } }""");

        // when
        PlaceOrder order = (PlaceOrder) ((CommandStep) parser.parse("lesson.json", json).steps().get(0)).command();

        // then: same value and same scale (BigDecimal.equals compares both)
        assertThat(order.items()).extracting(OrderLine::unitPrice).containsExactly(
                new BigDecimal("0.10"), new BigDecimal("19.99"), new BigDecimal("12.50"), new BigDecimal("7"),
                new BigDecimal("123456789012.01"));
        assertThat(order.items().get(0).unitPrice().toPlainString()).isEqualTo("0.10");
        assertThat(order.items().get(2).unitPrice().scale()).isEqualTo(2);
    }

    @Test
    void wholeNumbersWrittenWithAZeroFractionAreAccepted() {
        // when
        ScenarioStep step = onlyStep("{ \"atMs\": 100.0, \"setDelay\": { \"projector\": \"order-list\", \"delayMs\": 2.000 } }");

        // then
        assertThat(step).isEqualTo(new SetDelayStep(1, 100, "order-list", 2));
    }

    @Test
    void stepsAreSortedByTimeKeepingFileOrderForTiesAndTheirFileNumbers() {
        // given
        String json = file(
                "{ \"atMs\": 500, \"note\": \"a\" }",
                "{ \"atMs\": 100, \"note\": \"b\" }",
                "{ \"atMs\": 500, \"note\": \"c\" }",
                "{ \"atMs\": 0,   \"note\": \"d\" }",
                "{ \"atMs\": 100, \"note\": \"e\" }",
                "{ \"atMs\": 500, \"note\": \"f\" }");

        // when
        List<ScenarioStep> steps = parser.parse("lesson.json", json).steps();

        // then
        assertThat(steps).extracting(step -> ((NoteStep) step).text()).containsExactly("d", "b", "e", "a", "c", "f");
        assertThat(steps).extracting(ScenarioStep::number).containsExactly(4, 2, 5, 1, 3, 6);
    }

    @Test
    void readsAFileAndNamesItAsTheSource(@TempDir Path dir) throws Exception {
        // given: saved by an editor that writes a byte order mark
        Path file = dir.resolve("lesson.json");
        Files.writeString(file, "\uFEFF" + file("{ \"atMs\": 0, \"note\": \"Grüße, Ada\" }"), StandardCharsets.UTF_8);

        // when
        Scenario scenario = parser.parse(file);

        // then
        assertThat(scenario.source()).isEqualTo(file.toString());
        assertThat(scenario.steps()).containsExactly(new NoteStep(1, 0, "Grüße, Ada"));
    }

    @Test
    void theScenarioCannotBeChangedAfterParsing() {
        // given
        Scenario scenario = parser.parse("lesson.json", file("{ \"atMs\": 0, \"note\": \"a\" }"));

        // then
        assertThatThrownBy(() -> scenario.steps().clear())
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> scenario.projectorDelays().put("x", 1L))
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
