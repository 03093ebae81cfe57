package io.cqrsflow.flow;

import io.cqrsflow.crud.CrudAnswer;
import io.cqrsflow.eventstore.RecordedEvent;
import io.cqrsflow.read.ProjectorStatus;
import io.cqrsflow.write.CommandEnvelope;
import io.cqrsflow.write.CommandResult;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

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

    /**
     * A projector applied a batch of events, in position order, committed together with its checkpoint —
     * one signal per batch, not per event, so that catching up on a million events costs a thousand
     * signals. A live lesson's batch is usually one event.
     *
     * @param events the batch, never empty
     * @param head   the store's head when the batch was applied, for "n of m"
     */
    record EventsApplied(String projector, List<RecordedEvent> events, long head, Instant at) implements FlowSignal {
        public EventsApplied {
            events = List.copyOf(events);
            if (events.isEmpty()) {
                throw new IllegalArgumentException("a batch of applied events is never empty");
            }
        }

        /** The last event of the batch: the projector's checkpoint now. */
        public RecordedEvent last() {
            return events.get(events.size() - 1);
        }

        /** Applied-at minus recorded-at of one event of the batch. */
        public long lagMs(RecordedEvent event) {
            return Duration.between(event.recordedAt(), at).toMillis();
        }
    }

    /** A projector's state, checkpoint, delay or lag changed. */
    record LagChanged(ProjectorStatus status, Instant at) implements FlowSignal {
    }

    /** Something a user should know (a read.db rebuilt, a projection added). */
    record Notice(String message, Instant at) implements FlowSignal {
    }
}
