package io.cqrsflow.scenario;

import java.util.Objects;

/** Change how long a projector waits after an event is recorded before it applies it (0–10 000 ms). */
public record SetDelayStep(int number, long atMs, String projector, long delayMs) implements ScenarioStep {

    public SetDelayStep {
        Objects.requireNonNull(projector, "projector");
    }

    @Override
    public String kind() {
        return "setDelay";
    }
}
