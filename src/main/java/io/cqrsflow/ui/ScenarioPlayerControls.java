package io.cqrsflow.ui;

import io.cqrsflow.flow.FlowClient;
import io.cqrsflow.scenario.CommandStep;
import io.cqrsflow.read.OrderDetails;
import io.cqrsflow.read.OrderSummary;
import io.cqrsflow.read.QuerySource;
import io.cqrsflow.scenario.NoteStep;
import io.cqrsflow.scenario.QueryStep;
import io.cqrsflow.read.Query;
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
import java.util.StringJoiner;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Connects the toolbar's scenario picker and ▶ ⏸ ⏭ to the scenario package's player. Commands the
 * player submits reach the window through the engine's signals like any other; this class only reports
 * where the scenario is and shows each note, coalesced onto the FX thread.
 */
public final class ScenarioPlayerControls implements ScenarioControls {

    /**
     * What the window shows about the scenario: a one-line status, the latest note, the latest query
     * answers (a note often talks about the answers just before it), and every note and answer since the
     * last show, in order, for the result log.
     */
    public record Progress(String status, String note, List<String> answers, List<Logged> logged) {
        public Progress(String status, String note) {
            this(status, note, List.of(), List.of());
        }
    }

    /** A note or a query answer, for the result log: {@code query} false for a note. */
    public record Logged(boolean query, String headline, String detail) {
    }

    /** Query answers kept in view: the built-in scenarios ask up to three questions in a row. */
    static final int ANSWERS_SHOWN = 3;

    private final FlowClient engine;
    private final Map<String, Scenario> byName = new LinkedHashMap<>();
    private final Consumer<Progress> show;
    private final AtomicReference<Progress> latest = new AtomicReference<>();
    private final AtomicReference<Boolean> pendingShow = new AtomicReference<>(false);
    private ScenarioPlayer player;
    private double speed = 1;
    private String lastNote = "";
    private final java.util.Deque<String> answers = new java.util.ArrayDeque<>();
    private final java.util.Queue<Logged> toLog = new java.util.concurrent.ConcurrentLinkedQueue<>();

    /**
     * @param extra a scenario given on the command line, listed first (may be null)
     * @param show  called on the FX thread with the latest progress
     */
    public ScenarioPlayerControls(FlowClient engine, ScenarioLibrary library, Scenario extra, Consumer<Progress> show) {
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
        begin(name, false);
    }

    private void begin(String name, boolean paused) {
        Scenario scenario = byName.get(name);
        if (scenario == null) {
            return;
        }
        if (player != null && player.scenario() == scenario && !player.finished().isDone()) {
            if (!paused) {
                player.resume();
            }
            report(player, null);
            return;
        }
        if (player != null) {
            player.close();
        }
        lastNote = "";
        answers.clear();
        long existing = engine.head();
        if (existing > 0) {
            lastNote = "This store already holds " + existing + " events, so ids in the scenario may be taken already."
                    + " For a clean run: ☰ → Start fresh, then ▶.";
        }
        ScenarioPlayer p = new ScenarioPlayer(engine, scenario, speed, (step, elapsed, outcome) -> played(step, outcome));
        player = p;
        p.finished().thenRun(() -> report(p, null));
        p.start(paused);
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
    public synchronized void step(String name) {
        Scenario scenario = byName.get(name);
        if (scenario != null && (player == null || player.scenario() != scenario || player.finished().isDone())) {
            prepare(name);
        }
        if (player == null || player.finished().isDone()) {
            return;
        }
        player.pause();
        player.stepNow();
    }

    /** Starts the named scenario paused, so that ⏭ walks through it one step at a time. */
    public synchronized void prepare(String name) {
        begin(name, true);
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
            toLog.add(new Logged(false, "Scenario note (step " + step.number() + ")", n.text()));
        } else if (step instanceof QueryStep q && outcome instanceof StepOutcome.QueryOutcome answer) {
            String question = question(q);
            String said = answer(answer.answer().value());
            synchronized (this) {
                answers.addLast("Step " + step.number() + " · " + question + " → " + said);
                while (answers.size() > ANSWERS_SHOWN) {
                    answers.removeFirst();
                }
            }
            toLog.add(new Logged(true, question, said));
        } else if (outcome instanceof StepOutcome.Failed f) {
            note = "Step " + step.number() + " could not be carried out: " + f.message();
        } else if (!(step instanceof CommandStep) && outcome instanceof StepOutcome.Done d) {
            note = "Step " + step.number() + ": " + d.text();
        }
        if (p != null) {
            report(p, note);
        }
    }

    /** "GetOrderById(o-1) · read model". */
    static String question(QueryStep q) {
        String about = q.query() instanceof Query.ListOrders ? "" : q.query().describe().substring(q.query().wireName().length());
        return q.query().wireName() + about + " · " + (q.from() == QuerySource.WRITE_MODEL ? "write model" : "read model");
    }

    /** An answer in one line: "o-1 · Ada Lovelace · 12.50 · pending", "no orders", "o-1 pending, o-2 paid". */
    static String answer(Object answer) {
        return io.cqrsflow.scenario.AnswerText.of(answer);
    }

    private void report(ScenarioPlayer p, String note) {
        List<String> shownAnswers;
        synchronized (this) {
            if (note != null) {
                lastNote = note;
            }
            shownAnswers = List.copyOf(answers);
        }
        int total = p.scenario().steps().size();
        String state = p.finished().isDone() ? "finished" : p.isPaused() ? "paused" : "playing";
        String status = "Scenario “" + p.scenario().name() + "” · " + state + " · step " + p.playedSteps() + " of " + total;
        latest.set(new Progress(status, lastNote, shownAnswers, List.of()));
        // Coalesced: at most one runLater pending, showing whatever is latest when it runs, with every
        // note and answer logged since.
        if (!pendingShow.getAndSet(true)) {
            Platform.runLater(() -> {
                pendingShow.set(false);
                List<Logged> logged = new ArrayList<>();
                for (Logged l = toLog.poll(); l != null; l = toLog.poll()) {
                    logged.add(l);
                }
                Progress now = latest.get();
                show.accept(new Progress(now.status(), now.note(), now.answers(), logged));
            });
        }
    }
}
