package io.cqrsflow.scenario;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

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

    private static final Pattern JACKSON_LOCATION = Pattern.compile("\\[Source: [^\\]]*?; line: (\\d+), column: (\\d+)]");

    private final ProjectorNames projectors;

    /** @param projectorNames the projectors a scenario may name ("order-list", "order-detail", …) */
    public ScenarioParser(Set<String> projectorNames) {
        this.projectors = new ProjectorNames(projectorNames);
    }

    /** The projector names this parser accepts, sorted. */
    public List<String> projectorNames() {
        return projectors.names();
    }

    /** Reads and checks a scenario file; the file's path is its {@link Scenario#source()}. */
    public Scenario parse(Path file) {
        String source = file.toString();
        return parse(source, ScenarioFileReader.read(source, file));
    }

    /**
     * Checks a scenario given as text.
     *
     * @param sourceName how messages and {@link Scenario#source()} name it ("lesson.json", "built-in:burst")
     */
    public Scenario parse(String sourceName, String json) {
        JsonNode root = tree(sourceName, json);
        if (root == null || root.isMissingNode()) {
            throw new ScenarioException(sourceName, null, null,
                    "the file is empty; a scenario is a JSON object with \"name\" and \"steps\"");
        }
        ObjectFields top = ObjectFields.of(sourceName, null, "", root, "{ \"name\": …, \"steps\": [ … ] }");
        top.allowOnly(TOP_LEVEL_FIELDS);
        String name = top.text("name");
        if (name.isBlank()) {
            throw top.error("name", "must not be blank: it is how the scenario is listed");
        }
        String description = top.optionalText("description").orElse("");
        Map<String, Long> delays = projectorDelays(top);
        List<String> panels = panels(top);
        List<JsonNode> elements = top.array("steps");

        StepReader reader = new StepReader(sourceName, projectors);
        List<ScenarioStep> steps = new ArrayList<>(elements.size());
        for (int i = 0; i < elements.size(); i++) {
            steps.add(reader.read(i + 1, elements.get(i)));
        }
        steps.sort(Comparator.comparingLong(ScenarioStep::atMs)); // List.sort is stable: ties keep file order
        return new Scenario(name, description, delays, steps, sourceName, panels);
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

    private static JsonNode tree(String source, String json) {
        try (JsonParser parser = BoundedJsonReader.FACTORY.createParser(json)) {
            JsonNode root = BoundedJsonReader.read(source, parser);
            if (root != null && parser.nextToken() != null) {
                throw malformed(source, parser.currentTokenLocation(),
                        "more text after the end of the scenario's { … }", null);
            }
            return root;
        } catch (JsonProcessingException e) {
            throw malformed(source, e.getLocation(), e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw ScenarioException.aboutFile(source, "cannot read the text: " + ScenarioFileReader.reason(e), e);
        }
    }

    private static ScenarioException malformed(String source, JsonLocation at, String detail, Throwable cause) {
        // Jackson points at other places as "[Source: …; line: 1, column: 24]"; say it the way we do.
        String plain = JACKSON_LOCATION.matcher(detail).replaceAll("line $1, column $2");
        String problem = "malformed JSON: " + PlainJson.inPlainWords(plain.replaceAll("\\s+", " ").strip());
        if (at == null || at.getLineNr() < 1) {
            return ScenarioException.aboutFile(source, problem, cause);
        }
        return ScenarioException.malformedJson(source, at.getLineNr(), at.getColumnNr(), problem, cause);
    }
}
