package io.cqrsflow.ui.lesson;

import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;

import java.util.ArrayList;
import java.util.List;

/**
 * A question to predict, then reveal: the choices as buttons; a click (or the teacher's Continue) shows
 * which are right, as the live state decided when the question was asked, and why.
 */
final class QuestionBox extends VBox {
    private final Label ask = new Label();
    private final FlowPane choices = new FlowPane(8, 6);
    private final Label reveal = new Label();
    private final List<Button> buttons = new ArrayList<>();
    private LessonFeed.Question question;
    private boolean revealed;
    private Runnable onAnswered = () -> { };

    QuestionBox() {
        super(4);
        getStyleClass().add("lesson-question");
        setId("lesson-question");
        ask.getStyleClass().add("lesson-question-ask");
        ask.setWrapText(true);
        reveal.getStyleClass().add("lesson-question-why");
        reveal.setId("lesson-question-why");
        reveal.setWrapText(true);
        getChildren().addAll(ask, choices, reveal);
        LessonPanel.shown(this, false);
    }

    void setOnAnswered(Runnable action) {
        onAnswered = action;
    }

    /** {@code waiting}: the player waits for a choice; once it goes on, the answer shows. */
    void show(LessonFeed.Question q, boolean waiting) {
        LessonPanel.shown(this, q != null);
        if (q == null) {
            question = null;
            return;
        }
        if (q != question) {
            question = q;
            revealed = false;
            ask.setText("? " + q.ask());
            buttons.clear();
            for (int i = 0; i < q.choices().size(); i++) {
                Button b = new Button((char) ('A' + i) + "  " + q.choices().get(i));
                b.getStyleClass().add("lesson-choice");
                b.setId("lesson-choice-" + i);
                int chosen = i;
                b.setOnAction(e -> choose(chosen));
                buttons.add(b);
            }
            choices.getChildren().setAll(buttons);
        }
        if (!waiting && !revealed) {
            reveal(-1);
        }
        if (!revealed) {
            reveal.setText("Predict first: pick an answer.");
        }
    }

    private void choose(int chosen) {
        if (revealed || question == null) {
            return;
        }
        reveal(chosen);
        onAnswered.run();
    }

    private void reveal(int chosen) {
        revealed = true;
        for (int i = 0; i < buttons.size(); i++) {
            Button b = buttons.get(i);
            boolean right = question.right().get(i);
            b.getStyleClass().add(right ? "lesson-choice-right" : "lesson-choice-wrong");
            b.setText((right ? "✓ " : "✗ ") + b.getText().substring(3));
            b.setDisable(i != chosen && !right);
        }
        String verdict = chosen < 0 ? "" : question.right().get(chosen) ? "Right. " : "Not quite. ";
        reveal.setText(verdict + question.why()
                + (question.agreed() ? "" : "  (Teacher: the live state disagreed with the lesson's answer.)"));
    }
}
