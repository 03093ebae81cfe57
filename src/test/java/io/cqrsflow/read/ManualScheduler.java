package io.cqrsflow.read;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * A scheduler driven by the test: tasks run only in {@link #runDue()}, timers fire only when the
 * {@link MutableClock} has passed their time. Deterministic, and no test sleeps.
 */
public final class ManualScheduler implements Scheduler {
    private final MutableClock clock;
    private final Deque<Runnable> ready = new ArrayDeque<>();
    private final List<Timer> timers = new ArrayList<>();

    private record Timer(long dueAt, Runnable task, boolean[] cancelled) {
    }

    public ManualScheduler(MutableClock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized void execute(Runnable task) {
        ready.addLast(task);
    }

    @Override
    public synchronized Cancellable schedule(Runnable task, long delayMs) {
        boolean[] cancelled = {false};
        timers.add(new Timer(clock.millis() + Math.max(0, delayMs), task, cancelled));
        return () -> cancelled[0] = true;
    }

    /** Runs every task that is ready and every timer that is due, until nothing is left to run now. */
    public void runDue() {
        while (true) {
            Runnable next;
            synchronized (this) {
                timers.removeIf(t -> t.cancelled()[0]);
                for (Timer t : List.copyOf(timers)) {
                    if (t.dueAt() <= clock.millis()) {
                        timers.remove(t);
                        ready.addLast(t.task());
                    }
                }
                next = ready.pollFirst();
            }
            if (next == null) {
                return;
            }
            next.run();
        }
    }

    /** Moves the clock and runs whatever became due. */
    public void advance(long ms) {
        clock.advanceMs(ms);
        runDue();
    }

    /** When the earliest timer not cancelled is due, in the clock's millis; -1 when none is. */
    public synchronized long nextDueAt() {
        timers.removeIf(t -> t.cancelled()[0]);
        long earliest = -1;
        for (Timer t : timers) {
            if (earliest < 0 || t.dueAt() < earliest) {
                earliest = t.dueAt();
            }
        }
        return earliest;
    }

    /** Runs everything, moving the clock from timer to timer, until {@code done} or nothing is left to run. */
    public void runUntil(java.util.function.BooleanSupplier done) {
        runDue();
        while (!done.getAsBoolean()) {
            long due = nextDueAt();
            if (due < 0) {
                return;
            }
            clock.advanceMs(Math.max(0, due - clock.millis()));
            runDue();
        }
    }

    public synchronized int pendingTimers() {
        timers.removeIf(t -> t.cancelled()[0]);
        return timers.size();
    }

    @Override
    public void close() {
    }
}
