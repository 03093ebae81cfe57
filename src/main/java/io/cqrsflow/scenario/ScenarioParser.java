package io.cqrsflow.scenario;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reads a scenario file and checks all of it before returning, so a scenario either plays from start
 * to finish or is refused before anything happens. Every refusal is a {@link ScenarioException} whose
 * message is one line naming the file, the step and the field.
 *
 * <p>Only the shape is checked (kinds, types, names, ranges). Commands that break a business rule
 * are read as written: showing the domain reject them is what some scenarios are for.
 */
public final class ScenarioParser {
    private static final List<String> TOP_LEVEL_FIELDS = List.of("name", "description", "projectors", "panels",
            "steps");

    private final ProjectorNames projectors;

    /** @param projectorNames the projectors a scenario may name ("order-list", "order-detail", …) */
    public ScenarioParser(Set<String> projectorNames) {
        this.projectors = new ProjectorNames(projectorNames);
    }

    /** The projector names this parser accepts, sorted. */
    public List<String> projectorNames() {
        return projectors.names();
    }

    /**
     * Reads and checks a scenario file whole, into a list of steps (the window, --snapshot); the file's
     * path is its {@link Scenario#source()}.
     */
    public Scenario parse(Path file) {
        String source = file.toString();
        try (Reader text = ScenarioFileReader.open(source, file, ScenarioFileLimits.WHOLE)) {
            return whole(source, text);
        } catch (IOException e) {
            throw ScenarioFileReader.failure(source, e, ScenarioFileLimits.WHOLE);
        }
    }

    /**
     * Checks a scenario given as text.
     *
     * @param sourceName how messages and {@link Scenario#source()} name it ("lesson.json", "built-in:burst")
     */
    public Scenario parse(String sourceName, String json) {
        return whole(sourceName, new StringReader(json));
    }

    /**
     * Checks a scenario file for headless play, all of it, in one pass that keeps no step: it is refused
     * before anything plays, or played as it is read again ({@link StreamedScenario}). A file whose steps
     * are not in time order is read whole instead, within the window's limits, to be sorted.
     */
    public ScenarioScript stream(Path file) {
        String source = file.toString();
        StreamedScenario.Stamp stamp = StreamedScenario.Stamp.of(source, file);
        Pass pass;
        try (Reader text = ScenarioFileReader.open(source, file, ScenarioFileLimits.STREAMED)) {
            pass = pass(source, text, ScenarioFileLimits.STREAMED, step -> { });
        } catch (IOException e) {
            throw ScenarioFileReader.failure(source, e, ScenarioFileLimits.STREAMED);
        }
        if (pass.outOfOrder() == null) {
            return new StreamedScenario(pass.header(), pass.steps(), file, stamp, projectors);
        }
        if (pass.steps() <= ScenarioFileLimits.MAX_STEPS && stamp.size() <= ScenarioFileLimits.MAX_FILE_BYTES) {
            return parse(file);
        }
        throw pass.outOfOrder();
    }

    private Scenario whole(String source, Reader text) {
        List<ScenarioStep> steps = new ArrayList<>();
        Pass pass = pass(source, text, ScenarioFileLimits.WHOLE, steps::add);
        steps.sort(Comparator.comparingLong(ScenarioStep::atMs)); // List.sort is stable: ties keep file order
        Header h = pass.header();
        return new Scenario(h.name(), h.description(), h.projectorDelays(), steps, source, h.panels());
    }

    /** A scenario's settings: everything but its steps. */
    record Header(String name, String description, Map<String, Long> projectorDelays, List<String> panels) {
    }

    /**
     * What one checking pass found.
     *
     * @param outOfOrder a refusal naming the first step earlier than the one before it; null when in order
     */
    private record Pass(Header header, int steps, ScenarioException outOfOrder) {
    }

