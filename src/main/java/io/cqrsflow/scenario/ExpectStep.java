package io.cqrsflow.scenario;

import java.util.Objects;

/** States what must be true at this moment; checked when it plays, and a failed one fails the step. */
public record ExpectStep(int number, long atMs, Check check) implements ScenarioStep {

    public ExpectStep {
        Objects.requireNonNull(check, "check");
    }

    @Override
    public String kind() {
        return "expect";
    }
}
