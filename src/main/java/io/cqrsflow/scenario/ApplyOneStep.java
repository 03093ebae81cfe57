package io.cqrsflow.scenario;

import java.util.Objects;

/** Let a paused projector apply exactly one event (the JSON key is {@code "step"}). */
public record ApplyOneStep(int number, long atMs, String projector) implements ScenarioStep {

    public ApplyOneStep {
        Objects.requireNonNull(projector, "projector");
    }

    @Override
    public String kind() {
        return "step";
    }
}
