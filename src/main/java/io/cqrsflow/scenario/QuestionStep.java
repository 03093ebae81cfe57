package io.cqrsflow.scenario;

import java.util.List;
import java.util.Objects;

/**
 * Predict, then reveal: a question with two to four choices. Each choice carries a {@link Check}; the
 * choices whose check holds when the step plays are the right ones, and the lesson's author marks the
 * ones they mean to be right — the live state must agree.
 *
 * @param why shown with the answer: the reason, in the teacher's words (may be empty)
 */
public record QuestionStep(int number, long atMs, String ask, List<Choice> choices, String why)
        implements ScenarioStep {

    public static final int MIN_CHOICES = 2;
    public static final int MAX_CHOICES = 4;

    /** @param right whether the author means this choice to be right */
    public record Choice(String answer, Check check, boolean right) {
        public Choice {
            Objects.requireNonNull(answer, "answer");
            Objects.requireNonNull(check, "check");
        }
    }

    public QuestionStep {
        Objects.requireNonNull(ask, "ask");
        choices = List.copyOf(choices);
        why = why == null ? "" : why;
    }

    @Override
    public String kind() {
        return "question";
    }
}
