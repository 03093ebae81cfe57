package io.cqrsflow.ui.flow;

import io.cqrsflow.ui.BaseFont;
import javafx.css.CssMetaData;
import javafx.css.Styleable;
import javafx.css.StyleableProperty;
import javafx.css.StyleablePropertyFactory;
import javafx.geometry.Point2D;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The moving tokens, drawn on one transparent canvas above the flow. Each path carries at most a few
 * tokens at a time; more are merged into the newest one, which then shows "+N" — so a burst of 200
 * orders costs a handful of draws a frame and the picture never falls behind.
 */
final class TokenLayer extends Pane {
    static final int MAX_PER_PATH = 6;
    private static final double SIZE = 16;
    private static final StyleablePropertyFactory<TokenLayer> CSS = new StyleablePropertyFactory<>(Pane.getClassCssMetaData());

    private final Canvas canvas = new Canvas();
    private final List<Flight> flights = new ArrayList<>();
    private final Map<String, Integer> perPath = new HashMap<>();
    private final Map<Flight, javafx.geometry.Bounds> last = new java.util.IdentityHashMap<>();
    /** The window's font, from CSS: tokens and their "+N" grow with it in presenter mode. */
    private final StyleableProperty<Font> font = CSS.createStyleableFontProperty(this, "font", "-fx-font",
            t -> t.font, BaseFont.initial(), true);

    TokenLayer() {
        getStyleClass().add("token-layer");
        setMouseTransparent(true);
        setPickOnBounds(false);
        getChildren().add(canvas);
        canvas.widthProperty().bind(widthProperty());
        canvas.heightProperty().bind(heightProperty());
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
    List<javafx.geometry.Bounds> drawnAt() {
        return new ArrayList<>(last.values());
    }

    /** Moves and draws every token; calls arrivals (which may launch more) after drawing. */
    void tick(long now) {
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
        List<Flight> arrived = new ArrayList<>();
        double fontScale = BaseFont.scale(font.getValue());
        double size = SIZE * Math.max(1, fontScale * 0.85);
        for (Iterator<Flight> it = flights.iterator(); it.hasNext(); ) {
            Flight f = it.next();
            double t = f.progress(now);
            Point2D p = f.at(f.bounce ? bounce(t) : ease(t));
            if (p == null) {
                last.remove(f);
                it.remove();
                perPath.merge(f.path, -1, Integer::sum);
                continue;
            }
            // it keeps to its track: no arc over the legend, no corner outside the layer
            double x = Math.max(size / 2, p.getX());
            double y = p.getY();
            last.put(f, new javafx.geometry.BoundingBox(x - size / 2, y - size / 2, size, size));
            double alpha = t > 0.85 && !f.bounce ? 1 - (t - 0.85) / 0.15 * 0.4 : 1;
            g.setGlobalAlpha(alpha);
            g.setFill(f.color.deriveColor(0, 1, 1, 0.25));
            g.fillOval(x - size * 0.9, y - size * 0.9, size * 1.8, size * 1.8);
            g.setFill(f.color);
            g.fillRoundRect(x - size / 2, y - size / 2, size, size, 6, 6);
            if (f.bounce) {
                g.setStroke(Color.WHITE);
                g.setLineWidth(2);
                double d = size * 0.22;
                g.strokeLine(x - d, y - d, x + d, y + d);
                g.strokeLine(x - d, y + d, x + d, y - d);
            }
            if (f.count > 1) {
                g.setFill(Color.web("#1f2328"));
                g.setFont(Font.font("System", FontWeight.BOLD, 11 * fontScale));
                g.setTextAlign(TextAlignment.LEFT);
                g.setTextBaseline(VPos.CENTER);
                String label = "+" + (f.count - 1);
                double lw = label.length() * 7 * fontScale + 8;
                g.setFill(Color.web("#1f2328", 0.85));
                g.fillRoundRect(x + size / 2 + 2, y - 9 * fontScale, lw, 18 * fontScale, 9, 9);
                g.setFill(Color.WHITE);
                g.fillText(label, x + size / 2 + 6, y);
            }
            g.setGlobalAlpha(1);
            if (t >= 1) {
                last.remove(f);
                it.remove();
                perPath.merge(f.path, -1, Integer::sum);
                arrived.add(f);
            }
        }
        for (Flight f : arrived) {
            if (f.onArrival != null) {
                f.onArrival.accept(f.count);
            }
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
