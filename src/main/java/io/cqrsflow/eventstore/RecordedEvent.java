package io.cqrsflow.eventstore;

import io.cqrsflow.domain.Event;

import java.time.Instant;

/**
 * An event as stored: its global position, its place in its stream, and when it was recorded.
 * {@code data} is the JSON text exactly as it stands in events.db.
 */
public record RecordedEvent(long position, String streamId, long streamVersion, String type, Event event,
                            String data, EventMetadata metadata, Instant recordedAt) {
}
