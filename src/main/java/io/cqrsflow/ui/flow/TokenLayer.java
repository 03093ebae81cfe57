package io.cqrsflow.ui.flow;

import io.cqrsflow.ui.BaseFont;
import javafx.css.CssMetaData;
import javafx.css.Styleable;
import javafx.css.StyleableProperty;
import javafx.css.StyleablePropertyFactory;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.geometry.VPos;
import javafx.scene.Group;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Line;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The moving tokens, above the flow. Each path carries at most a few tokens at a time; more are merged into
 * the newest one, which then shows "+N" — so a burst of 200 orders costs a handful of moves a frame and the
 * picture never falls behind. Each token is a small node of its own, moved every frame: the renderer draws
 * again only the few spots a token left or reached, not the whole flow under one canvas (the software
 * renderer spent about a third of a core on that under load). Nodes of landed tokens are kept for the next.
 */
final class TokenLayer extends Pane {
    static final int MAX_PER_PATH = 6;
    private static final double SIZE = 16;
    private static final StyleablePropertyFactory<TokenLayer> CSS = new StyleablePropertyFactory<>(Pane.getClassCssMetaData());

    private final List<Flight> flights = new ArrayList<>();
    private final Map<String, Integer> perPath = new HashMap<>();
    private final Map<Flight, Token> shown = new IdentityHashMap<>();
    private final Deque<Token> spare = new ArrayDeque<>();
    /** The window's font, from CSS: tokens and their "+N" grow with it in presenter mode. */
    private final StyleableProperty<Font> font = CSS.createStyleableFontProperty(this, "font", "-fx-font",
            t -> t.font, BaseFont.initial(), true);

    TokenLayer() {
        getStyleClass().add("token-layer");
        setMouseTransparent(true);
        setPickOnBounds(false);
    }

    @Override
    public List<CssMetaData<? extends Styleable, ?>> getCssMetaData() {
        return CSS.getCssMetaData();
    }

    /** Describes a token's flight along {@code path}; {@code launch()} on the builder puts it in the air. */
    Flight.Builder flight(String path) {
        return new Flight.Builder(path, this::launch);
    }

    private void launch(Flight flight) {
        int onPath = perPath.getOrDefault(flight.path, 0);
        if (onPath >= MAX_PER_PATH) {
            for (int i = flights.size() - 1; i >= 0; i--) {
                Flight f = flights.get(i);
                if (f.path.equals(flight.path)) {
                    f.count += flight.count;
                    return;
                }
            }
        }
        perPath.merge(flight.path, 1, Integer::sum);
        flights.add(flight);
    }

    int inFlight() {
        return flights.size();
    }

    /** Where each token in the air was drawn last, in this layer's coordinates (for tests). */
    List<Bounds> drawnAt() {
        List<Bounds> at = new ArrayList<>();
        for (Token t : shown.values()) {
            at.add(t.at);
        }
        return at;
    }

    /** Moves every token; calls arrivals (which may launch more) after moving them. */
    void tick(long now) {
        List<Flight> arrived = new ArrayList<>();
        double fontScale = BaseFont.scale(font.getValue());
        double size = SIZE * Math.max(1, fontScale * 0.85);
        for (Iterator<Flight> it = flights.iterator(); it.hasNext(); ) {
            Flight f = it.next();
            double t = f.progress(now);
            Point2D p = f.at(f.bounce ? bounce(t) : ease(t));
            if (p == null || t >= 1) {
                hide(f);
                it.remove();
                perPath.merge(f.path, -1, Integer::sum);
                if (p != null) {
                    arrived.add(f);
                }
                continue;
            }
            // it keeps to its track: no arc over the legend, no corner outside the layer
            double x = Math.max(size / 2, p.getX());
            double alpha = t > 0.85 && !f.bounce ? 1 - (t - 0.85) / 0.15 * 0.4 : 1;
            token(f).show(f, x, p.getY(), size, fontScale, alpha);
        }
        for (Flight f : arrived) {
            if (f.onArrival != null) {
                f.onArrival.accept(f.count);
            }
        }
    }

