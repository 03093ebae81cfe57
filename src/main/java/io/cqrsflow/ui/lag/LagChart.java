package io.cqrsflow.ui.lag;

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
import javafx.geometry.Rectangle2D;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Events behind per projector over the last two minutes, one line per projector in its colour — the
 * picture of eventual consistency. Sampled from the statuses the window already has (no query), four
 * times a second, drawn on a canvas.
 */
public final class LagChart extends VBox {
    static final long WINDOW_MS = 120_000;
    static final long SAMPLE_MS = 250;
    private static final String[] X_LABELS = {"−120 s", "−90 s", "−60 s", "−30 s", "now"};
    private static final StyleablePropertyFactory<LagChart> CSS = new StyleablePropertyFactory<>(VBox.getClassCssMetaData());

    private record Sample(long atMs, long behind) {
    }

    private final FlowModel model;
    private final Canvas canvas = new Canvas();
    private final Pane plot = new Pane(canvas);
    private final Map<String, Deque<Sample>> series = new LinkedHashMap<>();
    private long lastSample;
    // From CSS, so the theme and presenter mode reach the canvas: the window's font, the axes' colours (lag.css).
    private final StyleableProperty<Font> font = CSS.createStyleableFontProperty(this, "font", "-fx-font",
            c -> c.font, BaseFont.initial(), true);
    private final StyleableProperty<Color> ink = CSS.createStyleableColorProperty(this, "ink", "-cf-chart-ink",
            c -> c.ink, Color.web("#57606a"));
    private final StyleableProperty<Color> grid = CSS.createStyleableColorProperty(this, "grid", "-cf-chart-grid",
            c -> c.grid, Color.web("#d8dee4"));
    private final Text measure = new Text();
    private Rectangle2D plotArea = Rectangle2D.EMPTY;
    private final Map<String, List<Point2D>> plotted = new LinkedHashMap<>();

    private final javafx.beans.property.BooleanProperty folded =
            new javafx.beans.property.SimpleBooleanProperty(this, "folded");
    private boolean foldChosen;
    /** Its height when open and there is room; folded, it is its title's height. */
    private double openPrefHeight = USE_COMPUTED_SIZE;
    /** Open, it is never shorter than this many times the window's font size. */
    private static final double OPEN_EM = 8.5;

    public LagChart(FlowModel model) {
        this.model = model;
        getStyleClass().add("lag-chart");
        setId("lag-chart");
        getStylesheets().add(LagChart.class.getResource("/io/cqrsflow/ui/lag/lag.css").toExternalForm());
        Label title = new Label("Lag: events behind");
        title.getStyleClass().add("panel-title");
        Label note = new Label("last 2 min");
        note.getStyleClass().add("panel-note");
        // the note goes under the title when the column is narrow; a click on either folds or opens the chart
        javafx.scene.layout.FlowPane header = new javafx.scene.layout.FlowPane(10, 0, title, note);
        header.setRowValignment(javafx.geometry.VPos.BASELINE);
        header.getStyleClass().add("panel-header");
        header.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        Tooltip.install(header, new Tooltip("Click to fold or open the chart"));
        header.setOnMouseClicked(e -> {
            foldChosen = true;
            folded.set(!folded.get());
        });
        folded.addListener((o, a, b) -> {
            plot.setVisible(!b);
            plot.setManaged(!b);
            note.setText(b ? "▸ folded to make room · click to open" : "last 2 min");
            setMaxHeight(b ? USE_PREF_SIZE : Double.MAX_VALUE);
            setMinHeight(b ? USE_PREF_SIZE : openHeight());
            setPrefHeight(b ? USE_COMPUTED_SIZE : openPrefHeight); // folded, no taller than its title
        });
        Tooltip.install(plot, new Tooltip("Each line is one projector: how many events it has not applied yet."
                + " A line going up is a read model falling behind; back to 0 means it caught up."));
        canvas.widthProperty().bind(plot.widthProperty());
        canvas.heightProperty().bind(plot.heightProperty());
        // A scene that is not in a window (--snapshot, headless) is laid out only when it is rendered, after
        // the last frame has sampled: so draw again whenever the canvas gets its size, not only per frame.
        canvas.widthProperty().addListener((o, a, b) -> redraw());
        canvas.heightProperty().addListener((o, a, b) -> redraw());
        plot.setMinSize(100, 60);
        VBox.setVgrow(plot, Priority.ALWAYS);
        getChildren().addAll(header, plot);
        setMinHeight(openHeight());
        ((ObservableValue<?>) font).addListener((o, a, b) -> setMinHeight(folded.get() ? USE_PREF_SIZE : openHeight()));
        for (StyleableProperty<?> p : List.of(font, ink, grid)) {
            ((ObservableValue<?>) p).addListener((o, a, b) -> redraw());
        }
        model.onFrame(this::frame);
    }

