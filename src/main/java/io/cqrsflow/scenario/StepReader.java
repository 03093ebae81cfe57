package io.cqrsflow.scenario;

import io.cqrsflow.read.ProjectorStatus;
import io.cqrsflow.read.Query;
import io.cqrsflow.read.QuerySource;
import io.cqrsflow.read.ReadModelModule;
import io.cqrsflow.read.ReadModels;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/** Reads one element of a scenario's {@code "steps"} array into a {@link ScenarioStep}. */
final class StepReader {

    private static final List<String> STEP_FIELDS;

    static {
        List<String> fields = new ArrayList<>();
        fields.add("atMs");
        fields.addAll(ScenarioStep.KINDS);
        fields.add("waitForClick");
        STEP_FIELDS = List.copyOf(fields);
    }

    /** A lesson lasts minutes; a day is room enough, and keeps a stray exponent from waiting forever. */
    static final long MAX_AT_MS = 24L * 60 * 60 * 1000;

    private final String file;
    private final ProjectorNames projectors;
    private final CheckReader checks;

    StepReader(String file, ProjectorNames projectors) {
        this.file = file;
        this.projectors = projectors;
        this.checks = new CheckReader(this, projectors);
    }

    private static final String QUESTION_EXAMPLE = "{ \"ask\": \"…\", \"choices\": [ { \"answer\": \"pending\", \"right\": true,"
            + " \"expect\": " + CheckReader.EXAMPLE + " }, … ], \"why\": \"…\" }";

    private QuestionStep question(int number, long atMs, ObjectFields question) {
        question.allowOnly(List.of("ask", "choices", "why"));
        String ask = question.text("ask");
        List<JsonNode> elements = question.array("choices");
        if (elements.size() < QuestionStep.MIN_CHOICES || elements.size() > QuestionStep.MAX_CHOICES) {
            throw question.error("choices", "a question has " + QuestionStep.MIN_CHOICES + " to "
                    + QuestionStep.MAX_CHOICES + " choices, got " + elements.size());
        }
        List<QuestionStep.Choice> choices = new ArrayList<>();
        boolean anyRight = false;
        for (int i = 0; i < elements.size(); i++) {
            ObjectFields choice = question.element("choices", i, elements.get(i),
                    "{ \"answer\": \"pending\", \"right\": true, \"expect\": " + CheckReader.EXAMPLE + " }");
            choice.allowOnly(List.of("answer", "expect", "right"));
            boolean right = choice.flag("right");
            anyRight |= right;
            choices.add(new QuestionStep.Choice(choice.text("answer"),
                    checks.read(number, choice.object("expect", CheckReader.EXAMPLE)), right));
        }
        if (!anyRight) {
            throw question.error("choices", "mark the right answer with \"right\": true on at least one choice");
        }
        return new QuestionStep(number, atMs, ask, choices, question.optionalText("why").orElse(""));
    }

    ScenarioStep read(int number, JsonNode value) {
        ObjectFields step = ObjectFields.of(file, number, "", value, "{ \"atMs\": 0, \"note\": \"…\" }");
        if (step.has("expectedVersion") && step.has("command")) {
            throw step.error("expectedVersion", "belongs inside \"command\": { \"type\": …, \"expectedVersion\": 1 }");
        }
        step.allowOnly(STEP_FIELDS);
        if (step.has("waitForClick") && !step.has("note")) {
            throw step.error("waitForClick", "belongs to a note: { \"atMs\": 0, \"note\": \"…\", \"waitForClick\": true }");
        }
        long atMs = step.wholeNumber("atMs", 0, MAX_AT_MS, "must be 0 or more",
                "must be at most " + MAX_AT_MS + " (24 hours)");
        String kind = kind(step);
        switch (kind) {
            case "command":
                return CommandReader.read(number, atMs, step.object("command",
                        "{ \"type\": \"PayOrder\", \"orderId\": \"o-1\" }"));
            case "query":
                return query(number, atMs, step.object("query",
                        "{ \"type\": \"GetOrderById\", \"orderId\": \"o-1\" }"));
            case "note":
                return new NoteStep(number, atMs, step.text("note"), step.flag("waitForClick"));
            case "expect":
                return new ExpectStep(number, atMs, checks.read(number, step.object("expect", CheckReader.EXAMPLE)));
            case "question":
                return question(number, atMs, step.object("question", QUESTION_EXAMPLE));
            case "setDelay":
                ObjectFields delay = step.object("setDelay", "{ \"projector\": \"order-list\", \"delayMs\": 0 }");
                delay.allowOnly(List.of("projector", "delayMs"));
                return new SetDelayStep(number, atMs, projectors.require(delay, "projector"), delayMs(delay));
            case "pause":
                return new PauseStep(number, atMs, target(step, "pause", "projector", true));
            case "resume":
                return new ResumeStep(number, atMs, target(step, "resume", "projector", true));
            case "step":
                return new ApplyOneStep(number, atMs, target(step, "step", "projector", true));
            case "rebuild":
                return new RebuildStep(number, atMs, target(step, "rebuild", "projector", false),
                        pace(step, "rebuild"));
            case "addProjection":
                return new AddProjectionStep(number, atMs, target(step, "addProjection", "projection", true),
                        pace(step, "addProjection"));
            case "load":
                return load(number, atMs, step.object("load", LOAD_EXAMPLE));
            default:
                throw new IllegalStateException("a kind without a reader: " + kind);
        }
    }

