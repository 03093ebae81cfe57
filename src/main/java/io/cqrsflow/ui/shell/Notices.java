package io.cqrsflow.ui.shell;

import io.cqrsflow.flow.FlowSignal;
import io.cqrsflow.ui.FlowModel;
import javafx.animation.FadeTransition;
import javafx.animation.PauseTransition;
import javafx.animation.SequentialTransition;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.util.Duration;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignI;

/**
 * What the engine wants the learner to know (read.db rebuilt, a projection added, a rebuild), shown for a few seconds in
 * the toolbar's free space (hidden when there is too little room)
 * and then faded out; the result log keeps it for later.
 */
public final class Notices extends Label {
    private final SequentialTransition fade;

    public Notices(FlowModel model) {
        setId("notice-toast");
        getStyleClass().add("notice-toast");
        setGraphic(new FontIcon(MaterialDesignI.INFORMATION));
        setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        setOpacity(0);
        setMouseTransparent(true);
        FadeTransition in = new FadeTransition(Duration.millis(200), this);
        in.setToValue(1);
        FadeTransition out = new FadeTransition(Duration.millis(800), this);
        out.setToValue(0);
        fade = new SequentialTransition(in, new PauseTransition(Duration.seconds(6)), out);
        model.onSignal(s -> {
            if (s instanceof FlowSignal.Notice notice) {
                show(notice.message());
            }
        });
    }

    /** FX thread only. */
    public void show(String message) {
        setText(message);
        fade.playFromStart();
    }
}
