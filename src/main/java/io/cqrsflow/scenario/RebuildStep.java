package io.cqrsflow.scenario;

/**
 * Clear a projection's tables and replay every event from position 0. A null {@code projector} means
 * every running projector.
 */
public record RebuildStep(int number, long atMs, String projector) implements ScenarioStep {

    public boolean allProjectors() {
        return projector == null;
    }

    @Override
    public String kind() {
        return "rebuild";
    }
}
