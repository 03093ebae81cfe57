package io.cqrsflow.scenario;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The top-level "panels" key, and the "crud" and "stream" checks of expect steps and questions. */
class PanelsParserTest {
    private final ScenarioParser parser = new ScenarioParser(ScenarioLibrary.BUILT_IN_PROJECTORS);

    private Scenario parse(String json) {
        return parser.parse("lesson.json", json);
    }

    private String refusal(String json) {
        ScenarioException refused = catchThrowableOfType(ScenarioException.class, () -> parse(json));
        assertThat(refused).as("the parser should refuse this scenario").isNotNull();
        assertThat(refused.getMessage()).doesNotContain("\n");
        return refused.getMessage();
    }

    @Test
    void panelsAreReadInOrderAndCrudSwitchesTheCrudModelOn() {
        // when
        Scenario scenario = parse("""
                { "name": "x", "panels": ["order-list", "order-detail", "crud"], "steps": [] }""");

        // then
        assertThat(scenario.panels()).containsExactly("order-list", "order-detail", "crud");
        assertThat(scenario.wantsCrud()).isTrue();
        assertThat(parse("{ \"name\": \"x\", \"steps\": [] }").panels()).isEmpty();
        assertThat(parse("{ \"name\": \"x\", \"panels\": [\"order-list\"], \"steps\": [] }").wantsCrud()).isFalse();
    }

    @Test
    void everyReadModelAndCrudIsAPanelId() {
        assertThat(Scenario.panelIds()).containsExactly("order-list", "order-detail", "sales-by-customer",
                "orders-per-status", "crud");
    }

    @Test
    void anUnknownPanelIsNamedWithTheValidOnes() {
        assertThat(refusal("{ \"name\": \"x\", \"panels\": [\"order-list\", \"crud-table\"], \"steps\": [] }"))
                .isEqualTo("lesson.json: field \"panels[1]\": unknown panel \"crud-table\" (did you mean \"crud\"?);"
                        + " the panels are: order-list, order-detail, sales-by-customer, orders-per-status, crud");
        assertThat(refusal("{ \"name\": \"x\", \"panels\": [3], \"steps\": [] }"))
                .startsWith("lesson.json: field \"panels[0]\": must be a panel id in quotes, got 3;");
        assertThat(refusal("{ \"name\": \"x\", \"panels\": \"crud\", \"steps\": [] }"))
                .startsWith("lesson.json: field \"panels\": must be an array");
        assertThat(refusal("{ \"name\": \"x\", \"panels\": [\"crud\", \"crud\"], \"steps\": [] }"))
                .isEqualTo("lesson.json: field \"panels[1]\": lists \"crud\" twice");
    }

    @Test
    void crudAndStreamChecksAreRead() {
        // when
        Scenario scenario = parse("""
                { "name": "x", "panels": ["crud"], "steps": [
                  { "atMs": 0, "expect": { "crud": "o-1", "field": "status", "is": "cancelled" } },
                  { "atMs": 0, "expect": { "crud": "o-2", "absent": true } },
                  { "atMs": 0, "expect": { "stream": "order-o-1", "is": "OrderPlaced, OrderCancelled" } } ] }""");

        // then
        List<Check> checks = scenario.steps().stream().map(s -> ((ExpectStep) s).check()).toList();
        assertThat(checks).containsExactly(new Check.CrudField("o-1", "status", "cancelled"),
                new Check.CrudPresence("o-2", false), new Check.StreamEvents("order-o-1", "OrderPlaced, OrderCancelled"));
        assertThat(checks.get(0).describe()).isEqualTo("crud o-1 status is \"cancelled\"");
    }

    @Test
    void anUnknownCrudColumnNamesTheColumns() {
        assertThat(refusal("""
                { "name": "x", "steps": [ { "atMs": 0, "expect": { "crud": "o-1", "field": "state", "is": "paid" } } ] }"""))
                .isEqualTo("lesson.json: step 1: field \"expect.field\": unknown column \"state\" of the CRUD table;"
                        + " did you mean \"status\"?");
        assertThat(refusal("""
                { "name": "x", "steps": [ { "atMs": 0, "expect": { "crud": "o-1", "field": "status", "was": "paid" } } ] }"""))
                .contains("was");
    }
}
