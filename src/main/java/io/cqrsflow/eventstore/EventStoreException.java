package io.cqrsflow.eventstore;

/**
 * A problem with the event store file that a user can act on: not an event store, corrupt, locked by
 * another running copy, written by a newer version. The message names the file and what to do.
 */
public class EventStoreException extends RuntimeException {
    public EventStoreException(String message) {
        super(message);
    }

    public EventStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
