package io.cqrsflow.scenario;

import io.cqrsflow.read.Query;

import io.cqrsflow.domain.CancelOrder;
import io.cqrsflow.domain.OrderLine;
import io.cqrsflow.domain.PayOrder;
import io.cqrsflow.domain.PlaceOrder;
import io.cqrsflow.domain.RegisterCustomer;
import io.cqrsflow.domain.Limits;
import io.cqrsflow.domain.Rule;
import io.cqrsflow.scenario.PaperWriteModel.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.tuple;

/** The built-in scenarios parse, and their commands do what their notes tell the learner. */
class BuiltInScenariosTest {
    private static final ScenarioLibrary LIBRARY = new ScenarioLibrary();

    static List<String> ids() {
        return LIBRARY.ids();
    }

    /** The outcome of every command step, worked out with the domain, in the order the steps play. */
    private static List<Outcome> outcomes(Scenario scenario) {
        PaperWriteModel writeModel = new PaperWriteModel();
        List<Outcome> outcomes = new ArrayList<>();
        for (ScenarioStep step : scenario.steps()) {
            if (step instanceof CommandStep command) {
                outcomes.add(writeModel.submit(command));
            }
        }
        return outcomes;
    }

    private static List<CommandStep> commands(Scenario scenario) {
        return scenario.steps().stream().filter(CommandStep.class::isInstance).map(CommandStep.class::cast)
                .collect(Collectors.toList());
    }

    @ParameterizedTest
    @MethodSource("ids")
    void parsesWithANameADescriptionAndKnownProjectors(String id) {
        // when
        Scenario scenario = LIBRARY.load(id);

        // then
        assertThat(scenario.source()).isEqualTo("built-in:" + id);
        assertThat(scenario.name()).isNotBlank();
        assertThat(scenario.description()).isNotBlank();
        assertThat(scenario.steps()).isNotEmpty();
        assertThat(ScenarioLibrary.BUILT_IN_PROJECTORS).containsAll(scenario.projectorDelays().keySet());
    }

