package io.cqrsflow.scenario;

import io.cqrsflow.read.QueryAnswer;
import io.cqrsflow.write.CommandResult;

/** What playing one step produced. */
public sealed interface StepOutcome {

    record CommandOutcome(CommandResult result) implements StepOutcome {
    }

    /** A query's answer as it stood at that moment. */
    record QueryOutcome(QueryAnswer<?> answer) implements StepOutcome {
    }

    /** A note, or a projector control (setDelay, pause, …) that was carried out; {@code text} says what. */
    record Done(String text) implements StepOutcome {
    }

    /** A load step ran: what it sent, the rate it achieved, and how the commands came out. */
    record LoadRan(io.cqrsflow.load.LoadReport report) implements StepOutcome {
    }

    /** An {@code expect} step's check: whether it held, what was expected and what was found. */
    record Expectation(Check.Verdict verdict) implements StepOutcome {
    }

    /**
     * A question, decided against the live state when it was asked.
     *
     * @param verdicts one per choice, in order: a choice is right when its check held
     * @param agreed   whether the choices that held are exactly the ones the author marked right
     */
    record Answered(QuestionStep question, java.util.List<Check.Verdict> verdicts, boolean agreed)
            implements StepOutcome {
        public Answered {
            verdicts = java.util.List.copyOf(verdicts);
        }

        /** The answers the live state says are right, joined: "pending" or "paid / shipped"; "none" if none. */
        public String rightAnswers() {
            java.util.StringJoiner j = new java.util.StringJoiner(" / ");
            for (int i = 0; i < verdicts.size(); i++) {
                if (verdicts.get(i).held()) {
                    j.add(question.choices().get(i).answer());
                }
            }
            return j.length() == 0 ? "none" : j.toString();
        }
    }

    /** Whether this outcome fails the lesson: a step not carried out, an expectation or a question the state contradicts. */
    default boolean failed() {
        return this instanceof Failed || this instanceof Expectation e && !e.verdict().held()
                || this instanceof Answered a && !a.agreed();
    }

    /** The step could not be carried out (e.g. it names a projector that is not running). */
    record Failed(String message) implements StepOutcome {
    }
}
