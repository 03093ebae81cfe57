package io.cqrsflow.scenario;

import java.util.Objects;

/** Stop a projector applying events; the events keep arriving and it falls behind. */
public record PauseStep(int number, long atMs, String projector) implements ScenarioStep {

    public PauseStep {
        Objects.requireNonNull(projector, "projector");
    }

    @Override
    public String kind() {
        return "pause";
    }
}