    private Token token(Flight f) {
        Token t = shown.get(f);
        if (t == null) {
            t = spare.isEmpty() ? new Token() : spare.pop();
            if (t.getParent() == null) {
                getChildren().add(t);
            }
            t.setVisible(true);
            shown.put(f, t);
        }
        return t;
    }

    private void hide(Flight f) {
        Token t = shown.remove(f);
        if (t != null) {
            t.setVisible(false);
            spare.push(t);
        }
    }

    /** One token: a soft halo, the coloured square, a cross when it bounces, "+N" beside it when merged. */
    private static final class Token extends Group {
        private static final Color BADGE = Color.web("#1f2328", 0.85);
        private final Circle halo = new Circle();
        private final Rectangle body = new Rectangle();
        private final Line down = new Line();
        private final Line up = new Line();
        private final Rectangle badge = new Rectangle();
        private final Text label = new Text();
        private Bounds at;
        private double shownSize = -1;
        private double shownScale = -1;
        private int shownCount = -1;

        Token() {
            setManaged(false);
            body.setArcWidth(6);
            body.setArcHeight(6);
            for (Line l : List.of(down, up)) {
                l.setStroke(Color.WHITE);
                l.setStrokeWidth(2);
            }
            badge.setFill(BADGE);
            badge.setArcWidth(9);
            badge.setArcHeight(9);
            label.setFill(Color.WHITE);
            label.setTextOrigin(VPos.CENTER);
            getChildren().addAll(halo, body, down, up, badge, label);
        }

        /** Draws it centred on (x, y); only what changed is set, so a token that only moves only moves. */
        void show(Flight f, double x, double y, double size, double fontScale, double alpha) {
            if (size != shownSize) {
                shownSize = size;
                halo.setRadius(size * 0.9);
                body.setX(-size / 2);
                body.setY(-size / 2);
                body.setWidth(size);
                body.setHeight(size);
                double d = size * 0.22;
                down.setStartX(-d);
                down.setStartY(-d);
                down.setEndX(d);
                down.setEndY(d);
                up.setStartX(-d);
                up.setStartY(d);
                up.setEndX(d);
                up.setEndY(-d);
                shownCount = -1;
            }
            if (body.getFill() != f.color) {
                body.setFill(f.color);
                halo.setFill(f.color.deriveColor(0, 1, 1, 0.25));
            }
            down.setVisible(f.bounce);
            up.setVisible(f.bounce);
            badge(f.count, size, fontScale);
            setTranslateX(x);
            setTranslateY(y);
            setOpacity(alpha);
            at = new BoundingBox(x - size / 2, y - size / 2, size, size);
        }

        private void badge(int count, double size, double fontScale) {
            badge.setVisible(count > 1);
            label.setVisible(count > 1);
            if (count <= 1 || (count == shownCount && fontScale == shownScale)) {
                return;
            }
            shownCount = count;
            shownScale = fontScale;
            label.setFont(Font.font("System", FontWeight.BOLD, 11 * fontScale));
            label.setText("+" + (count - 1));
            double lw = label.getLayoutBounds().getWidth() + 8;
            badge.setX(size / 2 + 2);
            badge.setY(-9 * fontScale);
            badge.setWidth(lw);
            badge.setHeight(18 * fontScale);
            label.setX(size / 2 + 6);
            label.setY(0);
        }
    }

    private static double ease(double t) {
        return t < 0.5 ? 2 * t * t : 1 - Math.pow(-2 * t + 2, 2) / 2;
    }

    /** Goes most of the way to the handler, then comes back: the command was turned away. */
    private static double bounce(double t) {
        return t < 0.5 ? ease(t * 2) * 0.92 : 0.92 * (1 - ease((t - 0.5) * 2));
    }
}
