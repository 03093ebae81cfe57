package io.cqrsflow.app;

import io.cqrsflow.domain.PlainText;
import io.cqrsflow.eventstore.EventStoreException;
import io.cqrsflow.flow.CatchUpWatch;
import io.cqrsflow.flow.Engine;
import io.cqrsflow.read.Projector;
import io.cqrsflow.read.ProjectorState;
import io.cqrsflow.read.ProjectorStatus;
import io.cqrsflow.scenario.ScenarioException;
import io.cqrsflow.scenario.ScenarioScript;
import io.cqrsflow.scenario.ScenarioPlayer;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** Runs the engine without a window: optionally rebuilds, plays a scenario, waits for every projector, prints a trace. */
final class HeadlessRunner {
    /** How often a long catch-up or rebuild prints where it stands. */
    static final long PROGRESS_EVERY_MS = 2_000;

    private final PrintStream out;
    private final Trace.Detail detail;

    HeadlessRunner(PrintStream out) {
        this(out, Trace.Detail.AUTO);
    }

    HeadlessRunner(PrintStream out, Trace.Detail detail) {
        this.out = out;
        this.detail = detail;
    }

    /** Points where a caller (the snapshot) joins in; each runs on the runner's thread. */
    interface Hooks {
        /** The engine is open and the trace subscribed; nothing has been played yet. */
        default void opened(Engine engine) throws Exception {
        }

        /** The scenario's last step has been played; projectors may still be catching up. */
        default void played(Engine engine) throws Exception {
        }

        /** Just before the engine closes. */
        default void closing(Engine engine) {
        }
    }

    private static final Hooks NONE = new Hooks() {
    };

    /** Plays (or just catches up) and closes the engine. {@code scenario} is validated already; null: just catch up. */
    void run(Path dataDir, ScenarioScript scenario, double speed, boolean json, boolean rebuild) throws Exception {
        run(dataDir, scenario, speed, json, rebuild, NONE);
    }

