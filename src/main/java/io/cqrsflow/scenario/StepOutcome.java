package io.cqrsflow.scenario;

import io.cqrsflow.read.QueryAnswer;
import io.cqrsflow.write.CommandResult;

/** What playing one step produced. */
public sealed interface StepOutcome {

    record CommandOutcome(CommandResult result) implements StepOutcome {
    }

    /** A query's answer as it stood at that moment. */
    record QueryOutcome(QueryAnswer<?> answer) implements StepOutcome {
    }

    /** A note, or a projector control (setDelay, pause, …) that was carried out; {@code text} says what. */
    record Done(String text) implements StepOutcome {
    }

    /** The step could not be carried out (e.g. it names a projector that is not running). */
    record Failed(String message) implements StepOutcome {
    }
}
