package io.cqrsflow.scenario;

import io.cqrsflow.flow.FlowClient;
import io.cqrsflow.read.Scheduler;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Plays a scenario against an engine in real time: each step at {@code atMs / speed} after the start.
 * Speed scales projector delays alike, so a scenario tells the same story faster or slower. Steps run
 * one at a time, in order, on the player's own thread; a command step waits for its result, so the
 * next step sees its effect on the write model.
 *
 * <p>The player can be paused (its clock stops), resumed, and advanced by one step at once. With
 * {@link Pacing#holdNotes()} it holds on each note for its reading time (scaled by the speed) before it
 * plays the next step; with {@link Pacing#interactive()} it waits for {@link #continueLesson()} after a
 * note marked {@code waitForClick} (or every note, when asked to stop at every note) and after a question.
 * It can also start at any step: the steps before it play at once, without holds, then the rest on time.
 *
 * <p>Its time comes from a {@link Clock} and its steps run on a {@link Scheduler}, both given to it, so
 * that a test can drive the timing by hand instead of sleeping.
 *
 * <p>Its steps come one at a time from a {@link StepCursor}: a lesson's list, or a file read as it plays
 * ({@link StreamedScenario}), so a million steps take no more memory than ten. A step that cannot be read
 * (the file changed) stops the play: {@link #finished()} completes with the {@link ScenarioException}.
 *
 * <p>Over 300 lines: its clock, its pauses, its holds and its cursor share one lock and one schedule;
 * the steps themselves are played by StepPlay. To split next: the clock and holds into their own class.
 */
public final class ScenarioPlayer implements AutoCloseable {

    /** Told about every step as it is played, on the player's thread. */
    public interface Listener {
        void played(ScenarioStep step, long elapsedMs, StepOutcome outcome);

        /** The player stopped after this note or question and waits for {@link #continueLesson()}. */
        default void waiting(ScenarioStep step) {
        }
    }

    /**
     * How the player treats notes and questions.
     *
     * @param holdNotes   hold on each note for its reading time before the next step
     * @param interactive wait for the teacher after a {@code waitForClick} note and after a question
     */
    public record Pacing(boolean holdNotes, boolean interactive) {
        /** No holds, no waiting: the headless trace, read afterwards. */
        public static final Pacing HEADLESS = new Pacing(false, false);
        /** Read along, nobody to click: what a class sees, without the waits. */
        public static final Pacing READ_ALONG = new Pacing(true, false);
        /** The window: hold on notes, wait for the teacher when asked. */
        public static final Pacing WINDOW = new Pacing(true, true);
    }

    private final FlowClient engine;
    private final ScenarioScript scenario;
    /** Read lazily: a streamed scenario's file is opened when the first step is due. */
    private StepCursor cursor;
    private final double speed;
    private final Listener listener;
    private final Scheduler scheduler;
    private final Clock clock;
    private final Pacing pacing;
    private final StepPlay steps;
    private final CompletableFuture<Void> finished = new CompletableFuture<>();

    // Guarded by this.
    private int next;
    private long playedMs;
    private long runningSince = -1;
    /** Added to every later step's time: the holds on notes so far, and the jump's shift. */
    private long offsetMs;
    /** Steps before this index play at once (a jump). */
    private int skipTo;
    private boolean paused;
    private boolean waiting;
    private boolean stopAtEveryNote;
    private boolean closed;
    private Scheduler.Cancellable pending;

    /**
     * Plays on a thread of its own, timed by the engine's clock — the clock the projectors' delays are
     * measured on, so a step and a delay scaled by the same speed stay in step.
     */
    public ScenarioPlayer(FlowClient engine, ScenarioScript scenario, double speed, Listener listener) {
        this(engine, scenario, speed, listener, Pacing.HEADLESS);
    }

    public ScenarioPlayer(FlowClient engine, ScenarioScript scenario, double speed, Listener listener, Pacing pacing) {
        this(engine, scenario, speed, listener, new PlayerThread(), engine.clock(), pacing);
    }

    /** Plays its steps on {@code scheduler} (which it closes when closed), timed by {@code clock}. */
    public ScenarioPlayer(FlowClient engine, Scenario scenario, double speed, Listener listener,
                          Scheduler scheduler, Clock clock) {
        this(engine, scenario, speed, listener, scheduler, clock, Pacing.HEADLESS);
    }

    public ScenarioPlayer(FlowClient engine, ScenarioScript scenario, double speed, Listener listener,
                          Scheduler scheduler, Clock clock, Pacing pacing) {
        if (!(speed > 0)) {
            throw new IllegalArgumentException("speed must be above 0, got " + speed);
        }
        this.engine = engine;
        this.scenario = scenario;
        this.speed = speed;
        this.listener = listener;
        this.scheduler = scheduler;
        this.clock = clock;
        this.pacing = pacing;
        this.steps = new StepPlay(engine, scenario, speed, Long.toString(System.nanoTime(), 36));
    }

    /** Applies the scenario's projector delays (and switches CRUD on if it lists that panel) and starts its clock. */
    public synchronized void start() {
        start(false);
    }

    /**
     * Applies the scenario's projector delays; starts the clock unless {@code startPaused}, in which case
     * nothing plays until {@link #resume()} or {@link #stepNow()} (which plays exactly the first step).
     */
    public synchronized void start(boolean startPaused) {
        startAt(0, startPaused);
    }

    /**
     * As {@link #start(boolean)}, but plays the steps before {@code index} at once, without holds or
     * waits, and the rest on time from there: a jump to step {@code index} (0-based, in playing order).
     */
    public synchronized void startAt(int index, boolean startPaused) {
        if (scenario.wantsCrud()) {
            // On the command thread, before any of the lesson's commands: the CRUD table sees them all.
            engine.startCrud();
        }
        for (Map.Entry<String, Long> delay : scenario.projectorDelays().entrySet()) {
            // A projector the scenario adds later is not running yet: its delay is set when it is added.
            engine.setDelay(delay.getKey(), Math.round(delay.getValue() / speed));
        }
        skipTo = Math.max(0, Math.min(index, scenario.stepCount()));
        runningSince = clock.millis();
        if (skipTo > 0) {
            scheduleNext();
            paused = startPaused;
            return;
        }
        if (startPaused) {
            paused = true;
            if (scenario.stepCount() == 0) {
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
        if (pending != null && next >= skipTo) {
            pending.cancel();
        }
    }

    public synchronized void resume() {
        waiting = false;
        if (!paused) {
            return;
        }
        paused = false;
        runningSince = clock.millis();
        scheduleNext();
    }

    /** Goes on after a note or question the player waits at (Space, Continue); the same as resume. */
    public void continueLesson() {
        resume();
    }

    /** Whether the player waits for {@link #continueLesson()} after a note or question. */
    public synchronized boolean isWaiting() {
        return waiting;
    }

    /** Makes every note wait for the teacher (presenter mode turns this on); interactive pacing only. */
    public synchronized void setStopAtEveryNote(boolean stop) {
        this.stopAtEveryNote = stop;
    }

    /** Plays the next step now, moving the scenario clock forward to it. */
    public synchronized void stepNow() {
        if (closed || next >= scenario.stepCount()) {
            return;
        }
        waiting = false;
        long target;
        try {
            target = dueNext();
        } catch (ScenarioException e) {
            stopUnread(e);
            return;
        }
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

    /**
     * The lesson being played, with its list of steps.
     *
     * @throws IllegalStateException for a streamed scenario, which has no list: see {@link #script()}
     */
    public Scenario scenario() {
        if (scenario instanceof Scenario lesson) {
            return lesson;
        }
        throw new IllegalStateException(scenario.source() + " is streamed: it has no list of steps");
    }

    /** What is being played: a lesson or a streamed file. */
    public ScenarioScript script() {
        return scenario;
    }

    public double speed() {
        return speed;
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

    /** When the next step is due; a step that cannot be read ends the play (see {@link #cursor()}). */
    private synchronized long dueNext() {
        ScenarioStep step = cursor().peek();
        return step == null ? elapsedMs() : (long) (step.atMs() / speed) + offsetMs;
    }

    /**
     * The pass over the steps, opened on first use. A streamed file that changed since it was checked
     * throws here: the play stops, and {@link #finished()} completes with that {@link ScenarioException}.
     */
    private synchronized StepCursor cursor() {
        if (cursor == null) {
            cursor = scenario.cursor();
        }
        return cursor;
    }

    private synchronized void scheduleNext() {
        if (next >= scenario.stepCount()) {
            finished.complete(null);
            return;
        }
        boolean jumping = next < skipTo;
        if (!jumping && (paused || closed || waiting)) {
            return;
        }
        if (pending != null) {
            // One schedule at a time: a resume or step-now may have scheduled while a step was playing.
            pending.cancel();
        }
        long delay;
        try {
            delay = jumping ? 0 : Math.max(0, dueNext() - elapsedMs());
        } catch (ScenarioException e) {
            stopUnread(e);
            return;
        }
        pending = scheduler.schedule(this::playNext, delay);
    }

    /** A step could not be read (a streamed file changed while it played): nothing more plays. */
    private synchronized void stopUnread(ScenarioException e) {
        closed = true;
        finished.completeExceptionally(e);
    }

    private void playNext() {
        ScenarioStep step;
        boolean jumping;
        synchronized (this) {
            if (closed || next >= scenario.stepCount()) {
                return;
            }
            try {
                step = cursor().take();
            } catch (ScenarioException e) {
                stopUnread(e);
                return;
            }
            if (step == null) { // fewer steps than the check counted: the file changed
                stopUnread(ScenarioException.aboutFile(scenario.source(), "the file changed while it played:"
                        + " it ended after " + next + " of " + scenario.stepCount() + " steps", null));
                return;
            }
            jumping = next < skipTo;
            next++;
        }
        StepOutcome outcome;
        try {
            // A claim checked while jumping at full speed says nothing about the lesson: projectors had no time.
            outcome = jumping && (step instanceof ExpectStep || step instanceof QuestionStep)
                    ? new StepOutcome.Done("not checked: jumped over") : steps.play(step);
        } catch (RuntimeException e) {
            Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
            outcome = new StepOutcome.Failed(String.valueOf(cause.getMessage()));
        }
        // Decided before the step is reported: whoever shows a question learns at once that it waits for an
        // answer (a window shown "not waiting" for a moment reveals the answer before anyone could predict).
        boolean waits = !jumping && waitsAfter(step);
        listener.played(step, elapsedMs(), outcome);
        if (jumping) {
            synchronized (this) {
                ScenarioStep following = next == skipTo && next < scenario.stepCount() ? peekOrNull() : null;
                if (following != null) {
                    // The jump is over: the next step is due now, and the rest keep their spacing.
                    offsetMs = elapsedMs() - (long) (following.atMs() / speed);
                }
            }
        } else if (waits) {
            listener.waiting(step);
        } else if (step instanceof NoteStep n && pacing.holdNotes()) {
            hold(Math.round(n.readingMs() / speed));
        }
        scheduleNext();
    }

    /** Whether to stop after this step until the teacher goes on; if so, stops. */
    private synchronized boolean waitsAfter(ScenarioStep step) {
        boolean waits = pacing.interactive() && !closed
                && (step instanceof QuestionStep || step instanceof NoteStep n && (n.waitForClick() || stopAtEveryNote));
        if (waits) {
            pause();
            waiting = true;
        }
        return waits;
    }

    /** Keeps the next step from playing sooner than {@code ms} from now, so the note can be read. */
    private synchronized void hold(long ms) {
        if (next >= scenario.stepCount() || peekOrNull() == null) {
            return;
        }
        long earliest = elapsedMs() + ms;
        long due = dueNext();
        if (due < earliest) {
            offsetMs += earliest - due;
        }
    }

    /** The next step, or null when it cannot be read; {@link #scheduleNext()} then stops the play. */
    private synchronized ScenarioStep peekOrNull() {
        try {
            return cursor().peek();
        } catch (ScenarioException e) {
            return null;
        }
    }

    @Override
    public void close() {
        synchronized (this) {
            closed = true;
            if (pending != null) {
                pending.cancel();
            }
            if (cursor != null) {
                cursor.close();
            }
        }
        scheduler.close();
        finished.complete(null);
    }
}
