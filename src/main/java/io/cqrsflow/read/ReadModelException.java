package io.cqrsflow.read;

/** A read.db operation failed. The read side can always be rebuilt from events.db. */
public class ReadModelException extends RuntimeException {
    public ReadModelException(String message, Throwable cause) {
        super(message, cause);
    }
}
