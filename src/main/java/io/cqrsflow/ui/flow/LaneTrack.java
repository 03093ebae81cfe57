package io.cqrsflow.ui.flow;

import io.cqrsflow.read.ProjectorState;
import io.cqrsflow.read.ProjectorStatus;
import io.cqrsflow.ui.BaseFont;
import io.cqrsflow.ui.FlowModel;
import io.cqrsflow.ui.Palette;
import javafx.beans.value.ObservableValue;
import javafx.css.CssMetaData;
import javafx.css.Styleable;
import javafx.css.StyleableProperty;
import javafx.css.StyleablePropertyFactory;
import javafx.geometry.Point2D;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

import java.util.List;

/**
 * A projector's queue, drawn: the events it has not applied yet wait as tokens (coloured by type) in
 * front of its checkpoint gate; past the gate lies its read model. Too many to draw become "+N".
 */
final class LaneTrack extends Region {
    private static final double TOKEN = 14;
    private static final double GAP = 4;
    private static final double GATE_FROM_RIGHT = 96;
    private static final StyleablePropertyFactory<LaneTrack> CSS = new StyleablePropertyFactory<>(Region.getClassCssMetaData());

    private final FlowModel model;
    private final String projector;
    private final Canvas canvas = new Canvas();
    private ProjectorStatus drawn;
    private double drawnWidth;
    private double drawnHeight;
    private double drawnScale;
    private double fontScale = 1;
    // From CSS, so the theme and presenter mode reach the canvas: the window's font, the text colour and how
    // strongly the lane's colour tints its background (flow.css).
    private final StyleableProperty<Font> font = CSS.createStyleableFontProperty(this, "font", "-fx-font",
            t -> t.font, BaseFont.initial(), true);
    private final StyleableProperty<Color> ink = CSS.createStyleableColorProperty(this, "ink", "-cf-lane-ink",
            t -> t.ink, Color.web("#24292f"));
    private final StyleableProperty<Number> tint = CSS.createStyleableNumberProperty(this, "tint", "-cf-lane-tint",
            t -> t.tint, 0.09);

    LaneTrack(FlowModel model, String projector) {
        this.model = model;
        this.projector = projector;
        getStyleClass().add("lane-track");
        getChildren().add(canvas);
        setMinHeight(34);
        setPrefHeight(34);
        ((ObservableValue<?>) font).addListener((o, a, b) -> {
            fontScale = BaseFont.scale(font.getValue());
            setPrefHeight(34 * Math.max(1, fontScale * 0.85));
            repaint();
        });
        ((ObservableValue<?>) ink).addListener((o, a, b) -> repaint());
        ((ObservableValue<?>) tint).addListener((o, a, b) -> repaint());
    }

    @Override
    public List<CssMetaData<? extends Styleable, ?>> getCssMetaData() {
        return CSS.getCssMetaData();
    }

    /** Draws again at the next layout, even if the status has not changed. */
    private void repaint() {
        drawn = null;
        requestLayout();
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
        redraw(model.statuses().get(projector));
    }

    /** Where an arriving token lands: the left end of the track, in this node's coordinates. */
    Point2D entry() {
        return new Point2D(8, getHeight() / 2);
    }

    /** The checkpoint gate. */
    Point2D gate() {
        return new Point2D(gateX(), getHeight() / 2);
    }

    private double gateX() {
        return getWidth() - GATE_FROM_RIGHT * Math.max(1, fontScale);
    }

    /** Where an applied token goes: into the read model, at the right end. */
    Point2D exit() {
        return new Point2D(getWidth() - 6, getHeight() / 2);
    }

    void redraw(ProjectorStatus status) {
        // the height counts too: a lane squeezed after its font grew must not keep the taller picture
        if (status == null || (status == drawn && drawnWidth == getWidth() && drawnHeight == getHeight()
                && drawnScale == fontScale)) {
            return;
        }
        drawn = status;
        drawnWidth = getWidth();
        drawnHeight = getHeight();
        drawnScale = fontScale;
        double w = getWidth();
        double h = getHeight();
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, w, h);
        if (w < 40) {
            return;
        }
        Color lane = Palette.projector(projector);
        Color text = ink.getValue();
        g.setFill(lane.deriveColor(0, 1, 1, tint.getValue().doubleValue()));
        g.fillRoundRect(0, 2, w, h - 4, 10, 10);
        double gateX = gateX();
        double mid = h / 2;

        // the read model end, past the gate
        g.setFill(lane.deriveColor(0, 1, 1, 0.85));
        g.setFont(Font.font("System", FontWeight.BOLD, 11 * fontScale));
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        g.fillText("→ read model", gateX + 8, mid);

        // the queue
        long behind = status.eventsBehind();
        double token = Math.min(TOKEN * Math.max(1, fontScale * 0.85), h - 10);
        int fits = (int) Math.max(0, (gateX - 12) / (token + GAP));
        long drawnTokens = behind > fits ? Math.max(0, fits - 2) : behind;
        double x = gateX - 6 - token;
        for (long i = 0; i < drawnTokens; i++) {
            long position = status.checkpoint() + 1 + i;
            String type = model.typeAt(position);
            g.setFill(type == null ? Color.web(Palette.UNKNOWN) : Palette.event(type));
            g.fillRoundRect(x, mid - token / 2, token, token, 5, 5);
            x -= token + GAP;
        }
        if (behind > drawnTokens) {
            long more = behind - drawnTokens;
            g.setFill(lane);
            double pill = 2 * token + GAP;
            g.fillRoundRect(Math.max(4, x - pill + token), mid - token / 2, pill, token, token, token);
            g.setFill(Color.WHITE);
            g.setFont(Font.font("System", FontWeight.BOLD, 10 * fontScale));
            g.setTextAlign(TextAlignment.CENTER);
            g.fillText("+" + more, Math.max(4, x - pill + token) + pill / 2, mid);
        }
        if (behind == 0) {
            g.setFill(text.deriveColor(0, 1, 1, 0.45));
            g.setFont(Font.font("System", 11 * fontScale));
            g.setTextAlign(TextAlignment.RIGHT);
            g.fillText("nothing waiting", gateX - 10, mid);
        }

        // the checkpoint gate
        g.setFill(lane);
        g.fillRoundRect(gateX - 3, 3, 6, h - 6, 4, 4);
        if (status.state() == ProjectorState.REBUILDING) {
            g.setFill(lane.deriveColor(0, 1, 1, 0.35));
            g.fillRect(0, h - 5, w * status.rebuildProgress(), 3);
        }
    }
}
