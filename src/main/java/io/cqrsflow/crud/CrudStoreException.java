package io.cqrsflow.crud;

/** crud.db cannot be opened or used; the message names the file and what to do. Events are never affected. */
public final class CrudStoreException extends RuntimeException {
    public CrudStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