    private static final String LOAD_EXAMPLE = "{ \"commandsPerSecond\": 200, \"seconds\": 30 }";

    /** {@code {"commandsPerSecond": 200, "seconds": 30, "seed": 7}}; the seed defaults to the step's number. */
    private static LoadStep load(int number, long atMs, ObjectFields load) {
        load.allowOnly(List.of("commandsPerSecond", "seconds", "seed"));
        long rate = load.wholeNumber("commandsPerSecond", 1, LoadStep.MAX_COMMANDS_PER_SECOND,
                "must be between 1 and " + LoadStep.MAX_COMMANDS_PER_SECOND + " commands a second");
        long seconds = load.wholeNumber("seconds", 1, LoadStep.MAX_SECONDS,
                "must be between 1 and " + LoadStep.MAX_SECONDS + " (an hour)");
        long seed = load.has("seed") ? load.wholeNumber("seed", 0, Long.MAX_VALUE, "must be 0 or more") : number;
        return new LoadStep(number, atMs, rate, seconds, seed);
    }

    static long delayMs(ObjectFields fields) {
        return fields.wholeNumber("delayMs", 0, ProjectorStatus.MAX_DELAY_MS,
                "must be between 0 and " + ProjectorStatus.MAX_DELAY_MS + " ms");
    }

    /** The one kind key the step has. */
    private static String kind(ObjectFields step) {
        String found = null;
        for (String key : step.keys()) {
            if (!ScenarioStep.KINDS.contains(key)) {
                continue;
            }
            if (found != null) {
                throw step.error(key, "a step does one thing, but this one also has " + JsonValues.quote(found)
                        + "; make them two steps");
            }
            found = key;
        }
        if (found == null) {
            throw step.error("nothing to do: a step needs one of " + String.join(", ", ScenarioStep.KINDS));
        }
        return found;
    }

    QueryStep query(int number, long atMs, ObjectFields query) {
        String typeName = query.text("type");
        Query<?> asked;
        if (Query.GetOrderById.WIRE_NAME.equals(typeName)) {
            query.allowOnly(List.of("type", "orderId", "from"), typeName);
            asked = new Query.GetOrderById(query.domainText("orderId"));
        } else if (Query.GetOrdersForCustomer.WIRE_NAME.equals(typeName)) {
            query.allowOnly(List.of("type", "customerId", "from"), typeName);
            asked = new Query.GetOrdersForCustomer(query.domainText("customerId"));
        } else if (Query.ListOrders.WIRE_NAME.equals(typeName)) {
            query.allowOnly(List.of("type", "from"), typeName);
            asked = new Query.ListOrders();
        } else {
            throw query.error("type", "unknown query type " + JsonValues.quote(typeName)
                    + DidYouMean.hint(typeName, Query.WIRE_NAMES, "known"));
        }
        QuerySource from = QuerySource.READ_MODEL;
        if (query.has("from")) {
            String source = query.text("from");
            from = QuerySource.fromWireName(source).orElseThrow(() -> query.error("from",
                    "must be \"read-model\" or \"write-model\", got " + JsonValues.quote(source)));
        }
        return new QueryStep(number, atMs, asked, from);
    }

    /**
     * The projector a pause, resume, step, rebuild or addProjection step is about: either
     * {@code {"projector": "order-list"}} or the shorthand {@code "order-list"}.
     *
     * @return the name, or null when it is optional and absent
     */
    private String target(ObjectFields step, String kind, String key, boolean required) {
        JsonNode value = step.get(kind);
        if (value.isTextual()) {
            projectors.check(step, kind, value.textValue());
            return value.textValue();
        }
        String sample = "\"" + ("projection".equals(key) ? sampleAddedAtRuntime() : ReadModels.names().get(0)) + "\"";
        String example = "{ \"" + key + "\": " + sample + " } or just " + sample;
        if (!value.isObject()) {
            throw step.error(kind, "must be an object such as " + example + ", got " + JsonValues.describe(value));
        }
        ObjectFields target = step.object(kind, example);
        target.allowOnly(PACED.contains(kind) ? List.of(key, "eventsPerSecond") : List.of(key));
        if (!required && !target.has(key)) {
            return null;
        }
        return projectors.require(target, key);
    }

    private static final List<String> PACED = List.of("rebuild", "addProjection");
    static final long MAX_EVENTS_PER_SECOND = 1_000;

    /** A replay's pace: {@code "eventsPerSecond"} inside the step's object; 0 (as fast as it can) when absent. */
    private static long pace(ObjectFields step, String kind) {
        if (!step.get(kind).isObject()) {
            return 0;
        }
        ObjectFields target = step.object(kind, null);
        return target.has("eventsPerSecond") ? target.wholeNumber("eventsPerSecond", 1, MAX_EVENTS_PER_SECOND,
                "must be between 1 and " + MAX_EVENTS_PER_SECOND) : 0;
    }

    /** A projection a scenario could add, for examples in messages. */
    private static String sampleAddedAtRuntime() {
        List<ReadModelModule<?>> added = ReadModels.addedAtRuntime();
        return added.isEmpty() ? ReadModels.names().get(0) : added.get(0).name();
    }
}
