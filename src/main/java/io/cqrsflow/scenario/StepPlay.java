package io.cqrsflow.scenario;

import io.cqrsflow.flow.FlowClient;
import io.cqrsflow.load.LoadMix;
import io.cqrsflow.load.LoadReport;
import io.cqrsflow.load.LoadRun;
import io.cqrsflow.read.ProjectorStatus;
import io.cqrsflow.read.Query;
import io.cqrsflow.read.QueryAnswer;
import io.cqrsflow.read.QuerySource;
import io.cqrsflow.write.CommandEnvelope;
import io.cqrsflow.write.CommandResult;

import java.util.ArrayList;
import java.util.List;

/**
 * Carries out one step through the {@link FlowClient} and says what came of it. Remembers the last
 * command's result, which an {@code expect} step may be about.
 */
final class StepPlay {
    private final FlowClient engine;
    private final ScenarioScript scenario;
    private final double speed;
    private final String runId;
    private final Checker checker;
    private CommandResult lastCommand;

    StepPlay(FlowClient engine, ScenarioScript scenario, double speed, String runId) {
        this.engine = engine;
        this.scenario = scenario;
        this.speed = speed;
        this.runId = runId;
        this.checker = new Checker(engine);
    }

    StepOutcome play(ScenarioStep step) {
        if (step instanceof CommandStep c) {
            CommandEnvelope envelope = CommandEnvelope.of(runId + "-" + step.number(), c.command());
            if (c.expectedVersion().isPresent()) {
                envelope = envelope.expecting(c.expectedVersion().getAsLong());
            }
            CommandResult result = engine.submit(envelope).toCompletableFuture().join();
            lastCommand = result;
            return new StepOutcome.CommandOutcome(result);
        }
        if (step instanceof QueryStep q) {
            return new StepOutcome.QueryOutcome(answer(q.query(), q.from()));
        }
        if (step instanceof ExpectStep e) {
            return new StepOutcome.Expectation(checker.check(e.check(), lastCommand));
        }
        if (step instanceof QuestionStep q) {
            List<Check.Verdict> verdicts = new ArrayList<>();
            boolean agreed = true;
            for (QuestionStep.Choice choice : q.choices()) {
                Check.Verdict v = checker.check(choice.check(), lastCommand);
                verdicts.add(v);
                agreed &= v.held() == choice.right();
            }
            return new StepOutcome.Answered(q, verdicts, agreed);
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
                    asked(engine.rebuild(running.name(), msPerEvent(r.eventsPerSecond())));
                }
            } else {
                asked(engine.rebuild(r.projector(), msPerEvent(r.eventsPerSecond())));
            }
            return new StepOutcome.Done((r.projector() == null ? "every projector" : r.projector())
                    + " rebuilding from position 0");
        }
        if (step instanceof AddProjectionStep a) {
            Long delay = scenario.projectorDelays().get(a.projection());
            engine.addProjection(a.projection(), scaled(delay == null ? 0 : delay), msPerEvent(a.eventsPerSecond()))
                    .toCompletableFuture().join();
            return new StepOutcome.Done("added projection " + a.projection() + ", catching up from position 0");
        }
        if (step instanceof LoadStep l) {
            return new StepOutcome.LoadRan(load(l));
        }
        return new StepOutcome.Failed("unknown step kind " + step.kind());
    }

    /** Runs the load for its time (scaled by the speed, at a rate scaled alike) and waits for every answer. */
    private LoadReport load(LoadStep l) {
        long durationMs = Math.max(1, Math.round(l.seconds() * 1000 / speed));
        LoadRun run = LoadRun.onItsOwnThread(engine, new LoadMix(l.seed(), "load" + l.number() + "-"),
                l.commandsPerSecond() * speed, durationMs);
        run.start();
        try {
            return run.finished().get();
        } catch (InterruptedException e) {
            // The player was closed mid-run: stop sending and say what went out.
            run.stop();
            Thread.currentThread().interrupt();
            return run.report();
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("the load generator failed: " + e.getCause().getMessage(), e.getCause());
        }
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

    /** The pace of a replay at this speed: ms between events; 0 for as fast as it can. */
    private long msPerEvent(long eventsPerSecond) {
        return eventsPerSecond <= 0 ? 0 : Math.max(1, Math.round(1000.0 / eventsPerSecond / speed));
    }

    private long scaled(long delayMs) {
        return Math.round(delayMs / speed);
    }
}