    /**
     * Reads the whole text once, giving each step to {@code sink} as it is read. Refusals come in the
     * order a reader of the file would want them, the same as when it was read into one tree: malformed
     * JSON or a limit anywhere in the file, then the top-level fields, then the first step in error.
     */
    private Pass pass(String source, Reader text, ScenarioFileLimits.Mode mode, Consumer<ScenarioStep> sink) {
        StepReader reader = new StepReader(source, projectors);
        ScenarioException stepError = null;
        ScenarioException outOfOrder = null;
        long lastAtMs = 0;
        try (StepStream stream = new StepStream(source, text, mode)) {
            if (stream.start() == null) {
                throw new ScenarioException(source, null, null,
                        "the file is empty; a scenario is a JSON object with \"name\" and \"steps\"");
            }
            for (JsonNode element = stream.next(); element != null; element = stream.next()) {
                if (stepError != null) {
                    continue; // the rest is still read: malformed JSON further on is said first
                }
                try {
                    ScenarioStep step = reader.read(stream.count(), element);
                    if (step.atMs() < lastAtMs && outOfOrder == null) {
                        outOfOrder = new ScenarioException(source, step.number(), "atMs", "is " + step.atMs()
                                + ", earlier than the step before it (" + lastAtMs + "); a scenario of more than "
                                + ScenarioFileLimits.MAX_STEPS + " steps or " + ScenarioFileLimits.MAX_FILE_BYTES / (1024 * 1024)
                                + " MB is played as it is read, so its steps must be in time order");
                    }
                    lastAtMs = Math.max(lastAtMs, step.atMs());
                    sink.accept(step);
                } catch (ScenarioException e) {
                    stepError = e;
                }
            }
            Header header = header(source, stream.finish());
            if (stepError != null) {
                throw stepError;
            }
            return new Pass(header, stream.count(), outOfOrder);
        }
    }

    private Header header(String source, JsonNode root) {
        ObjectFields top = ObjectFields.of(source, null, "", root, "{ \"name\": …, \"steps\": [ … ] }");
        top.allowOnly(TOP_LEVEL_FIELDS);
        String name = top.text("name");
        if (name.isBlank()) {
            throw top.error("name", "must not be blank: it is how the scenario is listed");
        }
        String description = top.optionalText("description").orElse("");
        Map<String, Long> delays = projectorDelays(top);
        List<String> panels = panels(top);
        top.array("steps"); // an array, read by now; or missing, or not an array: refused here
        return new Header(name, description, delays, panels);
    }

    private Map<String, Long> projectorDelays(ObjectFields top) {
        Map<String, Long> delays = new LinkedHashMap<>();
        if (!top.has("projectors")) {
            return delays;
        }
        ObjectFields section = top.object("projectors", "{ \"order-list\": { \"delayMs\": 3000 } }");
        for (String projector : section.keys()) {
            projectors.check(section, projector, projector);
            ObjectFields settings = section.object(projector, "{ \"delayMs\": 3000 }");
            settings.allowOnly(List.of("delayMs"));
            delays.put(projector, StepReader.delayMs(settings));
        }
        return delays;
    }

    /** The "panels" list: ids of read models or "crud", each at most once; absent means the default screen. */
    private static List<String> panels(ObjectFields top) {
        List<String> panels = new ArrayList<>();
        if (!top.has("panels")) {
            return panels;
        }
        List<String> known = Scenario.panelIds();
        List<JsonNode> elements = top.array("panels");
        for (int i = 0; i < elements.size(); i++) {
            JsonNode element = elements.get(i);
            String field = "panels[" + i + "]";
            if (!element.isTextual()) {
                throw top.error(field, "must be a panel id in quotes, got " + JsonValues.describe(element)
                        + "; the panels are: " + String.join(", ", known));
            }
            String id = element.asText();
            if (!known.contains(id)) {
                throw top.error(field, "unknown panel " + JsonValues.quote(id)
                        + DidYouMean.closest(id, known).map(c -> " (did you mean " + JsonValues.quote(c) + "?)").orElse("")
                        + "; the panels are: " + String.join(", ", known));
            }
            if (panels.contains(id)) {
                throw top.error(field, "lists " + JsonValues.quote(id) + " twice");
            }
            panels.add(id);
        }
        return panels;
    }
}
