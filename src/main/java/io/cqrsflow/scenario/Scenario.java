package io.cqrsflow.scenario;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A scripted lesson: the projectors' starting delays and the steps to play, already validated.
 *
 * @param projectorDelays projector name → delay in ms, in the order the file lists them
 * @param steps           sorted by {@code atMs}; steps at the same time keep their file order
 * @param source          the file path the scenario came from, or {@code "built-in:<id>"}
 */
public record Scenario(String name, String description, Map<String, Long> projectorDelays,
                       List<ScenarioStep> steps, String source) {

    public Scenario {
        Objects.requireNonNull(name, "name");
        description = description == null ? "" : description;
        projectorDelays = Collections.unmodifiableMap(new LinkedHashMap<>(projectorDelays));
        steps = List.copyOf(steps);
        Objects.requireNonNull(source, "source");
    }
}
