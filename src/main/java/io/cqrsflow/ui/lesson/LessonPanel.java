package io.cqrsflow.ui.lesson;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.util.function.IntConsumer;

/**
 * The lesson as the class follows it, under the toolbar: the caption (the latest note, until the next
 * one), the step line (every other step), the teacher's line about the lesson's checks, a question with
 * its choices, and a bar with the lesson's progress (click it to jump to a step), Continue, "stop at every
 * note", the caption history and Leave lesson. Hidden while no lesson plays.
 */
public final class LessonPanel extends VBox {
    private final Label caption = new Label();
    private final Label stepLine = new Label();
    private final Label checks = new Label();
    private final QuestionBox question = new QuestionBox();
    private final ProgressBar progress = new ProgressBar(0);
    private final Label where = new Label();
    private final Button continueButton = new Button("Continue ␣");
    private final ToggleButton stopAtNotes = new ToggleButton("Stop at every note");
    private final ToggleButton historyButton = new ToggleButton("History");
    private final Button leave = new Button("Leave lesson");
    private final ListView<String> history = new ListView<>();
    private LessonFeed.State shown = LessonFeed.State.NONE;
    private IntConsumer onJump = index -> { };

    public LessonPanel() {
        super(4);
        getStyleClass().add("lesson-panel");
        getStylesheets().add(LessonPanel.class.getResource("/io/cqrsflow/ui/lesson/lesson.css").toExternalForm());
        setId("lesson-panel");
        caption.getStyleClass().add("lesson-caption");
        caption.setId("lesson-caption");
        caption.setWrapText(true);
        caption.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        stepLine.getStyleClass().add("lesson-step-line");
        stepLine.setId("lesson-step-line");
        checks.getStyleClass().add("lesson-checks");
        checks.setId("lesson-checks");
        checks.setWrapText(true);
        progress.getStyleClass().add("lesson-progress");
        progress.setId("lesson-progress");
        progress.setMaxWidth(Double.MAX_VALUE);
        progress.setTooltip(new Tooltip("Click to jump to a step: the lesson replays from an empty store up to it"));
        progress.setOnMouseClicked(e -> {
            if (shown.total() > 0 && progress.getWidth() > 0) {
                int index = (int) Math.floor(e.getX() / progress.getWidth() * shown.total());
                onJump.accept(Math.max(0, Math.min(shown.total() - 1, index)));
            }
        });
        HBox.setHgrow(progress, Priority.ALWAYS);
        progress.setMinWidth(60);
        for (javafx.scene.control.Control c : java.util.List.of(continueButton, stopAtNotes, historyButton, leave)) {
            c.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        }
        continueButton.setId("lesson-continue");
        continueButton.setTooltip(new Tooltip("Go on after a note or a question (Space)"));
        stopAtNotes.setId("lesson-stop-at-notes");
        stopAtNotes.setTooltip(new Tooltip("Wait for Continue after every note (presenter mode turns this on)"));
        historyButton.setId("lesson-history-button");
        leave.setId("lesson-leave");
        leave.setTooltip(new Tooltip("Close the lesson's folder and reopen your own data, untouched"));
        history.getStyleClass().add("lesson-history");
        history.setId("lesson-history");
        history.setPrefHeight(120);
        shown(history, false);
        historyButton.selectedProperty().addListener((o, was, now) -> shown(history, now));
        HBox bar = new HBox(8, where, progress, continueButton, stopAtNotes, historyButton, leave);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("lesson-bar");
        where.getStyleClass().add("lesson-where");
        where.setWrapText(true); // presenter mode's larger type: onto a second line, not cut to "…"
        where.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        HBox lines = new HBox(16, stepLine, checks);
        lines.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(bar, caption, question, lines, history);
        shown(this, false);
    }

    /** FX thread only. */
    public void show(LessonFeed.State state) {
        shown = state;
        shown(this, state.total() > 0);
        where.setText(state.lesson() + " · step " + state.played() + " of " + state.total()
                + (state.waiting() ? " · waiting for you" : state.finished() ? " · finished" : ""));
        progress.setProgress(state.total() == 0 ? 0 : (double) state.played() / state.total());
        caption.setText(state.caption());
        shown(caption, !state.caption().isEmpty());
        stepLine.setText(state.stepLine());
        checks.setText(state.checks());
        checks.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("failed"), state.checkFailed());
        shown(checks, !state.checks().isEmpty());
        question.show(state.question(), state.waiting());
        continueButton.setDisable(!state.waiting());
        history.getItems().setAll(state.history());
        if (!state.history().isEmpty()) {
            history.scrollTo(state.history().size() - 1);
        }
    }

    public void setOnContinue(Runnable action) {
        continueButton.setOnAction(e -> action.run());
    }

    public void setOnLeave(Runnable action) {
        leave.setOnAction(e -> action.run());
    }

    /** Leave lesson shows only in a lesson folder. */
    public void setLeaveShown(boolean inLessonFolder) {
        shown(leave, inLessonFolder);
    }

    /** Called with the 0-based index (in playing order) of the step to jump to. */
    public void setOnJump(IntConsumer action) {
        onJump = action;
    }

    public ToggleButton stopAtEveryNote() {
        return stopAtNotes;
    }

    public Button continueButton() {
        return continueButton;
    }

    static void shown(Node node, boolean shown) {
        node.setVisible(shown);
        node.setManaged(shown);
    }
}
