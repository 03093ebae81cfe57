package io.cqrsflow.ui;

import io.cqrsflow.flow.FlowClient;
import io.cqrsflow.scenario.CommandStep;
import io.cqrsflow.read.OrderDetails;
import io.cqrsflow.read.OrderSummary;
import io.cqrsflow.read.QuerySource;
import io.cqrsflow.scenario.NoteStep;
import io.cqrsflow.scenario.QueryStep;
import io.cqrsflow.scenario.Scenario;
import io.cqrsflow.scenario.ScenarioLibrary;
import io.cqrsflow.scenario.ScenarioPlayer;
import io.cqrsflow.scenario.ScenarioStep;
import io.cqrsflow.scenario.StepOutcome;
import io.cqrsflow.ui.lesson.LessonFeed;
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
 *
 * <p>Longer than 300 lines for now: it owns the player across lesson starts, jumps and leaving a lesson. To
 * split next: the progress reporting (coalesced onto the FX thread) from the lesson's life cycle.
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
    private LessonHost host;
    private LessonFeed feed;
    private boolean inLessonFolder;
    private boolean stopAtEveryNote;
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

    /**
     * Where a lesson is played: the window opens a fresh lesson folder for it and gives the lesson to the
     * controls made for that folder's engine ({@link #startLesson}). The learner's own folder is not touched.
     */
    public interface LessonHost {
        /** Opens a fresh lesson folder and plays {@code scenario} there, from its step {@code index}. */
        void openLesson(Scenario scenario, int index, boolean paused);
    }

    /**
     * @param host          opens lesson folders; null: play into this engine (tests)
     * @param inLesson      whether this engine's folder is a lesson folder of its own
     */
    public synchronized void setLessonHost(LessonHost host, boolean inLesson, LessonFeed feed) {
        this.host = host;
        this.inLessonFolder = inLesson;
        this.feed = feed;
    }

    @Override
    public synchronized void play(String name) {
        begin(name, false);
    }

    /** The lesson's caption, history, question and checks; null when none was set. */
    public synchronized LessonFeed feed() {
        return feed;
    }

    /** Goes on after a note or question the lesson waits at. */
    public synchronized void continueLesson() {
        if (player != null) {
            player.continueLesson();
            report(player, null);
        }
    }

    public synchronized void setStopAtEveryNote(boolean stop) {
        stopAtEveryNote = stop;
        if (player != null) {
            player.setStopAtEveryNote(stop);
        }
    }

    /** Replays the current lesson from an empty store up to step {@code index} (0-based, playing order). */
    public synchronized void jumpTo(int index) {
        if (player != null && host != null) {
            host.openLesson(player.scenario(), index, false);
        }
    }

    /**
     * In a fresh lesson folder: plays the steps before {@code index} at once and holds there; the returned
     * future completes once they have played. {@link #go} then starts the clock (after the first paint).
     */
    public synchronized java.util.concurrent.CompletableFuture<Void> startLesson(Scenario scenario, int index) {
        if (player != null) {
            player.close();
        }
        lastNote = "";
        answers.clear();
        ScenarioPlayer p = newPlayer(scenario);
        player = p;
        java.util.concurrent.CompletableFuture<Void> jumped = new java.util.concurrent.CompletableFuture<>();
        if (feed != null) {
            feed.started(scenario, 0);
        }
        p.finished().thenRun(() -> report(p, null));
        p.startAt(index, true);
        awaitJump(p, index, jumped);
        return jumped;
    }

    private static void awaitJump(ScenarioPlayer p, int index, java.util.concurrent.CompletableFuture<Void> jumped) {
        // The jump plays on the player's thread; poll lightly until it has played the steps before index.
        java.util.concurrent.CompletableFuture.runAsync(() -> {
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
            while (p.playedSteps() < index && !p.finished().isDone() && System.nanoTime() < deadline) {
                java.util.concurrent.locks.LockSupport.parkNanos(5_000_000);
            }
            jumped.complete(null);
        });
    }

    /** Starts the lesson's clock (unless {@code paused}): call once the window has been shown and painted. */
    public synchronized void go(boolean paused) {
        if (player != null && !paused) {
            player.resume();
            report(player, null);
        }
    }

    private ScenarioPlayer newPlayer(Scenario scenario) {
        ScenarioPlayer p = new ScenarioPlayer(engine, scenario, speed, new ScenarioPlayer.Listener() {
            @Override
            public void played(ScenarioStep step, long elapsedMs, StepOutcome outcome) {
                ScenarioPlayerControls.this.played(step, outcome);
            }

            @Override
            public void waiting(ScenarioStep step) {
                ScenarioPlayer now;
                synchronized (ScenarioPlayerControls.this) {
                    now = player;
                }
                if (now != null) {
                    report(now, null);
                }
            }
        }, ScenarioPlayer.Pacing.WINDOW);
        p.setStopAtEveryNote(stopAtEveryNote);
        return p;
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
        if (host != null && (!inLessonFolder || player != null || engine.head() > 0)) {
            // A lesson never plays into the learner's data, nor onto a store that already has events.
            host.openLesson(scenario, 0, paused);
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
        ScenarioPlayer p = newPlayer(scenario);
        player = p;
        if (feed != null) {
            feed.started(scenario, 0);
        }
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
        if (feed != null && p != null) {
            feed.played(step, outcome, p.playedSteps(), p.playedSteps() >= p.scenario().steps().size(),
                    p.isWaiting());
        }
        if (step instanceof NoteStep n) {
            // The caption is the lesson panel's; the bar under the toolbar keeps the status and answers.
            note = feed != null ? null : n.text();
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
        } else if (outcome instanceof StepOutcome.LoadRan load) {
            toLog.add(new Logged(false, "Load generator (step " + step.number() + ")", load.report().line()));
        } else if (outcome instanceof StepOutcome.Failed f && feed == null) {
            note = "Step " + step.number() + " could not be carried out: " + f.message();
        }
        if (p != null) {
            report(p, note);
        }
    }

    /** "GetOrderById(o-1) · read model". */
    static String question(QueryStep q) {
        String about = q.query().parameter() == null ? "" : "(" + q.query().parameter() + ")";
        return q.query().wireName() + about + " · " + (q.from() == QuerySource.WRITE_MODEL ? "write model" : "read model");
    }

    /** An answer in one line: "o-1 · Ada Lovelace · 12.50 · pending", "no orders", "o-1 pending, o-2 paid". */
    static String answer(Object answer) {
        return io.cqrsflow.scenario.AnswerText.of(answer);
    }

    private void report(ScenarioPlayer p, String note) {
        if (feed != null) {
            feed.waiting(p.isWaiting(), p.finished().isDone(), p.playedSteps());
        }
        List<String> shownAnswers;
        synchronized (this) {
            if (note != null) {
                lastNote = note;
            }
            shownAnswers = List.copyOf(answers);
        }
        int total = p.scenario().steps().size();
        String state = p.finished().isDone() ? "finished" : p.isPaused() ? "paused" : "playing";
        // With a lesson panel, that panel says where the lesson is; a second status line would only repeat it.
        String status = feed != null ? ""
                : "Scenario “" + p.scenario().name() + "” · " + state + " · step " + p.playedSteps() + " of " + total;
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