    void run(Path dataDir, ScenarioScript scenario, double speed, boolean json, boolean rebuild, Hooks hooks)
            throws Exception {
        long start = System.nanoTime();
        Trace trace = new Trace(out, json, start, detail);
        Map<String, Long> delays = new LinkedHashMap<>();
        if (scenario != null) {
            scenario.projectorDelays().forEach((name, ms) -> delays.put(name, Math.round(ms / speed)));
        }
        // A catch-up into a read.db with nothing applied does not wait for events.db's integrity check and scan:
        // the check runs once the projectors have caught up, beside the summary's count (on two cores, beside the
        // catch-up it would slow the catch-up by as much as it saved). The run still ends with the check's message
        // on a damaged store, and nothing is appended before it passes.
        CheckGate check = new CheckGate();
        Engine engine = Engine.openProjectingBesideCheck(dataDir, Clock.systemUTC(), delays, check.mayStart);
        try {
            check.engine = engine;
            engine.notices().forEach(trace::notice);
            engine.subscribe(trace);
            long head = engine.head();
            engine.readSide().started().thenAccept(from -> trace.started(head, from));
            if (scenario != null || rebuild || !engine.readSide().started().toCompletableFuture().isDone()) {
                // a lesson's steps and a rebuild begin on a store known to be healthy; projectors held until
                // the check has compared read.db with the log wait for it too
                check.await();
            }
            if (hooks != NONE) {
                check.mayStart.complete(null); // a window drawn headless compares rows once the check is over
            }
            hooks.opened(engine);
            // Each projector has read its first page by now: an event it cannot read ends the run here.
            engine.awaitSettled(Duration.ofSeconds(10));
            check.failIfUnreadable();
            if (rebuild) {
                for (Projector p : engine.readSide().projectors()) {
                    p.rebuild();
                }
            }
            if (scenario != null) {
                long existing = engine.store().head();
                if (existing > 0) {
                    trace.notice("events.db already holds " + existing + " events; this scenario's ids may collide with"
                            + " them (\"already taken\"). Add --fresh to start from an empty store.");
                }
                if (!json) {
                    out.println("Scenario: " + PlainText.escaped(scenario.name()) + " (" + scenario.stepCount() + " steps"
                            + (speed != 1 ? ", speed " + speed : "") + ")");
                }
                ScenarioPlayer player = new ScenarioPlayer(engine.client(), scenario, speed, trace);
                try {
                    player.start();
                    player.finished().join();
                } catch (java.util.concurrent.CompletionException e) {
                    // A streamed file that changed after it was checked: the steps played so far stay played.
                    throw e.getCause() instanceof ScenarioException unread ? unread : e;
                } finally {
                    player.close();
                }
            }
            check.failIfUnreadable();
            hooks.played(engine);
            // A pause asked for by the last step may not have happened yet; let it, then undo it.
            engine.awaitSettled(Duration.ofSeconds(10));
            for (Projector p : engine.readSide().projectors()) {
                ProjectorState state = p.status().state();
                if (state == ProjectorState.PAUSED || state == ProjectorState.FAILED) {
                    trace.notice(p.name() + " was left " + state.label() + "; resuming it so that it catches up");
                    p.resume();
                }
            }
            // No fixed timeout: a store of a million events takes as long as it takes, with progress and time
            // left on the trace; only a failed projector or one that stopped moving ends the wait.
            CatchUpWatch.Verdict caughtUp = engine.awaitCaughtUp(new CatchUpWatch(), PROGRESS_EVERY_MS, trace::catchingUp);
            check.mayStart.complete(null);
            if (!(caughtUp instanceof CatchUpWatch.CaughtUp)) {
                check.await(); // a damaged store is what to say, not the projector that tripped over it
                check.failIfUnreadable();
                StringBuilder b = new StringBuilder("projectors did not catch up: " + caughtUp.message() + ";");
                for (Projector p : engine.readSide().projectors()) {
                    ProjectorStatus s = p.status();
                    b.append(' ').append(s.name()).append(" at ").append(s.checkpoint()).append('/').append(s.head())
                            .append(" (").append(s.state().label()).append(s.problem() == null ? "" : ": " + s.problem()).append(')');
                }
                throw new IllegalStateException(b.toString());
            }
            Map<String, Long> checkpoints = new LinkedHashMap<>();
            for (Projector p : engine.readSide().projectors()) {
                checkpoints.put(p.name(), p.status().checkpoint());
            }
            // every signal so far is heard: a projector that started beside the check and caught up a small store
            // before the trace listened has had no "caught up" line yet
            trace.caughtUpUnheard(engine.readSide().started().toCompletableFuture().getNow(Map.of()), checkpoints,
                    engine.store().head());
            int staleRows;
            try {
                staleRows = staleRows(engine); // while the check runs
            } catch (RuntimeException e) {
                check.await(); // a store found damaged: that is the message
                throw e;
            }
            check.await();
            trace.summary(engine.store().head(), checkpoints, staleRows);
            if (trace.failedSteps() > 0) {
                throw new IllegalStateException(trace.failedSteps() + " step(s) of the scenario could not be carried out;"
                        + " see the trace above");
            }
            if (trace.failedChecks() > 0) {
                throw new ExpectationsFailed(trace.firstFailedCheck() + (trace.failedChecks() > 1
                        ? " (and " + (trace.failedChecks() - 1) + " more; see the trace above)" : ""));
            }
        } finally {
            hooks.closing(engine); // a check not started yet is stopped as the engine closes
            engine.close();
        }
    }

    /** events.db's open-time check, held back until the run lets it start (or waits for it). */
    private static final class CheckGate {
        final java.util.concurrent.CompletableFuture<Void> mayStart = new java.util.concurrent.CompletableFuture<>();
        Engine engine;

        /** Starts the check if it has not started, and waits for it (seconds at a million events); a damaged store ends the run. */
        void await() {
            mayStart.complete(null);
            String problem = engine.store().checked().toCompletableFuture().join();
            if (problem != null) {
                throw new EventStoreException(problem);
            }
        }

        /** A store with an event that cannot be read takes no commands and feeds no projector: say so, and stop. */
        void failIfUnreadable() {
            String unreadable = engine.unreadable();
            if (unreadable != null) {
                await(); // a store found damaged by its check: that is the message, not a row read in passing
                throw new EventStoreException(unreadable);
            }
        }
    }

    /** A lesson played, but something it claims (an expect, a question's answer) was not so. Exit 1. */
    static final class ExpectationsFailed extends IllegalStateException {
        ExpectationsFailed(String message) {
            super(message);
        }
    }

    /**
     * Rows of every running read model that differ from the write model (0 once everything caught up),
     * counted in bounded memory: a million-event store is not loaded whole to say "0".
     */
    static int staleRows(Engine engine) {
        return engine.readSide().staleRowCount();
    }
}
