package io.cqrsflow.flow;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * How fast one projector's checkpoint climbs, over the last few seconds, and so how long it still needs:
 * the "about 8 s left" of a rebuild or a catch-up. Fed with (time, checkpoint) samples on any clock;
 * not thread-safe (one owner: the waiting thread, or the FX thread for a lane).
 */
public final class CatchUpRate {
    /** Samples older than this are dropped: the rate follows the recent pace, not the average since the start. */
    static final long WINDOW_MS = 5_000;

    private record Sample(long atMs, long checkpoint) {
    }

    private final Deque<Sample> samples = new ArrayDeque<>();

    /** Records where the checkpoint stands at {@code atMs}; a checkpoint that went back (a rebuild) starts afresh. */
    public void sample(long atMs, long checkpoint) {
        Sample last = samples.peekLast();
        if (last != null && (checkpoint < last.checkpoint() || atMs < last.atMs())) {
            samples.clear();
        }
        samples.addLast(new Sample(atMs, checkpoint));
        while (samples.size() > 2 && atMs - samples.peekFirst().atMs() > WINDOW_MS) {
            samples.removeFirst();
        }
    }

    /** Events applied per second over the window; 0 until two samples a moment apart are in. */
    public double eventsPerSecond() {
        if (samples.size() < 2) {
            return 0;
        }
        Sample first = samples.peekFirst();
        Sample last = samples.peekLast();
        long ms = last.atMs() - first.atMs();
        return ms <= 0 ? 0 : (last.checkpoint() - first.checkpoint()) * 1000.0 / ms;
    }

    /** Milliseconds until the checkpoint reaches {@code target} at the current pace; -1 while unknown. */
    public long msLeft(long target) {
        Sample last = samples.peekLast();
        if (last == null) {
            return -1;
        }
        if (last.checkpoint() >= target) {
            return 0;
        }
        double rate = eventsPerSecond();
        return rate <= 0 ? -1 : Math.round((target - last.checkpoint()) * 1000.0 / rate);
    }

    public void reset() {
        samples.clear();
    }
}
