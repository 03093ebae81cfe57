package io.cqrsflow.app;

import io.cqrsflow.flow.FlowSignal;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Turns a projector's batches of applied events into a progress line at most once a second — where it
 * stands, how fast it goes, how long is left — instead of a line per event, which at a million events
 * would cost more than applying them. The first batch and the one that reaches the head always get a line.
 * Called on the signals thread, and once from the runner ({@link #caughtUpUnheard}).
 */
final class CatchUpProgress {
    static final long EVERY_NANOS = 1_000_000_000L;

    /** One progress line; {@code eventsPerSecond} and {@code secondsLeft} are -1 until known. */
    record Line(String projector, long checkpoint, long head, long eventsPerSecond, long secondsLeft) {
        /** "120000 / 1000001 applied (12 %), 52000 events/s, about 17 s left". */
        String words() {
            long percent = head == 0 ? 100 : checkpoint * 100 / head;
            StringBuilder b = new StringBuilder().append(checkpoint).append(" / ").append(head).append(" applied (")
                    .append(percent).append(" %)");
            if (eventsPerSecond >= 0) {
                b.append(", ").append(eventsPerSecond).append(" events/s");
            }
            if (checkpoint >= head) {
                b.append(", caught up");
            } else if (secondsLeft >= 0) {
                b.append(", about ").append(secondsLeft).append(" s left");
            }
            return b.toString();
        }
    }

    /** Where one projector's run of big batches started, and when its last line was printed. */
    private static final class Run {
        final long startNanos;
        final long startCheckpoint;
        long printedNanos;

        Run(long startNanos, long startCheckpoint) {
            this.startNanos = startNanos;
            this.startCheckpoint = startCheckpoint;
        }
    }

    private final Consumer<Line> print;
    private final LongSupplier nanos;
    private final Map<String, Run> runs = new HashMap<>();
    /** The checkpoint each projector was last said to be caught up at. */
    private final Map<String, Long> caughtUpAt = new HashMap<>();

    CatchUpProgress(Consumer<Line> print) {
        this(print, System::nanoTime);
    }

    CatchUpProgress(Consumer<Line> print, LongSupplier nanos) {
        this.print = print;
        this.nanos = nanos;
    }

    /** Whether that projector is in a run of progress lines that has not reached the head yet. */
    synchronized boolean catchingUp(String projector) {
        return runs.containsKey(projector);
    }

    synchronized void applied(FlowSignal.EventsApplied batch) {
        long now = nanos.getAsLong();
        long checkpoint = batch.last().position();
        long head = Math.max(batch.head(), checkpoint);
        Run run = runs.get(batch.projector());
        boolean first = run == null;
        if (first) {
            run = new Run(now, batch.events().get(0).position() - 1);
            runs.put(batch.projector(), run);
        }
        boolean done = checkpoint >= head;
        if (!first && !done && now - run.printedNanos < EVERY_NANOS) {
            return;
        }
        run.printedNanos = now;
        long rate = -1;
        long left = -1;
        double seconds = (now - run.startNanos) / 1e9;
        if (!first && seconds > 0) {
            double perSecond = (checkpoint - run.startCheckpoint) / seconds;
            rate = Math.round(perSecond);
            left = perSecond > 0 ? (long) Math.ceil((head - checkpoint) / perSecond) : -1;
        }
        if (done) {
            runs.remove(batch.projector()); // a later rebuild starts a run of its own
            caughtUpAt.put(batch.projector(), checkpoint);
        }
        print.accept(new Line(batch.projector(), checkpoint, head, rate, left));
    }

    /**
     * A projector found at the head once every signal so far has been heard, that no line has said caught up
     * there: its batches went by before the trace listened (it started beside events.db's check, and a small
     * store is caught up in a batch or two). One line saying so. Any thread.
     */
    synchronized void caughtUpUnheard(String projector, long checkpoint) {
        if (caughtUpAt.getOrDefault(projector, -1L) >= checkpoint) {
            return;
        }
        caughtUpAt.put(projector, checkpoint);
        print.accept(new Line(projector, checkpoint, checkpoint, -1, -1));
    }
}