    @ParameterizedTest
    @MethodSource("ids")
    void queriesAskAboutOrdersAndCustomersThatExistByThen(String id) {
        // given
        Scenario scenario = LIBRARY.load(id);
        PaperWriteModel writeModel = new PaperWriteModel();
        List<String> problems = new ArrayList<>();

        // when
        for (ScenarioStep step : scenario.steps()) {
            if (step instanceof CommandStep command) {
                writeModel.submit(command);
            } else if (step instanceof QueryStep query) {
                // rejected-commands asks for o-404 on purpose: a query always answers, even "no such order"
                if (query.query() instanceof Query.GetOrderById byId && !writeModel.orderExists(byId.orderId())
                        && !(id.equals("rejected-commands") && byId.orderId().equals("o-404"))) {
                    problems.add("step " + query.number() + " asks for order " + byId.orderId());
                }
                if (query.query() instanceof Query.GetOrdersForCustomer forCustomer
                        && !writeModel.customerRegistered(forCustomer.customerId())) {
                    problems.add("step " + query.number() + " asks for customer " + forCustomer.customerId());
                }
            }
        }

        // then
        assertThat(problems).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("ids")
    void ordersAreForCustomersRegisteredEarlierUnlessTheScenarioIsAboutRejections(String id) {
        // given
        Scenario scenario = LIBRARY.load(id);

        // when
        List<Outcome> outcomes = outcomes(scenario);

        // then: only the rules lesson breaks rules; only the concurrency lesson has a conflict
        if (id.equals("rejected-commands")) {
            return; // checked rule by rule below
        }
        long expectedConflicts = id.equals("two-clerks") ? 1 : 0;
        assertThat(outcomes).filteredOn(outcome -> outcome.result().equals("rejected")).isEmpty();
        assertThat(outcomes).filteredOn(outcome -> outcome.result().equals("conflict")).hasSize((int) expectedConflicts);
    }

    @Test
    void firstOrderFollowsOneOrderFromPlacedToShipped() {
        // given
        Scenario scenario = LIBRARY.load("first-order");

        // then
        assertThat(scenario.projectorDelays()).containsExactly(entry("order-list", 800L), entry("order-detail", 800L));
        assertThat(commands(scenario)).extracting(step -> step.command().type()).containsExactly(
                "RegisterCustomer", "PlaceOrder", "PayOrder", "ShipOrder");
        assertThat(scenario.steps()).filteredOn(NoteStep.class::isInstance).hasSizeGreaterThanOrEqualTo(4);
        assertThat(outcomes(scenario)).containsOnly(Outcome.ACCEPTED);
    }

    @Test
    void laggingListAsksWhatTheListSaysWhileItIsPausedOneEventBehind() {
        // when
        Scenario scenario = LIBRARY.load("lagging-list");

        // then
        assertThat(scenario.projectorDelays()).containsExactly(entry("order-list", 3000L), entry("order-detail", 0L));
        assertThat(commands(scenario)).extracting(CommandStep::command).containsExactly(
                new RegisterCustomer("c-1", "Ada Lovelace"),
                new PlaceOrder("o-1", "c-1", List.of(new OrderLine("BOOK-1", 2, new BigDecimal("12.50")))),
                new CancelOrder("o-1", "changed mind"));
        // the list is paused with o-1 pending before the cancel, so the question and the note hold while read
        assertThat(controls(scenario)).containsExactly("pause order-list", "resume order-list");
        assertThat(questions(scenario).get(0).choices()).filteredOn(QuestionStep.Choice::right)
                .extracting(QuestionStep.Choice::answer).containsExactly("pending");
        assertThat(scenario.steps()).filteredOn(NoteStep.class::isInstance).map(step -> ((NoteStep) step).text())
                .anySatisfy(text -> assertThat(text).startsWith("Why does the list still say pending?"));
    }

    @Test
    void readYourWritesAsksTheListTooEarlyThenLateEnough() {
        // given
        Scenario scenario = LIBRARY.load("read-your-writes");
        long listDelay = scenario.projectorDelays().get("order-list");
        List<CommandStep> orders = commands(scenario).stream().filter(step -> step.command() instanceof PlaceOrder)
                .collect(Collectors.toList());

        // when
        List<QueryStep> lists = scenario.steps().stream().filter(QueryStep.class::isInstance)
                .map(QueryStep.class::cast).filter(q -> q.query() instanceof Query.ListOrders)
                .collect(Collectors.toList());

        // then
        assertThat(listDelay).isEqualTo(2500);
        assertThat(scenario.projectorDelays().get("order-detail")).isZero();
        assertThat(lists.get(0).atMs()).as("the first list query comes before the list can know")
                .isLessThan(orders.get(0).atMs() + listDelay);
        assertThat(lists.get(lists.size() - 1).atMs()).as("the last list query comes after it must know")
                .isGreaterThan(orders.get(orders.size() - 1).atMs() + listDelay + 500);
        // the confirmation question: the write model is the answer
        assertThat(questions(scenario)).anySatisfy(q -> assertThat(q.choices()).filteredOn(QuestionStep.Choice::right)
                .extracting(QuestionStep.Choice::answer).containsExactly("the write model"));
    }

    @Test
    void whenStaleIsFineHasALaggingDashboardAndAConfirmationThatReadsTheWriteModel() {
        // given
        Scenario scenario = LIBRARY.load("when-stale-is-fine");

        // then: the dashboard is a read model of its own, behind by a delay
        assertThat(scenario.projectorDelays()).containsEntry("orders-per-status", 4000L);
        assertThat(controls(scenario)).startsWith("addProjection orders-per-status");
        assertThat(outcomes(scenario)).containsOnly(Outcome.ACCEPTED);
        assertThat(questions(scenario)).hasSize(2);
        assertThat(questions(scenario).get(1).choices()).filteredOn(QuestionStep.Choice::right)
                .extracting(QuestionStep.Choice::answer).containsExactly("the write model");
    }

    @Test
    void rejectedCommandsBreaksEveryRuleOnceAndWritesOnlyTheSetup() {
        // given
        Scenario scenario = LIBRARY.load("rejected-commands");

        // when
        List<Outcome> outcomes = outcomes(scenario);
        List<Rule> broken = outcomes.stream().filter(outcome -> outcome.rule() != null).map(Outcome::rule)
                .collect(Collectors.toList());

        // then
        assertThat(broken).containsExactly(
                Rule.CUSTOMER_ID_TAKEN, Rule.BLANK_ID, Rule.BLANK_NAME,
                Rule.ORDER_ID_TAKEN, Rule.UNKNOWN_CUSTOMER, Rule.NO_ITEMS, Rule.BLANK_SKU, Rule.QUANTITY_BELOW_ONE,
                Rule.NEGATIVE_PRICE, Rule.UNKNOWN_ORDER, Rule.NOT_PENDING, Rule.NOT_PAID, Rule.ALREADY_SHIPPED,
                Rule.ALREADY_CANCELLED);
        // The limits' rules are out of a file's reach: the file check refuses such values before playing.
        assertThat(EnumSet.copyOf(broken)).as("one command for every rule")
                .isEqualTo(EnumSet.complementOf(EnumSet.copyOf(Limits.RULES)));
        assertThat(outcomes).filteredOn(outcome -> outcome == Outcome.ACCEPTED).hasSize(6);
        assertThat(outcomes).doesNotContain(Outcome.CONFLICT);
        // the list is paused while events it cannot refuse wait for it, and then resumed
        assertThat(controls(scenario)).containsExactly("pause order-list", "resume order-list");
    }

    @Test
    void twoClerksAcceptsAlicesPaymentAndRefusesBobsStaleCancel() {
        // given
        Scenario scenario = LIBRARY.load("two-clerks");
        List<CommandStep> commands = commands(scenario);

        // when
        List<Outcome> outcomes = outcomes(scenario);

        // then
        assertThat(commands).extracting(step -> step.command().type(), CommandStep::expectedVersion).containsExactly(
                tuple("RegisterCustomer", OptionalLong.empty()),
                tuple("PlaceOrder", OptionalLong.empty()),
                tuple("PayOrder", OptionalLong.of(1)),
                tuple("CancelOrder", OptionalLong.of(1)),
                tuple("CancelOrder", OptionalLong.of(2)));
        assertThat(outcomes).containsExactly(Outcome.ACCEPTED, Outcome.ACCEPTED, Outcome.ACCEPTED, Outcome.CONFLICT,
                Outcome.ACCEPTED);
        assertThat(commands.get(2).command()).isEqualTo(new PayOrder("o-1"));
    }

    @Test
    void rebuildFromHistoryReplaysTheListAtAPaceAndPausesItPartWay() {
        // given
        Scenario scenario = LIBRARY.load("rebuild-from-history");

        // when
        RebuildStep rebuild = scenario.steps().stream().filter(RebuildStep.class::isInstance)
                .map(RebuildStep.class::cast).findFirst().orElseThrow();
        PauseStep pause = scenario.steps().stream().filter(PauseStep.class::isInstance)
                .map(PauseStep.class::cast).findFirst().orElseThrow();

        // then: "25 events in the store", as the note says, replayed slowly enough to watch
        assertThat(eventsBefore(scenario, RebuildStep.class)).isEqualTo(25);
        assertThat(controls(scenario)).containsExactly("rebuild order-list", "pause order-list", "resume order-list");
        assertThat(rebuild.eventsPerSecond()).isBetween(1L, 5L);
        assertThat(pause.atMs() - rebuild.atMs()).as("paused while the rebuild is still running")
                .isLessThan(25 * 1000 / rebuild.eventsPerSecond() / 2);
        assertThat(outcomes(scenario)).containsOnly(Outcome.ACCEPTED);
    }

    @Test
    void newProjectionCatchesUpOnTheHistoryAtAPace() {
        // given
        Scenario scenario = LIBRARY.load("new-projection");

        // when
        AddProjectionStep add = scenario.steps().stream().filter(AddProjectionStep.class::isInstance)
                .map(AddProjectionStep.class::cast).findFirst().orElseThrow();

        // then
        assertThat(eventsBefore(scenario, AddProjectionStep.class)).isEqualTo(25);
        assertThat(add.projection()).isEqualTo("sales-by-customer");
        assertThat(add.eventsPerSecond()).isBetween(1L, 5L);
        assertThat(controls(scenario)).containsExactly("addProjection sales-by-customer", "pause sales-by-customer",
                "resume sales-by-customer");
        assertThat(outcomes(scenario)).containsOnly(Outcome.ACCEPTED);
    }

    @Test
    void underLoadPlacesTwoHundredOrdersForFiveCustomersWithinTwoSeconds() {
        // given
        Scenario scenario = LIBRARY.load("under-load");
        List<CommandStep> orders = commands(scenario).stream()
                .filter(step -> step.command() instanceof PlaceOrder).collect(Collectors.toList());

        // then
        assertThat(scenario.projectorDelays()).containsExactly(entry("order-list", 1500L), entry("order-detail", 0L));
        assertThat(commands(scenario)).filteredOn(step -> step.command() instanceof RegisterCustomer).hasSize(5);
        assertThat(orders).hasSize(200);
        assertThat(orders.get(orders.size() - 1).atMs() - orders.get(0).atMs()).isLessThanOrEqualTo(2000);
        assertThat(orders).extracting(step -> ((PlaceOrder) step.command()).orderId()).doesNotHaveDuplicates();
        assertThat(outcomes(scenario)).hasSize(205).containsOnly(Outcome.ACCEPTED);
        // no note during the burst: the player would hold on it and split the burst in two
        assertThat(scenario.steps()).filteredOn(NoteStep.class::isInstance)
                .allSatisfy(note -> assertThat(note.atMs() < orders.get(0).atMs()
                        || note.atMs() > orders.get(orders.size() - 1).atMs()).as("step " + note.number()).isTrue());
    }

    private static List<QuestionStep> questions(Scenario scenario) {
        return scenario.steps().stream().filter(QuestionStep.class::isInstance).map(QuestionStep.class::cast)
                .collect(Collectors.toList());
    }

    /** The projector controls in playing order: "pause order-list", "addProjection sales-by-customer", … */
    private static List<String> controls(Scenario scenario) {
        List<String> controls = new ArrayList<>();
        for (ScenarioStep step : scenario.steps()) {
            if (step instanceof AddProjectionStep add) {
                controls.add("addProjection " + add.projection());
            } else if (step instanceof RebuildStep rebuild) {
                controls.add("rebuild " + rebuild.projector());
            } else if (step instanceof PauseStep pause) {
                controls.add("pause " + pause.projector());
            } else if (step instanceof ApplyOneStep one) {
                controls.add("step " + one.projector());
            } else if (step instanceof ResumeStep resume) {
                controls.add("resume " + resume.projector());
            }
        }
        return controls;
    }

    /** How many events the store holds when the first step of that kind plays. */
    private static int eventsBefore(Scenario scenario, Class<? extends ScenarioStep> kind) {
        PaperWriteModel writeModel = new PaperWriteModel();
        for (ScenarioStep step : scenario.steps()) {
            if (kind.isInstance(step)) {
                return writeModel.eventCount();
            }
            if (step instanceof CommandStep command) {
                writeModel.submit(command);
            }
        }
        return -1;
    }
}
