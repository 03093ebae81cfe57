package io.cqrsflow.ui.lesson;

import io.cqrsflow.scenario.Check;
import io.cqrsflow.scenario.CommandStep;
import io.cqrsflow.scenario.NoteStep;
import io.cqrsflow.scenario.QuestionStep;
import io.cqrsflow.scenario.Scenario;
import io.cqrsflow.scenario.ScenarioStep;
import io.cqrsflow.scenario.StepOutcome;
import javafx.application.Platform;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * What a lesson has said so far, collected on the player's thread and handed to the FX thread coalesced
 * (at most one {@code runLater} pending): the caption (the latest note, which only the next note
 * replaces), the notes before it, the step line (every step that is not a note), the teacher's line
 * about the lesson's checks, the open question, and where the lesson is.
 */
public final class LessonFeed {

    /** A question as the panel shows it: which choices the live state says are right, once it was asked. */
    public record Question(int step, String ask, List<String> choices, List<Boolean> right, String why,
                           boolean agreed) {
        public Question {
            choices = List.copyOf(choices);
            right = List.copyOf(right);
        }
    }

    /**
     * @param captionStep the step number of the caption's note (0: none yet)
     * @param history     every note shown so far, oldest first, the caption last
     * @param checks      one line for the teacher: how many claims held, or the first that did not
     * @param checkFailed whether a claim failed (shown in red, never hidden)
     */
    public record State(String lesson, int played, int total, boolean waiting, boolean finished, String caption,
                        int captionStep, List<String> history, String stepLine, String checks, boolean checkFailed,
                        Question question) {
        public State {
            history = List.copyOf(history);
        }

        public static final State NONE = new State("", 0, 0, false, false, "", 0, List.of(), "", "", false, null);
    }

    private final Consumer<State> show;
    private final AtomicBoolean pending = new AtomicBoolean();
    private State state = State.NONE;
    private int held;
    private final List<String> failures = new ArrayList<>();

    /** @param show called on the FX thread with the latest state */
    public LessonFeed(Consumer<State> show) {
        this.show = show;
    }

    public synchronized void started(Scenario scenario, int played) {
        held = 0;
        failures.clear();
        state = new State(scenario.name(), played, scenario.steps().size(), false, false, "", 0, List.of(),
                "", "", false, null);
        publish();
    }

    /** {@code waiting}: the player stops after this step (a question waits for its answer). */
    public synchronized void played(ScenarioStep step, StepOutcome outcome, int played, boolean finished,
                                    boolean waiting) {
        State s = state;
        String caption = s.caption();
        int captionStep = s.captionStep();
        List<String> history = s.history();
        String stepLine = s.stepLine();
        Question question = s.question();
        if (step instanceof NoteStep n) {
            caption = n.text();
            captionStep = n.number();
            history = new ArrayList<>(history);
            history.add("Step " + n.number() + " · " + n.text());
            question = null;
        } else {
            stepLine = "Step " + step.number() + " · " + StepLines.of(step, outcome);
        }
        if (outcome instanceof StepOutcome.Expectation e) {
            count(step, e.verdict().held(), e.verdict().line());
        } else if (outcome instanceof StepOutcome.Answered a) {
            question = question(a);
            count(step, a.agreed(), "the lesson's answer is not what the live state says: " + a.rightAnswers());
        } else if (outcome instanceof StepOutcome.Failed f) {
            failures.add("step " + step.number() + " could not be carried out: " + f.message());
        }
        String checks = failures.isEmpty() ? (held == 0 ? "" : "✓ " + held + " claim" + (held == 1 ? "" : "s")
                + " checked against the live state") : "✗ " + failures.get(0)
                + (failures.size() > 1 ? " (and " + (failures.size() - 1) + " more)" : "");
        state = new State(s.lesson(), played, s.total(), waiting, finished, caption, captionStep, history, stepLine,
                checks, !failures.isEmpty(), question);
        publish();
    }

    public synchronized void waiting(boolean waiting, boolean finished, int played) {
        State s = state;
        state = new State(s.lesson(), played, s.total(), waiting, finished, s.caption(), s.captionStep(),
                s.history(), s.stepLine(), s.checks(), s.checkFailed(), s.question());
        publish();
    }

    public synchronized State state() {
        return state;
    }

    private void count(ScenarioStep step, boolean ok, String line) {
        if (ok) {
            held++;
        } else {
            failures.add("step " + step.number() + " (" + step.kind() + "): " + line);
        }
    }

    private static Question question(StepOutcome.Answered a) {
        QuestionStep q = a.question();
        List<String> choices = new ArrayList<>();
        List<Boolean> right = new ArrayList<>();
        for (int i = 0; i < q.choices().size(); i++) {
            choices.add(q.choices().get(i).answer());
            Check.Verdict v = a.verdicts().get(i);
            right.add(v.held());
        }
        return new Question(q.number(), q.ask(), choices, right, q.why(), a.agreed());
    }

    private void publish() {
        if (pending.compareAndSet(false, true)) {
            Platform.runLater(() -> {
                pending.set(false);
                show.accept(state());
            });
        }
    }

    /** The step line's words for a step that is not a note. */
    static final class StepLines {
        private StepLines() {
        }

        static String of(ScenarioStep step, StepOutcome outcome) {
            if (outcome instanceof StepOutcome.CommandOutcome c && step instanceof CommandStep cs) {
                String result = c.result().getClass().getSimpleName().toLowerCase();
                return cs.command().type() + " " + result;
            }
            if (outcome instanceof StepOutcome.Expectation e) {
                return (e.verdict().held() ? "✓ " + e.verdict().expected() : "✗ " + e.verdict().line());
            }
            if (outcome instanceof StepOutcome.Answered a) {
                return "a question for the class: predict, then reveal";
            }
            if (outcome instanceof StepOutcome.QueryOutcome q) {
                return "asked " + q.answer().query().describe();
            }
            if (outcome instanceof StepOutcome.Done d) {
                return d.text();
            }
            if (outcome instanceof StepOutcome.Failed f) {
                return "could not be carried out: " + f.message();
            }
            return step.kind();
        }
    }
}