    @Override
    public List<CssMetaData<? extends Styleable, ?>> getCssMetaData() {
        return CSS.getCssMetaData();
    }

    /** Folded: its title alone, saying so; a click opens it. */
    public javafx.beans.property.BooleanProperty foldedProperty() {
        return folded;
    }

    /** The least height it takes open: a plot with room for its axes. */
    public double openHeight() {
        return Math.ceil(OPEN_EM * font.getValue().getSize());
    }

    /** Its height when open, if the column has room for it; folded, it is as tall as its title. */
    public void setOpenPrefHeight(double height) {
        openPrefHeight = height;
        if (!folded.get()) {
            setPrefHeight(height);
        }
    }

    /** Folds or opens it as the column needs room, unless a person chose by a click. */
    public void foldToFit(boolean fold) {
        if (!foldChosen) {
            folded.set(fold);
        }
    }

    /** Draws the samples taken so far at the canvas's current size. */
    public void redraw() {
        draw(System.currentTimeMillis());
    }

    /** The canvas the lines are drawn on (for tests). */
    public Canvas canvas() {
        return canvas;
    }

    /** The latest sampled figure for a projector (for tests). */
    public long latest(String projector) {
        Deque<Sample> s = series.get(projector);
        return s == null || s.isEmpty() ? -1 : s.peekLast().behind();
    }

    private void frame() {
        long now = System.currentTimeMillis();
        if (now - lastSample < SAMPLE_MS && !readingMoved()) {
            return;
        }
        lastSample = now;
        for (ProjectorStatus s : model.statuses().values()) {
            Deque<Sample> d = series.computeIfAbsent(s.name(), k -> new ArrayDeque<>());
            long behind = s.eventsBehind(); // the same reading as the rows and the lanes

            d.addLast(new Sample(now, behind));
            while (!d.isEmpty() && d.peekFirst().atMs() < now - WINDOW_MS - SAMPLE_MS) {
                d.pollFirst();
            }
        }
        draw(now);
    }

    /** A new reading changed a figure: sample at once, so the legend never disagrees with the lanes. */
    private boolean readingMoved() {
        for (ProjectorStatus s : model.statuses().values()) {
            if (latest(s.name()) != s.eventsBehind()) {
                return true;
            }
        }
        return false;
    }

