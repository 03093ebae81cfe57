package io.cqrsflow.ui;

import io.cqrsflow.scenario.Scenario;

/**
 * Whether the CRUD panel shows, across the views the window makes (one per data folder, one per lesson): on
 * when the learner turned it on, or while a lesson that lists the {@code crud} panel plays; a lesson's panel
 * goes again when the lesson ends. Only the learner's own clicks change what they chose. FX thread only.
 */
final class CrudPanelChoice {
    private boolean learnerWants;

    /** Sets the panel of a new {@code view} for {@code lesson} (null: no lesson playing) and follows its toggle. */
    void apply(MainView view, Scenario lesson) {
        view.crudShownProperty().set(shown(lesson));
        view.crudShownProperty().addListener((o, was, now) -> learnerWants = now);
    }

    boolean shown(Scenario lesson) {
        return learnerWants || lesson != null && lesson.wantsCrud();
    }
}
