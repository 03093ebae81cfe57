package io.cqrsflow.scenario;

import java.util.Objects;

/** Let a paused projector apply events again, so it catches up. */
public record ResumeStep(int number, long atMs, String projector) implements ScenarioStep {

    public ResumeStep {
        Objects.requireNonNull(projector, "projector");
    }

    @Override
    public String kind() {
        return "resume";
    }
}
