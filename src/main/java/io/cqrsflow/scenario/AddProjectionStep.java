package io.cqrsflow.scenario;

import java.util.Objects;

/** Start a new projection while the app runs; it begins at position 0 and catches up from history. */
public record AddProjectionStep(int number, long atMs, String projection) implements ScenarioStep {

    public AddProjectionStep {
        Objects.requireNonNull(projection, "projection");
    }

    @Override
    public String kind() {
        return "addProjection";
    }
}
