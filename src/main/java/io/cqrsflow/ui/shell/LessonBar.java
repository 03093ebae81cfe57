package io.cqrsflow.ui.shell;

import io.cqrsflow.ui.ScenarioPlayerControls;
import io.cqrsflow.ui.command.ResultLog;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/**
 * The bar under the toolbar while a scenario plays: where it is, the teacher's latest note for the class,
 * and the latest query answers (a note often talks about them). Hidden until a scenario says something.
 */
public final class LessonBar extends VBox {
    private final Label status = new Label();
    private final Label note = new Label();
    private final Label answers = new Label();
    private final ResultLog log;

    /** Notes and answers also go into {@code log}, so nothing a scenario said is gone once the next replaces it. */
    public LessonBar(ResultLog log) {
        super(2);
        this.log = log;
        status.getStyleClass().add("scenario-status");
        status.setId("scenario-status");
        note.getStyleClass().add("scenario-note");
        note.setId("scenario-note");
        note.setWrapText(true);
        answers.getStyleClass().add("scenario-answers");
        answers.setId("scenario-answers");
        answers.setWrapText(true);
        shown(answers, false);
        getChildren().addAll(status, note, answers);
        getStyleClass().add("scenario-bar");
        shown(this, false);
    }

    /**
     * Where the scenario is (blank: no status line — the lesson panel says it), and its latest note (none:
     * no note line). Hidden while it has nothing to say. FX thread only.
     */
    public void show(String scenarioStatus, String latestNote) {
        status.setText(scenarioStatus == null ? "" : scenarioStatus);
        shown(status, !status.getText().isBlank());
        note.setText(latestNote == null ? "" : latestNote);
        shown(note, latestNote != null && !latestNote.isBlank());
        shown(this, status.isManaged() || note.isManaged() || answers.isManaged());
    }

    /**
     * As {@link #show(String, String)}, with the latest answers under the note, and every note and answer
     * since the last call put in the result log. FX thread only.
     */
    public void show(ScenarioPlayerControls.Progress progress) {
        answers.setText(String.join("\n", progress.answers()));
        shown(answers, !progress.answers().isEmpty());
        show(progress.status(), progress.note());
        for (ScenarioPlayerControls.Logged l : progress.logged()) {
            log.add(new ResultLog.Entry(l.query() ? ResultLog.Outcome.QUERY : ResultLog.Outcome.NOTICE,
                    l.query() ? "? " + l.headline() : l.headline(), l.detail()));
        }
    }

    private static void shown(Node node, boolean shown) {
        node.setVisible(shown);
        node.setManaged(shown);
    }
}
