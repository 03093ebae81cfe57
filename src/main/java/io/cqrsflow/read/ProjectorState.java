package io.cqrsflow.read;

import java.util.Locale;

/** What a projector is doing. */
public enum ProjectorState {
    /** Applying events, or waiting for the next one to become due after its delay. */
    RUNNING,
    /** Stopped by the user; step applies one event. */
    PAUSED,
    /** Replaying from position 0 after its tables were emptied. */
    REBUILDING,
    /** Every event up to the head is applied. */
    CAUGHT_UP,
    /** Applying failed; the event was not applied and the checkpoint did not move. */
    FAILED;

    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
