package io.cqrsflow.flow;

import io.cqrsflow.crud.CrudAnswer;
import io.cqrsflow.eventstore.RecordedEvent;
import io.cqrsflow.read.ProjectorStatus;
import io.cqrsflow.write.CommandEnvelope;
import io.cqrsflow.write.CommandResult;

import java.time.Instant;

/**
 * What happens in the pipeline, as typed signals the UI and the trace subscribe to. Signals arrive on
 * background threads; a UI must hand them to its own thread, coalesced.
 */
public sealed interface FlowSignal {

    Instant at();

    record CommandSubmitted(CommandEnvelope command, Instant at) implements FlowSignal {
    }

    /** Accepted, rejected or conflict: see {@link CommandResult}. */
    record CommandHandled(CommandResult result, Instant at) implements FlowSignal {
    }

    /** The CRUD model beside CQRS (when it is on) answered the same command: updated, rejected or failed. */
    record CrudAnswered(CommandEnvelope command, CrudAnswer answer, Instant at) implements FlowSignal {
    }

    record EventAppended(RecordedEvent event, Instant at) implements FlowSignal {
    }

    /** A projector applied an event; {@code lagMs} is applied-at minus recorded-at. */
    record EventApplied(String projector, RecordedEvent event, long lagMs, Instant at) implements FlowSignal {
    }

    /** A projector's state, checkpoint, delay or lag changed. */
    record LagChanged(ProjectorStatus status, Instant at) implements FlowSignal {
    }

    /** Something a user should know (a read.db rebuilt, a projection added). */
    record Notice(String message, Instant at) implements FlowSignal {
    }
}
