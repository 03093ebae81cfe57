package io.cqrsflow.eventstore;

/** An append whose expected version no longer matches the stream: someone else wrote first. Nothing was written. */
public final class ConcurrencyConflict extends RuntimeException {
    private final String streamId;
    private final long expectedVersion;
    private final long actualVersion;

    public ConcurrencyConflict(String streamId, long expectedVersion, long actualVersion) {
        super("stream " + streamId + " is at version " + actualVersion + ", but version " + expectedVersion
                + " was expected: someone else changed it first");
        this.streamId = streamId;
        this.expectedVersion = expectedVersion;
        this.actualVersion = actualVersion;
    }

    public String streamId() {
        return streamId;
    }

    public long expectedVersion() {
        return expectedVersion;
    }

    public long actualVersion() {
        return actualVersion;
    }
}
