package io.cqrsflow.ui.flow;

import io.cqrsflow.flow.CatchUpRate;
import io.cqrsflow.read.ProjectorState;
import io.cqrsflow.read.ProjectorStatus;
import io.cqrsflow.ui.FlowModel;
import io.cqrsflow.ui.Human;
import io.cqrsflow.ui.Palette;
import javafx.css.PseudoClass;
import javafx.geometry.Point2D;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignB;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

import java.util.Locale;

/**
 * One projector: its colour, state and live "N behind · X.X s", its queue of waiting events in
 * front of the checkpoint gate, a delay slider (0–10 s) and pause/resume, step and rebuild.
 */
public final class LaneView extends VBox {
    private final FlowModel model;
    private final String name;
    private final int number;
    private final Label state = new Label();
    private final Label behind = new Label();
    private final LaneTrack track;
    private final Slider delay = new Slider(0, ProjectorStatus.MAX_DELAY_MS / 1000.0, 0);
    private final Label delayValue = new Label();
    private final ToggleButton pause = new ToggleButton();
    private final Button step = new Button(null, new FontIcon(MaterialDesignS.STEP_FORWARD));
    private final Button rebuild = new Button(null, new FontIcon(MaterialDesignB.BACKUP_RESTORE));
    private boolean syncing;
    private String lastBehind = "";
    /** The rebuild's pace over the last seconds, for its "time left". */
    private final CatchUpRate rebuildRate = new CatchUpRate();
    private String lastState = "";

    LaneView(FlowModel model, String name, int number) {
        this.model = model;
        this.name = name;
        this.number = number;
        getStyleClass().add("lane");
        setId("lane-" + name);
        setStyle(Palette.projectorStyle(name));
        track = new LaneTrack(model, name);

        Circle dot = new Circle(6, Palette.projector(name));
        Label title = new Label(name);
        title.getStyleClass().add("lane-title");
        title.setMinWidth(Region.USE_PREF_SIZE);
        state.setMinWidth(Region.USE_PREF_SIZE);
        title.setGraphic(dot);
        title.setTooltip(new Tooltip("Projector " + name + ": reads events in position order and writes its"
                + " read model, no earlier than each event's time + its delay"));
        state.getStyleClass().add("lane-state");
        state.setId("lane-state-" + name);
        behind.getStyleClass().add("lane-behind");
        behind.setId("lane-behind-" + name);
        behind.setTooltip(new Tooltip("\"3 behind · 1.8 s\": events behind = head − checkpoint; time behind ="
                + " now − the time the oldest event it has not applied was recorded.\n\"caught up · #12\": every"
                + " event applied; #12 is its checkpoint, the last event it applied."));
        behind.setMinWidth(Region.USE_PREF_SIZE);
        // "19 behind · 6.0 s" goes under the title when the lane is too narrow for one line
        HBox named = new HBox(8, title, state);
        named.setAlignment(Pos.CENTER_LEFT);
        named.setMinWidth(Region.USE_PREF_SIZE);
        javafx.scene.layout.FlowPane header = new javafx.scene.layout.FlowPane(16, 2, named, behind);
        header.setRowValignment(javafx.geometry.VPos.CENTER);
        header.setMinHeight(Region.USE_PREF_SIZE);

        delay.setId("delay-" + name);
        delay.getStyleClass().add("lane-delay");
        delay.setMajorTickUnit(5);
        delay.setMinorTickCount(4);
        delay.setBlockIncrement(0.5);
        delay.setShowTickMarks(true);
        delay.setShowTickLabels(false);
        delay.setLabelFormatter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Double v) {
                return String.format(Locale.ROOT, "%.0f s", v);
            }

