package io.cqrsflow.eventstore;

/**
 * Why an event exists: the command that caused it, the conversation it belongs to (correlation) and
 * the message that directly caused it (causation). Stored as JSON in the {@code metadata} column.
 */
public record EventMetadata(String commandId, String correlationId, String causationId) {

    public static EventMetadata forCommand(String commandId) {
        return new EventMetadata(commandId, commandId, commandId);
    }
}
