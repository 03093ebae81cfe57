package io.cqrsflow.load;

import io.cqrsflow.flow.FlowClient;
import io.cqrsflow.read.Scheduler;
import io.cqrsflow.write.CommandResult;

import java.time.Clock;
import java.util.concurrent.CompletableFuture;

/**
 * Sends a {@link LoadMix}'s commands through the {@link FlowClient} at a steady rate, for a while or until
 * stopped. The rate is kept by the clock, not by sleeping: command k (counted from the last change of rate)
 * is due at {@code k / rate} seconds, and each wake-up sends every command due by then — so a late wake-up
 * does not lower the rate. It never has more than {@link #MAX_IN_FLIGHT} commands unanswered: when the
 * engine cannot keep up, the generator waits for it and counts the commands it sends late.
 *
 * <p>Used by the window's load generator and by the scenario step {@code load}; its time comes from a
 * {@link Clock} and its wake-ups from a {@link Scheduler}, so a test drives it on a virtual clock.
 */
public final class LoadRun {
    public static final double MIN_RATE = 1;
    public static final double MAX_RATE = 1_000;
    static final int MAX_IN_FLIGHT = 500;

    private final FlowClient client;
    private final LoadMix mix;
    private final Scheduler scheduler;
    private final Clock clock;
    private final long durationMs;
    private final CompletableFuture<LoadReport> finished = new CompletableFuture<>();

    // Guarded by this.
    private double rate;
    private long startedAt = -1;
    private long baseAt;
    private long baseSent;
    private long sent;
    private long answered;
    private long accepted;
    private long rejected;
    private long conflicts;
    private long failed;
    private long late;
    private long lastAnsweredAt;
    private boolean stopped;
    private Scheduler.Cancellable wake;

    /** {@code durationMs} 0: until {@link #stop()}. */
    public LoadRun(FlowClient client, LoadMix mix, double commandsPerSecond, long durationMs, Scheduler scheduler,
                   Clock clock) {
        this.client = client;
        this.mix = mix;
        this.scheduler = scheduler;
        this.clock = clock;
        this.durationMs = Math.max(0, durationMs);
        this.rate = clampRate(commandsPerSecond);
    }

    /** A run on a thread of its own, which ends with the run; for the window and the scenario step. */
    public static LoadRun onItsOwnThread(FlowClient client, LoadMix mix, double commandsPerSecond, long durationMs) {
        LoadThread thread = new LoadThread();
        LoadRun run = new LoadRun(client, mix, commandsPerSecond, durationMs, thread, client.clock());
        run.finished.whenComplete((r, e) -> thread.close());
        return run;
    }

    public static double clampRate(double r) {
        return Math.max(MIN_RATE, Math.min(MAX_RATE, r));
    }

    public synchronized void start() {
        if (startedAt >= 0) {
            return;
        }
        startedAt = clock.millis();
        baseAt = startedAt;
        lastAnsweredAt = startedAt;
        wake = scheduler.schedule(this::tick, 0);
    }

    /** A new rate from now on; the commands already sent stand. */
    public synchronized void setRate(double commandsPerSecond) {
        double next = clampRate(commandsPerSecond);
        if (next == rate || startedAt < 0) {
            rate = next;
            return;
        }
        baseAt = clock.millis();
        baseSent = sent;
        rate = next;
        reschedule(0);
    }

    public synchronized double rate() {
        return rate;
    }

    /** Sends no more; {@link #finished()} completes once the commands sent have been answered. */
    public synchronized void stop() {
        stopped = true;
        if (wake != null) {
            wake.cancel();
        }
        finishIfDone();
    }

    /** Completes with the report once the run is over (its time is up, or stopped) and every command answered. */
    public CompletableFuture<LoadReport> finished() {
        return finished;
    }

    /** The figures so far, over the time since the start; any thread. */
    public synchronized LoadReport report() {
        long end = stopped ? lastAnsweredAt : clock.millis();
        return new LoadReport(rate, sent, answered, accepted, rejected, conflicts, failed, late,
                startedAt < 0 ? 0 : Math.max(0, end - startedAt));
    }

    /** Commands sent so far. */
    public synchronized long sent() {
        return sent;
    }

    /** How many commands should have been sent by {@code now}. */
    private long due(long now) {
        long byRate = baseSent + (long) Math.floor((now - baseAt) * rate / 1000.0);
        return durationMs > 0 ? Math.min(byRate, total()) : byRate;
    }

    private long total() {
        // The last rate holds to the end: commands so far, plus the rest of the time at the current rate.
        return baseSent + Math.round((startedAt + durationMs - baseAt) * rate / 1000.0);
    }

    private void tick() {
        synchronized (this) {
            wake = null;
            if (stopped) {
                return;
            }
            long now = clock.millis();
            long due = due(now);
            while (sent < due && sent - answered < MAX_IN_FLIGHT) {
                send();
            }
            if (durationMs > 0 && sent >= total()) {
                stopped = true;
                finishIfDone();
                return;
            }
            long nextAt = sent < due ? now + 5 : baseAt + (long) Math.ceil((sent - baseSent + 1) * 1000.0 / rate);
            reschedule(Math.max(0, nextAt - now));
        }
    }

    private void reschedule(long delayMs) {
        if (wake != null) {
            wake.cancel();
        }
        wake = scheduler.schedule(this::tick, delayMs);
    }

    private void send() {
        long dueAt = baseAt + (long) Math.ceil((sent - baseSent + 1) * 1000.0 / rate);
        if (clock.millis() - dueAt > 100) {
            late++;
        }
        sent++;
        LoadMix.Next next = mix.next();
        client.submit(next.command()).whenComplete((result, failure) -> answered(result, failure));
    }

    private synchronized void answered(CommandResult result, Throwable failure) {
        answered++;
        lastAnsweredAt = clock.millis();
        if (failure != null) {
            failed++;
        } else if (result instanceof CommandResult.Accepted) {
            accepted++;
        } else if (result instanceof CommandResult.Rejected) {
            rejected++;
        } else {
            conflicts++;
        }
        finishIfDone();
    }

    private void finishIfDone() {
        if (stopped && answered == sent && !finished.isDone()) {
            LoadReport r = new LoadReport(rate, sent, answered, accepted, rejected, conflicts, failed, late,
                    Math.max(0, lastAnsweredAt - startedAt));
            finished.complete(r);
        }
    }
}
