package io.cqrsflow.scenario;

import java.util.Objects;

/**
 * Start a new projection while the app runs; it begins at position 0 and catches up from history, at
 * {@code eventsPerSecond} (at 1×) when above 0.
 */
public record AddProjectionStep(int number, long atMs, String projection, long eventsPerSecond)
        implements ScenarioStep {

    /** Catches up as fast as the store allows. */
    public AddProjectionStep(int number, long atMs, String projection) {
        this(number, atMs, projection, 0);
    }

    public AddProjectionStep {
        Objects.requireNonNull(projection, "projection");
    }

    @Override
    public String kind() {
        return "addProjection";
    }
}
