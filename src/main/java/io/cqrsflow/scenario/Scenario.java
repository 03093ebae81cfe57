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
 * @param panels          the panels the lesson needs on screen, by id ({@link #panelIds()}); empty: the default
 *                        screen. {@value #CRUD_PANEL} also switches the CRUD model on before the first step.
 */
public record Scenario(String name, String description, Map<String, Long> projectorDelays,
                       List<ScenarioStep> steps, String source, List<String> panels) implements ScenarioScript {

    /** The id of the CRUD panel (and model) in {@code "panels"}. */
    public static final String CRUD_PANEL = "crud";

    public Scenario {
        Objects.requireNonNull(name, "name");
        description = description == null ? "" : description;
        projectorDelays = Collections.unmodifiableMap(new LinkedHashMap<>(projectorDelays));
        steps = List.copyOf(steps);
        Objects.requireNonNull(source, "source");
        panels = panels == null ? List.of() : List.copyOf(panels);
    }

    /** A scenario that asks for no panels: the default screen. */
    public Scenario(String name, String description, Map<String, Long> projectorDelays, List<ScenarioStep> steps,
                    String source) {
        this(name, description, projectorDelays, steps, source, List.of());
    }

    /** Whether the lesson asks for the CRUD panel (and with it the CRUD model). */
    @Override
    public boolean wantsCrud() {
        return panels.contains(CRUD_PANEL);
    }

    @Override
    public int stepCount() {
        return steps.size();
    }

    @Override
    public StepCursor cursor() {
        return StepCursor.over(steps);
    }

    /** The ids {@code "panels"} may list: every read model's name, then {@value #CRUD_PANEL}. */
    public static List<String> panelIds() {
        List<String> ids = new java.util.ArrayList<>(io.cqrsflow.read.ReadModels.names());
        ids.add(CRUD_PANEL);
        return List.copyOf(ids);
    }
}
