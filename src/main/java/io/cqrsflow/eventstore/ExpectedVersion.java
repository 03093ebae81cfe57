package io.cqrsflow.eventstore;

/** Special values for the expected version of an append. Otherwise it is the stream's last version. */
public final class ExpectedVersion {
    /** Append whatever the stream's current version is. */
    public static final long ANY = -1;
    /** The stream must not exist yet. */
    public static final long NO_STREAM = 0;

    private ExpectedVersion() {
    }
}
