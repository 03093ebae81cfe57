package io.cqrsflow.ui.eventstore;

import io.cqrsflow.eventstore.RecordedEvent;

/** A row of the event table: a recorded event, or a placeholder while its page is being read. */
public record EventRow(long position, RecordedEvent event, long arrivedNanos) {

    public boolean loaded() {
        return event != null;
    }
}
