package io.cqrsflow.app;

import io.cqrsflow.flow.Engine;
import io.cqrsflow.read.OrderDetails;
import io.cqrsflow.read.OrderQueries;
import io.cqrsflow.read.Projector;
import io.cqrsflow.read.ProjectorState;
import io.cqrsflow.read.ProjectorStatus;
import io.cqrsflow.read.QuerySource;
import io.cqrsflow.read.Staleness;
import io.cqrsflow.scenario.Scenario;
import io.cqrsflow.scenario.ScenarioPlayer;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** Runs the engine without a window: optionally rebuilds, plays a scenario, waits for every projector, prints a trace. */
final class HeadlessRunner {
    private final PrintStream out;

    HeadlessRunner(PrintStream out) {
        this.out = out;
    }

    /**
     * @param scenario validated already (null: just catch up)
     * @return the engine, still open, if {@code keepOpen}; else null after closing it
     */
    Engine run(Path dataDir, Scenario scenario, double speed, boolean json, boolean rebuild, boolean keepOpen)
            throws InterruptedException {
        long start = System.nanoTime();
        Trace trace = new Trace(out, json, start);
        Map<String, Long> delays = new LinkedHashMap<>();
        if (scenario != null) {
            scenario.projectorDelays().forEach((name, ms) -> delays.put(name, Math.round(ms / speed)));
        }
        Engine engine = Engine.open(dataDir, Clock.systemUTC(), delays);
        boolean ok = false;
        try {
            engine.notices().forEach(trace::notice);
            engine.subscribe(trace);
            if (rebuild) {
                for (Projector p : engine.readSide().projectors()) {
                    p.rebuild();
                }
            }
            if (scenario != null) {
                if (!json) {
                    out.println("Scenario: " + scenario.name() + " (" + scenario.steps().size() + " steps"
                            + (speed != 1 ? ", speed " + speed : "") + ")");
                }
                ScenarioPlayer player = new ScenarioPlayer(engine, scenario, speed, trace);
                player.start();
                player.finished().join();
                player.close();
            }
            // A pause asked for by the last step may not have happened yet; let it, then undo it.
            engine.awaitSettled(Duration.ofSeconds(10));
            for (Projector p : engine.readSide().projectors()) {
                ProjectorState state = p.status().state();
                if (state == ProjectorState.PAUSED || state == ProjectorState.FAILED) {
                    trace.notice(p.name() + " was left " + state.label() + "; resuming it so that it catches up");
                    p.resume();
                }
            }
            Duration timeout = Duration.ofSeconds(30).plusMillis(Math.round(10_000 / speed));
            if (!engine.awaitCaughtUp(timeout)) {
                StringBuilder b = new StringBuilder("projectors did not catch up within " + timeout.toSeconds() + " s:");
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
            trace.summary(engine.store().head(), checkpoints, staleRows(engine));
            ok = true;
            return keepOpen ? engine : null;
        } finally {
            if (!ok || !keepOpen) {
                engine.close();
            }
        }
    }

    /** Rows of either read model that differ from the write model (0 once everything caught up). */
    static int staleRows(Engine engine) {
        OrderQueries q = engine.readSide().queries();
        Map<String, OrderDetails> truth = q.writeModel().allOrders();
        return Staleness.ofList(q.listOrders(QuerySource.READ_MODEL), truth).size()
                + Staleness.ofDetails(q.allDetails(), truth).size();
    }
}
