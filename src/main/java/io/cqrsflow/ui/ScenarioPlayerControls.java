package io.cqrsflow.ui;

import io.cqrsflow.flow.Engine;
import io.cqrsflow.scenario.CommandStep;
import io.cqrsflow.scenario.NoteStep;
import io.cqrsflow.scenario.Scenario;
import io.cqrsflow.scenario.ScenarioLibrary;
import io.cqrsflow.scenario.ScenarioPlayer;
import io.cqrsflow.scenario.ScenarioStep;
import io.cqrsflow.scenario.StepOutcome;
import javafx.application.Platform;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Connects the toolbar's scenario picker and ▶ ⏸ ⏭ to the scenario package's player. Commands the
 * player submits reach the window through the engine's signals like any other; this class only reports
 * where the scenario is and shows each note, coalesced onto the FX thread.
 */
public final class ScenarioPlayerControls implements ScenarioControls {

    /** What the window shows about the scenario: a one-line status and the latest note. */
    public record Progress(String status, String note) {
    }

    private final Engine engine;
    private final Map<String, Scenario> byName = new LinkedHashMap<>();
    private final Consumer<Progress> show;
    private final AtomicReference<Progress> latest = new AtomicReference<>();
    private final AtomicReference<Boolean> pendingShow = new AtomicReference<>(false);
    private ScenarioPlayer player;
    private double speed = 1;
    private String lastNote = "";

    /**
     * @param extra a scenario given on the command line, listed first (may be null)
     * @param show  called on the FX thread with the latest progress
     */
    public ScenarioPlayerControls(Engine engine, ScenarioLibrary library, Scenario extra, Consumer<Progress> show) {
        this.engine = engine;
        this.show = show;
        if (extra != null) {
            byName.put(extra.name(), extra);
        }
        for (ScenarioLibrary.Entry e : library.list()) {
            byName.putIfAbsent(e.name(), library.load(e.id()));
        }
    }

    @Override
    public List<String> scenarioNames() {
        return new ArrayList<>(byName.keySet());
    }

    public Optional<Scenario> scenario(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    @Override
    public synchronized void play(String name) {
        Scenario scenario = byName.get(name);
        if (scenario == null) {
            return;
        }
        if (player != null && player.scenario() == scenario && !player.finished().isDone()) {
            player.resume();
            report(player, null);
            return;
        }
        if (player != null) {
            player.close();
        }
        lastNote = "";
        long existing = engine.head();
        if (existing > 0) {
            lastNote = "This store already holds " + existing + " events, so ids in the scenario may be taken already."
                    + " For a clean run: ☰ → Start fresh, then ▶.";
        }
        ScenarioPlayer p = new ScenarioPlayer(engine, scenario, speed, (step, elapsed, outcome) -> played(step, outcome));
        player = p;
        p.finished().thenRun(() -> report(p, null));
        p.start();
        report(p, null);
    }

    @Override
    public synchronized void pause() {
        if (player != null) {
            player.pause();
            report(player, null);
        }
    }

    @Override
    public synchronized void step() {
        if (player == null || player.finished().isDone()) {
            return;
        }
        player.pause();
        player.stepNow();
    }

    /** Starts the named scenario paused, so that ⏭ walks through it one step at a time. */
    public synchronized void prepare(String name) {
        play(name);
        pause();
    }

    @Override
    public synchronized void setSpeed(double newSpeed) {
        this.speed = newSpeed;
    }

    public synchronized void close() {
        if (player != null) {
            player.close();
            player = null;
        }
    }

    private void played(ScenarioStep step, StepOutcome outcome) {
        ScenarioPlayer p;
        synchronized (this) {
            p = player;
        }
        String note = null;
        if (step instanceof NoteStep n) {
            note = n.text();
        } else if (outcome instanceof StepOutcome.Failed f) {
            note = "Step " + step.number() + " could not be carried out: " + f.message();
        } else if (!(step instanceof CommandStep) && outcome instanceof StepOutcome.Done d) {
            note = "Step " + step.number() + ": " + d.text();
        }
        if (p != null) {
            report(p, note);
        }
    }

    private void report(ScenarioPlayer p, String note) {
        if (note != null) {
            lastNote = note;
        }
        int total = p.scenario().steps().size();
        String state = p.finished().isDone() ? "finished" : p.isPaused() ? "paused" : "playing";
        String status = "Scenario “" + p.scenario().name() + "” · " + state + " · step " + p.playedSteps() + " of " + total;
        latest.set(new Progress(status, lastNote));
        // Coalesced: at most one runLater pending, showing whatever is latest when it runs.
        if (!pendingShow.getAndSet(true)) {
            Platform.runLater(() -> {
                pendingShow.set(false);
                show.accept(latest.get());
            });
        }
    }
}
