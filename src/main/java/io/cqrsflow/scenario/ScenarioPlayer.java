package io.cqrsflow.scenario;

import io.cqrsflow.flow.FlowClient;
import io.cqrsflow.read.ProjectorStatus;
import io.cqrsflow.read.Query;
import io.cqrsflow.read.QueryAnswer;
import io.cqrsflow.read.QuerySource;
import io.cqrsflow.read.Scheduler;
import io.cqrsflow.write.CommandEnvelope;
import io.cqrsflow.write.CommandResult;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Plays a scenario against an engine in real time: each step at {@code atMs / speed} after the start.
 * Speed scales projector delays alike, so a scenario tells the same story faster or slower. Steps run
 * one at a time, in order, on the player's own thread; a command step waits for its result, so the
 * next step sees its effect on the write model.
 *
 * <p>The player can be paused (its clock stops), resumed, and advanced by one step at once.
 *
 * <p>Its time comes from a {@link Clock} and its steps run on a {@link Scheduler}, both given to it, so
 * that a test can drive the timing by hand instead of sleeping.
 */
public final class ScenarioPlayer implements AutoCloseable {

    /** Told about every step as it is played, on the player's thread. */
    public interface Listener {
        void played(ScenarioStep step, long elapsedMs, StepOutcome outcome);
    }

    private final FlowClient engine;
    private final Scenario scenario;
    private final double speed;
    private final Listener listener;
    private final String runId;
    private final Scheduler scheduler;
    private final Clock clock;
    private final CompletableFuture<Void> finished = new CompletableFuture<>();

    // Guarded by this.
    private int next;
    private long playedMs;
    private long runningSince = -1;
    private boolean paused;
    private boolean closed;
    private Scheduler.Cancellable pending;

    /**
     * Plays on a thread of its own, timed by the engine's clock — the clock the projectors' delays are
     * measured on, so a step and a delay scaled by the same speed stay in step.
     */
    public ScenarioPlayer(FlowClient engine, Scenario scenario, double speed, Listener listener) {
        this(engine, scenario, speed, listener, new PlayerThread(), engine.clock());
    }

    /** Plays its steps on {@code scheduler} (which it closes when closed), timed by {@code clock}. */
    public ScenarioPlayer(FlowClient engine, Scenario scenario, double speed, Listener listener,
                          Scheduler scheduler, Clock clock) {
        if (!(speed > 0)) {
            throw new IllegalArgumentException("speed must be above 0, got " + speed);
        }
        this.engine = engine;
        this.scenario = scenario;
        this.speed = speed;
        this.listener = listener;
        this.runId = Long.toString(System.nanoTime(), 36);
        this.scheduler = scheduler;
        this.clock = clock;
    }

    /** Applies the scenario's projector delays and starts its clock. */
    public synchronized void start() {
        start(false);
    }

    /**
     * Applies the scenario's projector delays; starts the clock unless {@code startPaused}, in which case
     * nothing plays until {@link #resume()} or {@link #stepNow()} (which plays exactly the first step).
     */
    public synchronized void start(boolean startPaused) {
        for (Map.Entry<String, Long> delay : scenario.projectorDelays().entrySet()) {
            // A projector the scenario adds later is not running yet: its delay is set when it is added.
            engine.setDelay(delay.getKey(), scaled(delay.getValue()));
        }
        runningSince = clock.millis();
        if (startPaused) {
            paused = true;
            if (scenario.steps().isEmpty()) {
                finished.complete(null);
            }
            return;
        }
        scheduleNext();
    }

    public synchronized void pause() {
        if (paused || runningSince < 0) {
            return;
        }
        paused = true;
        playedMs += clock.millis() - runningSince;
        if (pending != null) {
            pending.cancel();
        }
    }

    public synchronized void resume() {
        if (!paused) {
            return;
        }
        paused = false;
        runningSince = clock.millis();
        scheduleNext();
    }

    /** Plays the next step now, moving the scenario clock forward to it. */
    public synchronized void stepNow() {
        if (closed || next >= scenario.steps().size()) {
            return;
        }
        long target = (long) (scenario.steps().get(next).atMs() / speed);
        long elapsed = elapsedMs();
        if (target > elapsed) {
            playedMs += target - elapsed;
        }
        if (pending != null) {
            pending.cancel();
        }
        pending = scheduler.schedule(this::playNext, 0);
    }

    public synchronized boolean isPaused() {
        return paused;
    }

    /** How many steps have been played. */
    public synchronized int playedSteps() {
        return next;
    }

    public Scenario scenario() {
        return scenario;
    }

    /** Completes after the last step has been played. */
    public CompletableFuture<Void> finished() {
        return finished;
    }

    private synchronized long elapsedMs() {
        if (paused || runningSince < 0) {
            return playedMs;
        }
        return playedMs + (clock.millis() - runningSince);
    }

    private synchronized void scheduleNext() {
        if (next >= scenario.steps().size()) {
            finished.complete(null);
            return;
        }
        if (paused || closed) {
            return;
        }
        long due = (long) (scenario.steps().get(next).atMs() / speed);
        if (pending != null) {
            // One schedule at a time: a resume or step-now may have scheduled while a step was playing.
            pending.cancel();
        }
        pending = scheduler.schedule(this::playNext, Math.max(0, due - elapsedMs()));
    }

