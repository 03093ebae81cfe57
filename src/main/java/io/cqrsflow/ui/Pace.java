package io.cqrsflow.ui;

import java.util.ArrayList;
import java.util.List;

/**
 * How often a view redraws what keeps changing: at once after a quiet spell — one command shows its result in
 * the next frame — and then at most once every {@code gap} while changes keep coming, so that 200 commands a
 * second cost a view a few redraws a second, not one every frame. Nothing is dropped: a change marked during
 * the gap is drawn when the gap is over. FX thread only.
 *
 * <p>Views paced by one {@link Turns} also take turns: at most one of them draws in a frame, the one that has
 * waited longest, so that their redraws spread over frames instead of piling into one long frame.
 */
public final class Pace {
    /** A few times a second: as fast as anyone reads a changing line. */
    public static final long BUSY_GAP_NANOS = 250_000_000L;

    private final long gapNanos;
    private long drawnAt;
    private boolean drawnOnce;
    private boolean pending;

    public Pace(long gapNanos) {
        this.gapNanos = gapNanos;
    }

    public static Pace busy() {
        return new Pace(BUSY_GAP_NANOS);
    }

    /** Something changed that the view has not drawn yet. */
    public void changed() {
        pending = true;
    }

    /** Whether a change waits to be drawn. */
    public boolean pending() {
        return pending;
    }

    /** Whether a change waits and its gap is over. */
    boolean ready(long nowNanos) {
        return pending && (!drawnOnce || nowNanos - drawnAt >= gapNanos);
    }

    /** Whether to draw now (and if so, the change counts as drawn). */
    public boolean due(long nowNanos) {
        if (!ready(nowNanos)) {
            return false;
        }
        drawn(nowNanos);
        return true;
    }

    private void drawn(long nowNanos) {
        pending = false;
        drawnOnce = true;
        drawnAt = nowNanos;
    }

    /** Paced views that take turns, one per frame. FX thread only. */
    public static final class Turns {
        private record Turn(Pace pace, Runnable draw, boolean waitedFor) {
        }

        private final List<Turn> turns = new ArrayList<>();

        /**
         * Adds a view: {@code draw} runs in a frame when {@code pace} is ready and it is this view's turn.
         * {@code waitedFor}: whether {@link #pending} counts it (a fading highlight need not be waited for).
         */
        public void add(Pace pace, Runnable draw, boolean waitedFor) {
            turns.add(new Turn(pace, draw, waitedFor));
        }

        /** Lets the ready view that drew longest ago draw; returns whether one did. */
        public boolean frame(long nowNanos) {
            Turn next = null;
            for (Turn t : turns) {
                if (t.pace.ready(nowNanos) && (next == null || waitedLonger(t.pace, next.pace))) {
                    next = t;
                }
            }
            if (next == null) {
                return false;
            }
            next.pace.drawn(nowNanos);
            next.draw.run();
            return true;
        }

        /** Whether any view waited for has a change left to draw. */
        public boolean pending() {
            for (Turn t : turns) {
                if (t.waitedFor && t.pace.pending()) {
                    return true;
                }
            }
            return false;
        }

        private static boolean waitedLonger(Pace a, Pace b) {
            if (!a.drawnOnce || !b.drawnOnce) {
                return !a.drawnOnce && b.drawnOnce;
            }
            return a.drawnAt < b.drawnAt;
        }
    }
}
