package io.cqrsflow.scenario;

/**
 * Clear a projection's tables and replay every event from position 0. A null {@code projector} means
 * every running projector. {@code eventsPerSecond} above 0 replays at that pace (at 1×), slow enough to watch.
 */
public record RebuildStep(int number, long atMs, String projector, long eventsPerSecond) implements ScenarioStep {

    /** As fast as the store allows. */
    public RebuildStep(int number, long atMs, String projector) {
        this(number, atMs, projector, 0);
    }

    public boolean allProjectors() {
        return projector == null;
    }

    @Override
    public String kind() {
        return "rebuild";
    }
}