    private void playNext() {
        ScenarioStep step;
        synchronized (this) {
            if (closed || next >= scenario.steps().size()) {
                return;
            }
            step = scenario.steps().get(next);
            next++;
        }
        StepOutcome outcome;
        try {
            outcome = play(step);
        } catch (RuntimeException e) {
            Throwable cause = e instanceof java.util.concurrent.CompletionException && e.getCause() != null ? e.getCause() : e;
            outcome = new StepOutcome.Failed(String.valueOf(cause.getMessage()));
        }
        listener.played(step, elapsedMs(), outcome);
        scheduleNext();
    }

    private StepOutcome play(ScenarioStep step) {
        if (step instanceof CommandStep c) {
            CommandEnvelope envelope = CommandEnvelope.of(runId + "-" + step.number(), c.command());
            if (c.expectedVersion().isPresent()) {
                envelope = envelope.expecting(c.expectedVersion().getAsLong());
            }
            CommandResult result = engine.submit(envelope).toCompletableFuture().join();
            return new StepOutcome.CommandOutcome(result);
        }
        if (step instanceof QueryStep q) {
            return new StepOutcome.QueryOutcome(answer(q.query(), q.from()));
        }
        if (step instanceof NoteStep n) {
            return new StepOutcome.Done(n.text());
        }
        if (step instanceof SetDelayStep s) {
            asked(engine.setDelay(s.projector(), scaled(s.delayMs())));
            return new StepOutcome.Done(s.projector() + " delay set to " + s.delayMs() + " ms");
        }
        if (step instanceof PauseStep p) {
            asked(engine.pause(p.projector()));
            return new StepOutcome.Done(p.projector() + " paused");
        }
        if (step instanceof ResumeStep r) {
            asked(engine.resume(r.projector()));
            return new StepOutcome.Done(r.projector() + " resumed");
        }
        if (step instanceof ApplyOneStep a) {
            asked(engine.step(a.projector()));
            return new StepOutcome.Done(a.projector() + " applies one event");
        }
        if (step instanceof RebuildStep r) {
            if (r.projector() == null) {
                for (ProjectorStatus running : engine.projectors().toCompletableFuture().join()) {
                    asked(engine.rebuild(running.name()));
                }
            } else {
                asked(engine.rebuild(r.projector()));
            }
            return new StepOutcome.Done((r.projector() == null ? "every projector" : r.projector())
                    + " rebuilding from position 0");
        }
        if (step instanceof AddProjectionStep a) {
            Long delay = scenario.projectorDelays().get(a.projection());
            engine.addProjection(a.projection(), scaled(delay == null ? 0 : delay)).toCompletableFuture().join();
            return new StepOutcome.Done("added projection " + a.projection() + ", catching up from position 0");
        }
        return new StepOutcome.Failed("unknown step kind " + step.kind());
    }

    private <R> QueryAnswer<R> answer(Query<R> query, QuerySource from) {
        return new QueryAnswer<>(query, from, engine.ask(query, from).toCompletableFuture().join());
    }

    /**
     * A projector control is carried out on the projector's own thread; the step does not wait for it,
     * but a projector that is not running fails the step at once.
     */
    private static void asked(java.util.concurrent.CompletionStage<ProjectorStatus> control) {
        java.util.concurrent.CompletableFuture<ProjectorStatus> f = control.toCompletableFuture();
        if (f.isCompletedExceptionally()) {
            f.join();
        }
    }

    private long scaled(long delayMs) {
        return Math.round(delayMs / speed);
    }

    @Override
    public void close() {
        synchronized (this) {
            closed = true;
            if (pending != null) {
                pending.cancel();
            }
        }
        scheduler.close();
        finished.complete(null);
    }

    /**
     * The player's own thread. Not {@link io.cqrsflow.read.ExecutorScheduler}: its close waits for the
     * running task, and a player is closed from the FX thread while holding the controls' lock, which the
     * listener of a step still running may be waiting for — so this one stops without waiting.
     */
    private static final class PlayerThread implements Scheduler {
        private final ScheduledExecutorService executor;

        PlayerThread() {
            ScheduledThreadPoolExecutor e = new ScheduledThreadPoolExecutor(1, r -> {
                Thread t = new Thread(r, "scenario player");
                t.setDaemon(true);
                return t;
            });
            e.setRemoveOnCancelPolicy(true);
            this.executor = e;
        }

        @Override
        public void execute(Runnable task) {
            schedule(task, 0);
        }

        @Override
        public Cancellable schedule(Runnable task, long delayMs) {
            if (executor.isShutdown()) {
                return () -> { };
            }
            ScheduledFuture<?> f = executor.schedule(task, Math.max(0, delayMs), TimeUnit.MILLISECONDS);
            return () -> f.cancel(false);
        }

        @Override
        public void close() {
            executor.shutdownNow();
        }
    }
}
