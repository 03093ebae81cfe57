package io.cqrsflow.scenario;

import java.util.List;
import java.util.Map;

/**
 * What a {@link ScenarioPlayer} needs of a checked scenario: its settings, how many steps it has, and
 * its steps one at a time in playing order. A {@link Scenario} holds them in a list (a lesson in the
 * window); a {@link StreamedScenario} reads them from its file as they are played (headless play of a
 * big file), so memory does not grow with the number of steps.
 */
public interface ScenarioScript {
    String name();

    String description();

    /** Projector name → delay in ms, in the order the file lists them. */
    Map<String, Long> projectorDelays();

    /** The file path the scenario came from, or {@code "built-in:<id>"}. */
    String source();

    /** The panels the lesson needs on screen, by id; empty: the default screen. */
    List<String> panels();

    /** Whether the lesson asks for the CRUD panel (and with it the CRUD model). */
    default boolean wantsCrud() {
        return panels().contains(Scenario.CRUD_PANEL);
    }

    int stepCount();

    /** A fresh pass over the steps, sorted by {@code atMs} (ties in file order); the caller closes it. */
    StepCursor cursor();
}
