package io.cqrsflow.scenario;

/**
 * One pass over a scenario's steps in playing order, a step at a time.
 *
 * <p>Reading a streamed file may fail (it changed since it was checked): then {@link #peek()} and
 * {@link #take()} throw a {@link ScenarioException} naming the step.
 */
public interface StepCursor extends AutoCloseable {
    /** The next step, without moving past it; null after the last. */
    ScenarioStep peek();

    /** The next step, moving past it; null after the last. */
    ScenarioStep take();

    @Override
    void close();

    /** A cursor over a list already in playing order. */
    static StepCursor over(java.util.List<ScenarioStep> steps) {
        return new StepCursor() {
            private int next;

            @Override
            public ScenarioStep peek() {
                return next < steps.size() ? steps.get(next) : null;
            }

            @Override
            public ScenarioStep take() {
                return next < steps.size() ? steps.get(next++) : null;
            }

            @Override
            public void close() {
            }
        };
    }
}