            @Override
            public Double fromString(String s) {
                return Double.valueOf(s.replace("s", "").strip());
            }
        });
        delay.setTooltip(new Tooltip("Delay of " + name + ": each event is applied no sooner than this long"
                + " after it was recorded (0–10 s). Arrow keys move it by 0.5 s."));
        HBox.setHgrow(delay, Priority.ALWAYS);
        delay.valueProperty().addListener((o, a, b) -> {
            delayValue.setText(String.format(Locale.ROOT, "%.1f s", b.doubleValue()));
            if (!syncing && !delay.isValueChanging()) {
                applyDelay();
            }
        });
        delay.valueChangingProperty().addListener((o, was, is) -> {
            if (!is) {
                applyDelay();
            }
        });
        delayValue.getStyleClass().add("lane-delay-value");
        delayValue.setId("delay-value-" + name);
        delayValue.setMinWidth(Region.USE_PREF_SIZE);

        pause.setId("pause-" + name);
        pause.getStyleClass().addAll("small", "button-icon");
        pause.setOnAction(e -> {
            if (pause.isSelected()) {
                model.client().pause(name);
            } else {
                model.client().resume(name);
            }
            showPauseButton();
        });
        step.setId("step-" + name);
        step.getStyleClass().addAll("small", "button-icon");
        step.setTooltip(new Tooltip("Apply exactly one waiting event, whatever its delay (while paused)"
                + "  (Ctrl+Shift+" + number + ")"));
        step.setOnAction(e -> model.client().step(name));
        rebuild.setId("rebuild-" + name);
        rebuild.getStyleClass().addAll("small", "button-icon");
        rebuild.setTooltip(new Tooltip("Empty this read model and replay every event from position 0."
                + " events.db is not touched. A paused projector stays paused: step through, or resume"
                + "  (Ctrl+Alt+" + number + ")"));
        rebuild.setOnAction(e -> model.client().rebuild(name));
        Label delayLabel = new Label("delay");
        delayLabel.getStyleClass().add("field-label");
        delayLabel.setMinWidth(Region.USE_PREF_SIZE);
        HBox controls = new HBox(6, delayLabel, delay, delayValue, pause, step, rebuild);
        controls.setAlignment(Pos.CENTER_LEFT);
        setMinWidth(0);
        header.setMinWidth(0);
        controls.setMinWidth(0);
        delay.setMinWidth(40);
        getChildren().addAll(header, track, controls);
        setSpacing(4);
        showPauseButton();
        ProjectorStatus s = model.statuses().get(name);
        if (s != null) {
            show(s);
        }
    }

    public String projectorName() {
        return name;
    }

    private void applyDelay() {
        if (syncing) {
            return;
        }
        long ms = Math.round(delay.getValue() * 1000);
        ProjectorStatus s = model.statuses().get(name);
        if (s == null || s.delayMs() != ms) {
            model.client().setDelay(name, ms);
        }
    }

    private void showPauseButton() {
        boolean paused = pause.isSelected();
        pause.setText(null);
        pause.setGraphic(new FontIcon(paused ? MaterialDesignP.PLAY : MaterialDesignP.PAUSE));
        pause.setTooltip(new Tooltip((paused ? "Resume applying events" : "Stop applying events; the queue grows")
                + "  (Alt+" + number + ")"));
        step.setDisable(!paused);
    }

    /** A new status arrived: state, slider, buttons. */
    void show(ProjectorStatus s) {
        if (s == null) {
            return;
        }
        for (ProjectorState st : ProjectorState.values()) {
            state.pseudoClassStateChanged(PseudoClass.getPseudoClass(st.name().toLowerCase(Locale.ROOT).replace('_', '-')),
                    st == s.state());
        }
        showState(s);
        if (s.state() == ProjectorState.FAILED && s.problem() != null) {
            state.setTooltip(new Tooltip(s.problem()));
        }
        if (!delay.isValueChanging() && Math.round(delay.getValue() * 1000) != s.delayMs()) {
            syncing = true;
            delay.setValue(s.delayMs() / 1000.0);
            syncing = false;
        }
        delayValue.setText(String.format(Locale.ROOT, "%.1f s", delay.getValue()));
        boolean paused = s.state() == ProjectorState.PAUSED;
        if (pause.isSelected() != paused) {
            pause.setSelected(paused);
            showPauseButton();
        }
        track.redraw(s);
    }

    /** Every frame: the live figures (time behind keeps ticking between signals). */
    void tick() {
        ProjectorStatus s = model.statuses().get(name);
        if (s == null) {
            return;
        }
        showState(s);
        String text = model.checked(name) ? behindText(s, model.now()) : CHECKING;
        if (!text.equals(lastBehind)) {
            lastBehind = text;
            behind.setText(text);
            pseudoClassStateChanged(PseudoClass.getPseudoClass("lagging"), s.eventsBehind() > 0);
        }
        track.redraw(s);
    }

    /**
     * The lane's state: "paused", "caught up", … and, while it rebuilds, "rebuilding 1 200 / 5 000" (its
     * checkpoint climbing to the head it rebuilds up to), so a manual rebuild shows in the lane.
     */
    public static String stateText(ProjectorStatus s) {
        if (s.state() == ProjectorState.REBUILDING) {
            return "rebuilding " + Human.count(Math.min(s.checkpoint(), s.rebuildTarget())) + " / "
                    + Human.count(s.rebuildTarget());
        }
        return s.state().label();
    }

    /** The state, with the time a rebuild has left at its recent pace. */
    private void showState(ProjectorStatus s) {
        long msLeft = -1;
        if (s.state() == ProjectorState.REBUILDING) {
            rebuildRate.sample(model.now().toEpochMilli(), s.checkpoint());
            msLeft = rebuildRate.msLeft(s.rebuildTarget());
        } else {
            rebuildRate.reset();
        }
        String text = stateText(s, msLeft);
        if (!text.equals(lastState)) {
            lastState = text;
            state.setText(text);
        }
    }

    /** As {@link #stateText(ProjectorStatus)}, with "· 8 s left" while rebuilding once the pace is known ({@code msLeft} ≥ 0). */
    public static String stateText(ProjectorStatus s, long msLeft) {
        String text = stateText(s);
        return s.state() == ProjectorState.REBUILDING && msLeft >= 0 ? text + " · " + Human.duration(msLeft) + " left" : text;
    }

    /** What the figures say until the rows have been read and compared with the truth. */
    public static final String CHECKING = "checking…";

    /**
     * "3 behind · 1.8 s", "927 001 behind · 334 days", or "caught up · #12" (the checkpoint): short enough
     * for a narrow lane.
     */
    public static String behindText(ProjectorStatus s, java.time.Instant now) {
        long n = s.eventsBehind();
        if (n == 0) {
            return "caught up · #" + Human.count(s.checkpoint());
        }
        return Human.count(n) + " behind · " + Human.duration(s.timeBehindMs(now));
    }

    void togglePause() {
        pause.fire();
    }

    void step() {
        if (!step.isDisabled()) {
            step.fire();
        }
    }

    void rebuild() {
        rebuild.fire();
    }

    LaneTrack track() {
        return track;
    }

    Point2D pointIn(javafx.scene.Node target, Point2D local) {
        Point2D scene = track.localToScene(local);
        return target.sceneToLocal(scene);
    }
}
