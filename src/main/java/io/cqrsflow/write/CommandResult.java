package io.cqrsflow.write;

import io.cqrsflow.domain.Rule;
import io.cqrsflow.eventstore.RecordedEvent;

import java.util.List;

/** How handling one command ended. */
public sealed interface CommandResult {

    CommandEnvelope command();

    /** The command was accepted and its events are durably recorded. */
    record Accepted(CommandEnvelope command, List<RecordedEvent> events) implements CommandResult {
        public Accepted {
            events = List.copyOf(events);
        }
    }

    /** The command broke a rule; nothing was written. */
    record Rejected(CommandEnvelope command, Rule rule, String message) implements CommandResult {
    }

    /** The stream changed since the version the command expected; nothing was written. */
    record Conflict(CommandEnvelope command, String streamId, long expectedVersion, long actualVersion)
            implements CommandResult {
        public String message() {
            return "conflict on " + streamId + ": expected version " + expectedVersion + " but it is at "
                    + actualVersion + " (someone else changed it first); reload and decide again";
        }
    }
}