    private void draw(long now) {
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, w, h);
        plotted.clear();
        if (w < 60 || h < 40) {
            return;
        }
        Color ink = this.ink.getValue();
        Color grid = this.grid.getValue();
        double fontScale = BaseFont.scale(font.getValue());
        long max = 1;
        for (Deque<Sample> d : series.values()) {
            for (Sample s : d) {
                max = Math.max(max, s.behind());
            }
        }
        long scale = niceCeiling(max);
        // Margins are measured from the text, so labels that grow in presenter mode still fit and
        // the legend keeps a row of its own above the lines.
        Font axisFont = Font.font("System", 10 * fontScale);
        Font legendFont = Font.font("System", FontWeight.BOLD, 11 * fontScale);
        double axisHeight = heightOf(axisFont);
        double legendRow = series.isEmpty() ? 0 : heightOf(legendFont) + 4;
        double left = Math.max(widthOf(Long.toString(scale), axisFont) + 9, widthOf(X_LABELS[0], axisFont) / 2 + 2);
        double right = widthOf(X_LABELS[X_LABELS.length - 1], axisFont) / 2 + 2;
        double top = 4 + legendRow + axisHeight / 2;
        double bottom = axisHeight + 5;
        double pw = w - left - right;
        double ph = h - top - bottom;
        plotArea = new Rectangle2D(left, top, Math.max(0, pw), Math.max(0, ph));
        if (pw < 20 || ph < 10) {
            return;
        }
        // fewer gridlines when the labels would touch
        int ticks = ph / 4 >= axisHeight * 1.2 ? 4 : 2;
        g.setFont(axisFont);
        g.setTextBaseline(VPos.CENTER);
        g.setTextAlign(TextAlignment.RIGHT);
        g.setLineWidth(1);
        for (int i = 0; i <= ticks; i++) {
            double y = top + ph - ph * i / ticks;
            g.setStroke(grid);
            g.strokeLine(left, y, left + pw, y);
            g.setFill(ink);
            g.fillText(Long.toString(scale * i / ticks), left - 5, y);
        }
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.TOP);
        for (int i = 0; i < X_LABELS.length; i++) {
            double seconds = 120 - 30 * i;
            double x = left + pw - pw * seconds * 1000.0 / WINDOW_MS;
            g.fillText(X_LABELS[i], x, top + ph + 3);
        }
        for (Map.Entry<String, Deque<Sample>> e : series.entrySet()) {
            g.setStroke(Palette.projector(e.getKey()));
            g.setLineWidth(2.5 * Math.max(1, fontScale * 0.8));
            g.beginPath();
            List<Point2D> points = new ArrayList<>();
            plotted.put(e.getKey(), points);
            boolean first = true;
            double lastX = 0;
            double lastY = 0;
            for (Sample s : e.getValue()) {
                double x = left + pw - pw * (now - s.atMs()) / (double) WINDOW_MS;
                double y = top + ph - ph * s.behind() / (double) scale;
                if (x < left) {
                    continue;
                }
                if (first) {
                    g.moveTo(x, y);
                    first = false;
                } else {
                    // a step: the figure holds until the next sample
                    g.lineTo(x, lastY);
                    g.lineTo(x, y);
                }
                points.add(new Point2D(x, y));
                lastX = x;
                lastY = y;
            }
            g.stroke();
            if (!first) {
                g.setFill(Palette.projector(e.getKey()));
                g.fillOval(lastX - 3.5, lastY - 3.5, 7, 7);
            }
        }
        // legend, in its own row above the lines
        g.setFont(legendFont);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        double legendY = 4 + legendRow / 2;
        double swatch = 14 * fontScale;
        double lx = left;
        for (String name : series.keySet()) {
            Deque<Sample> d = series.get(name);
            // short names ("list 3"), so three fit in a narrow column; the colour says which lane it is
            String label = io.cqrsflow.ui.eventstore.EventTableView.shortName(name) + " "
                    + (d.isEmpty() ? 0 : d.peekLast().behind());
            g.setFill(Palette.projector(name));
            g.fillRoundRect(lx, legendY - 2 * fontScale, swatch, 4 * fontScale, 2, 2);
            g.setFill(ink);
            g.fillText(label, lx + swatch + 4, legendY);
            lx += swatch + 4 + widthOf(label, legendFont) + 14 * fontScale;
        }
    }

    /**
     * The samples of a projector's line as last drawn, in canvas coordinates, oldest first; empty when it
     * has none on screen (for tests, which check the pixels at these places).
     */
    public List<Point2D> plotted(String projector) {
        return List.copyOf(plotted.getOrDefault(projector, List.of()));
    }

    /** Where the lines are drawn, inside the axes' labels and below the legend (for tests). */
    public Rectangle2D plotArea() {
        return plotArea;
    }

    private double widthOf(String text, Font font) {
        measure.setFont(font);
        measure.setText(text);
        return measure.getLayoutBounds().getWidth();
    }

    private double heightOf(Font font) {
        measure.setFont(font);
        measure.setText("0");
        return measure.getLayoutBounds().getHeight();
    }

    static long niceCeiling(long max) {
        long[] steps = {4, 8, 12, 20, 40, 60, 100, 200, 400, 600, 1000, 2000, 4000, 10000};
        for (long s : steps) {
            if (max <= s) {
                return s;
            }
        }
        return (max / 10000 + 1) * 10000;
    }
}
