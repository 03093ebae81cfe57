package io.cqrsflow.read;

import java.time.Duration;
import java.time.Instant;

/**
 * An immutable snapshot of one projector's staleness, published whenever it changes.
 *
 * @param oldestUnappliedAt recorded_at of the oldest event not yet applied, null when caught up; the
 *                          UI can compute a live "time behind" from it without asking again
 * @param rebuildTarget     while rebuilding, the head position the rebuild is catching up to
 * @param problem           why the projector failed, or null
 */
public record ProjectorStatus(String name, ProjectorState state, long delayMs, long checkpoint, long head,
                              Instant oldestUnappliedAt, long rebuildTarget, Instant at, String problem) {

    /** The longest delay a projector takes (its slider's end, a scenario's limit). */
    public static final long MAX_DELAY_MS = 10_000;

    /** head − checkpoint. */
    public long eventsBehind() {
        return Math.max(0, head - checkpoint);
    }

    /** now − recorded_at of the oldest unapplied event; 0 when caught up. */
    public long timeBehindMs(Instant now) {
        if (oldestUnappliedAt == null || eventsBehind() == 0) {
            return 0;
        }
        return Math.max(0, Duration.between(oldestUnappliedAt, now).toMillis());
    }

    public long timeBehindMs() {
        return timeBehindMs(at);
    }

    /** 0..1 while rebuilding. */
    public double rebuildProgress() {
        return rebuildTarget <= 0 ? 1.0 : Math.min(1.0, (double) checkpoint / rebuildTarget);
    }
}
