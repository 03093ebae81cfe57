package io.cqrsflow.ui.readmodel;

import io.cqrsflow.read.ProjectorStatus;
import io.cqrsflow.ui.BaseFont;
import io.cqrsflow.read.ReadModelDisplay;
import io.cqrsflow.read.ReadModelModule;
import io.cqrsflow.read.ReadModelReading;
import io.cqrsflow.ui.FlowModel;
import io.cqrsflow.ui.Human;
import io.cqrsflow.read.ReadModelsSnapshot;
import io.cqrsflow.ui.flow.LaneView;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ObservableValue;
import javafx.css.CssMetaData;
import javafx.css.PseudoClass;
import javafx.css.Styleable;
import javafx.css.StyleableProperty;
import javafx.css.StyleablePropertyFactory;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One read model: a header in its projector's colour with its checkpoint and how far behind it is,
 * and its rows as they stand in read.db. A row that differs from the write model's truth is tinted
 * and its tooltip says what the truth is; a row the projector just changed flashes. Everything it shows
 * of one read model comes from that read model's module: title, colour, columns, key, staleness.
 */
public final class ReadModelPanel<T> extends VBox {
    static final PseudoClass STALE = PseudoClass.getPseudoClass("stale");
    static final PseudoClass CHANGED = PseudoClass.getPseudoClass("changed");
    private static final PseudoClass FOLDED = PseudoClass.getPseudoClass("folded");
    /** What an open panel always has room for. */
    public static final int ROWS_SHOWN = 5;
    private static final long FLASH_NANOS = 1_400_000_000L;
    private static final StyleablePropertyFactory<ReadModelPanel<?>> CSS =
            new StyleablePropertyFactory<>(VBox.getClassCssMetaData());

    private final FlowModel model;
    private final ReadModelModule<T> module;
    private final String projector;
    private final Function<T, String> key;
    private final TableView<T> table = new TableView<>();
    private final ReadingRows<T> rows = new ReadingRows<>();
    private final Label figures = new Label();
    private final Label staleSummary = new Label();
    private final Map<String, T> previous = new HashMap<>();
    private final Map<String, Long> changedAt = new HashMap<>();
    private ReadModelReading<T> reading = ReadModelReading.empty();
    /** The widest cell seen per column, in {@link #measuredIn}: each row read is measured once, not per reading. */
    private final List<Double> widest = new java.util.ArrayList<>();
    private Font measuredIn;
    private String lastFigures = "";
    /** "reading…" until the rows have been read and compared (a big store takes a while), then "empty". */
    private final Label placeholder = new Label("reading…");
    private long lastRefresh;
    private boolean first = true;
    private int lastOffset;
    private final List<Function<T, String>> cells = new java.util.ArrayList<>();
    private final Label about = new Label();
    private final String aboutText;
    private final BooleanProperty folded = new SimpleBooleanProperty(this, "folded");
    /** Folded or opened by a click: the column then leaves it as the person wants it. */
    private boolean chosen;
    private Runnable onFitted;
    /** The window's font, from CSS: in presenter mode it is larger, and the columns grow with it. */
    private final StyleableProperty<Font> font = CSS.createStyleableFontProperty(this, "font", "-fx-font",
            p -> p.font, BaseFont.initial(), true);

    public ReadModelPanel(FlowModel model, ReadModelModule<T> module) {
        this.model = model;
        this.module = module;
        this.projector = module.name();
        this.key = module::key;
        ReadModelDisplay<T> display = module.display();
        String title = display.title();
        getStyleClass().add("read-model");
        setId("read-model-" + projector);
        setStyle(io.cqrsflow.ui.Palette.projectorStyle(projector));

        Label name = new Label(title);
        name.getStyleClass().add("read-model-title");
        name.setMinWidth(Region.USE_PREF_SIZE);
        figures.getStyleClass().add("read-model-figures");
        figures.setId("figures-" + projector);
        figures.setMinWidth(Region.USE_PREF_SIZE);
        aboutText = "by " + projector + " · " + display.description();
        about.setText(aboutText);
        about.getStyleClass().add("read-model-queries");
        about.setWrapText(true); // a narrow column wraps it rather than cutting it
        about.setMinHeight(Region.USE_PREF_SIZE);
        // the figures go under the title when the column is too narrow for both on one line
        FlowPane top = new FlowPane(12, 0, name, figures);
        top.setRowValignment(javafx.geometry.VPos.BASELINE);
        VBox header = new VBox(1, top, about);
        header.getStyleClass().add("read-model-header");
        header.setMinHeight(Region.USE_PREF_SIZE);
        Tooltip.install(header, new Tooltip(title + " is written by the projector " + projector
                + ". Its checkpoint is the last event it applied; it is behind by the events after it."
                + " Click the header to fold or open it."));
        header.setOnMouseClicked(e -> {
            chosen = true;
            folded.set(!folded.get());
        });
        folded.addListener((o, a, b) -> showFolded(b));

        staleSummary.getStyleClass().add("stale-summary");
        staleSummary.setId("stale-summary-" + projector);
        staleSummary.setMaxWidth(Double.MAX_VALUE);

        table.setId("table-" + projector);
        table.getStyleClass().addAll("dense", "read-model-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(placeholder);
        table.setFixedCellSize(rowHeight(BaseFont.SIZE));
        table.setRowFactory(t -> new StaleAwareRow());
        table.setItems(rows);
        VBox.setVgrow(table, Priority.ALWAYS);
        getChildren().addAll(header, staleSummary, table);
        for (ReadModelDisplay.Column<T> c : display.columns()) {
            addColumn(c.header(), c.width(), c.cell());
        }

        model.readModelsProperty().addListener((o, a, b) -> show(b));
        model.onFrame(this::frame);
        ((ObservableValue<?>) font).addListener((o, a, b) -> fitColumns());
        show(model.readModelsProperty().get());
    }

    @Override
    public List<CssMetaData<? extends Styleable, ?>> getCssMetaData() {
        return CSS.getCssMetaData();
    }

    public TableView<T> table() {
        return table;
    }

    public String projector() {
        return projector;
    }

    /** Folded: the header alone, saying so; a click on it opens the panel again. */
    public BooleanProperty foldedProperty() {
        return folded;
    }

    /** Folds or opens it as the column needs room, unless a person chose (then it stays as they left it). */
    void foldToFit(boolean fold) {
        if (!chosen) {
            folded.set(fold);
        }
    }

    /** Called when the columns were fitted again (new rows, another font): the width it needs may differ. */
    void setOnFitted(Runnable action) {
        this.onFitted = action;
    }

    public boolean chosen() {
        return chosen;
    }

    private void showFolded(boolean f) {
        for (javafx.scene.Node n : List.of(staleSummary, table)) {
            n.setVisible(!f);
            n.setManaged(!f);
        }
        about.setText(f ? "▸ folded to make room · click to open" : aboutText);
        pseudoClassStateChanged(FOLDED, f);
        VBox.setVgrow(this, f ? Priority.NEVER : Priority.ALWAYS);
        setMaxHeight(f ? Region.USE_PREF_SIZE : Double.MAX_VALUE);
    }

    /** The column headers and room for its rows: five, or all it holds and one more when it holds fewer. */
    private double tableMinHeight() {
        // no room for a horizontal scroll bar: the column is never narrower than the columns' headers need
        return Math.ceil(rowHeight(fontSize()) * 1.5) + rowsRoom(table.getItems().size()) * table.getFixedCellSize()
                + 6;
    }

    /**
     * How many rows an open table has room for: five, or — while it holds fewer — each row it holds and one
     * more (at least two), so that a lesson's two short tables both stay open on a classroom projector with a
     * question up, and nothing in them is hidden. The column folds panels again as a table grows.
     */
    public static int rowsRoom(int rows) {
        return Math.max(2, Math.min(ROWS_SHOWN, rows + 1));
    }

    /** The width its columns need so that no column header is cut: the column never gets narrower. */
    double neededWidth() {
        double w = 0;
        for (TableColumn<T, ?> c : table.getColumns()) {
            w += c.getMinWidth();
        }
        return w + snappedLeftInset() + snappedRightInset() + Math.ceil(fontSize()) + 6; // and a scroll bar
    }

    private double fontSize() {
        return font.getValue().getSize();
    }

    private static double rowHeight(double fontSize) {
        return Math.ceil(fontSize * 0.92 * 1.35 + 8);
    }

    /**
     * Columns as wide as their headers at least (so no header is cut), and as their cells if there is room (a
     * cell that must give way ends in "…"; the row's tooltip has the whole row); in the font of the moment.
     */
    private void fitColumns() {
        fitColumns(reading.rows());
    }

    /** As {@link #fitColumns()}, measuring only these rows' cells (new or changed) against the widest seen. */
    private void fitColumns(List<T> measure) {
        Font f = font.getValue();
        table.setFixedCellSize(rowHeight(f.getSize()));
        if (!f.equals(measuredIn)) { // another font: every width measured again, on the rows read
            measuredIn = f;
            widest.replaceAll(w -> 0.0);
            measure = reading.rows();
        }
        Font header = Font.font(f.getFamily(), FontWeight.BOLD, f.getSize() * 0.9);
        Font cell = Font.font(f.getFamily(), f.getSize() * 0.92);
        List<TableColumn<T, ?>> columns = table.getColumns();
        for (int i = 0; i < columns.size(); i++) {
            TableColumn<T, ?> c = columns.get(i);
            double min = Math.ceil(textWidth(c.getText(), header) + f.getSize() * 1.3);
            double w = widest.get(i);
            for (T row : measure) {
                w = Math.max(w, textWidth(cells.get(i).apply(row), cell) + 14);
            }
            widest.set(i, w);
            double pref = Math.ceil(Math.min(Math.max(min, w), Math.max(min, f.getSize() * 11)));
            if (c.getMinWidth() != min || c.getPrefWidth() != pref) {
                c.setMinWidth(min);
                c.setPrefWidth(pref);
            }
        }
        table.setMinHeight(tableMinHeight());
        refitColumns(table);
        if (onFitted != null) {
            onFitted.run();
        }
    }

    private static double textWidth(String text, Font font) {
        if (text == null || text.isEmpty()) {
            return 0;
        }
        Text t = new Text(text);
        t.setFont(font);
        return t.getLayoutBounds().getWidth();
    }

    /**
     * A constrained resize policy shares out the width only when the table is resized: setting it again
     * makes it share out the new column widths now.
     */
    static void refitColumns(TableView<?> table) {
        var policy = table.getColumnResizePolicy();
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        table.setColumnResizePolicy(policy);
    }

    private void addColumn(String name, double width, Function<T, String> value) {
        TableColumn<T, String> c = new TableColumn<>(name);
        cells.add(value);
        widest.add(0.0);
        c.getProperties().put("cqrsflow.mayElide", true); // ClippingTest: the row's tooltip has the whole row
        c.setSortable(false);
        // a place not read yet (scrolled to, its reading on the way) is an empty row for a moment
        c.setCellValueFactory(f -> new javafx.beans.property.ReadOnlyStringWrapper(
                f.getValue() == null ? "" : value.apply(f.getValue())));
        table.getColumns().add(c);
        fitColumns();
    }

    private void show(ReadModelsSnapshot s) {
        reading = s.reading(module);
        List<T> read = reading.rows();
        long now = System.nanoTime();
        Map<String, T> next = new HashMap<>();
        List<T> fresh = new java.util.ArrayList<>();
        for (T row : read) {
            String k = key.apply(row);
            next.put(k, row);
            T before = previous.get(k);
            if (before == null || !before.equals(row)) {
                fresh.add(row);
            }
            // a row new to the same window was just written; one that scrolled into a moved window was not
            if (!first && (before == null ? reading.offset() == lastOffset : !before.equals(row))) {
                changedAt.put(k, now);
            }
        }
        first = false;
        lastOffset = reading.offset();
        previous.clear();
        previous.putAll(next);
        rows.show(reading);
        if (!fresh.isEmpty()) {
            fitColumns(fresh);
        } else if (table.getMinHeight() != tableMinHeight()) { // fewer rows (a rebuild clears them): less room
            table.setMinHeight(tableMinHeight());
            if (onFitted != null) {
                onFitted.run();
            }
        }
        restyleRows();
        int stale = reading.staleRows();
        int missing = reading.missing();
        ReadModelsSnapshot.Progress progress = s.progress(projector);
        staleSummary.getStyleClass().removeAll("has-stale", "checking");
        placeholder.setText(s.compared(projector) ? "empty" : "reading…");
        if (!s.compared(projector)) {
            staleSummary.getStyleClass().add("checking");
            staleSummary.setText("… checking against the write model");
            staleSummary.setTooltip(new Tooltip("The rows have not been compared with the write model's truth yet."));
        } else if (stale == 0 && missing == 0) {
            long behind = progress == null ? 0 : progress.eventsBehind();
            staleSummary.setText(behind == 0 ? "✓ matches the write model"
                    : "✓ rows match · " + Human.count(behind, "event") + " not applied yet");
            staleSummary.setTooltip(behind == 0 ? null : new Tooltip("Every row shows the truth, but " + projector
                    + " has events still to apply (ones that do not change these rows yet)."));
        } else {
            staleSummary.getStyleClass().add("has-stale");
            String text = (stale > 0 ? Human.count(stale, "stale row") : "")
                    + (stale > 0 && missing > 0 ? " · " : "")
                    + (missing > 0 ? Human.count(missing, module.display().rowNoun()) + " not here yet" : "");
            staleSummary.setText("⚠ " + text);
            staleSummary.setTooltip(new Tooltip("Stale rows differ from the write model's truth: the projector has"
                    + " not applied the newest events yet. Hover a tinted row to see the truth."));
        }
    }

    private void frame() {
        ProjectorStatus s = model.statuses().get(projector);
        if (s != null) {
            String text = model.checked(projector) ? LaneView.behindText(s, model.now()) : LaneView.CHECKING;
            if (!text.equals(lastFigures)) {
                lastFigures = text;
                figures.setText(text);
                pseudoClassStateChanged(PseudoClass.getPseudoClass("lagging"), s.eventsBehind() > 0);
            }
        }
        followViewport();
        long now = System.nanoTime();
        if (!changedAt.isEmpty() && now - lastRefresh > 200_000_000L) {
            lastRefresh = now;
            changedAt.values().removeIf(t -> now - t > FLASH_NANOS + 250_000_000L);
            restyleRows();
        }
    }

    /**
     * Asks for the rows around those on screen when the table shows a place the latest reading did not read
     * (the table was scrolled, or grew): the next reading reads that window instead.
     */
    private void followViewport() {
        int from = Integer.MAX_VALUE;
        int to = -1;
        boolean unread = false;
        int size = rows.size();
        for (StaleAwareRow r : liveRows.keySet()) {
            int i = r.getIndex();
            if (r.isVisible() && i >= 0 && i < size) {
                from = Math.min(from, i);
                to = Math.max(to, i + 1);
                unread |= rows.get(i) == null;
            }
        }
        if (unread) {
            model.showRows(projector, io.cqrsflow.read.RowWindow.around(from, to));
        }
    }

    /** How many rows the panel holds: those of the latest reading's window, never the whole table. */
    public int rowsHeld() {
        return reading.rows().size() + previous.size();
    }

    /** Why a row is stale, or null (for tests and tooltips). */
    public String staleness(T row) {
        return reading.staleness(key.apply(row));
    }

    /**
     * The rows' tint, tooltip and flash again, on the rows the table shows — not {@code table.refresh()}, which
     * throws every cell away and builds (and styles) new ones: at a few readings a second under load that was
     * most of a frame.
     */
    private void restyleRows() {
        for (StaleAwareRow r : liveRows.keySet()) {
            r.style(r.getItem(), r.isEmpty());
        }
    }

    /** The rows the table has made (weakly: the table may drop some). */
    private final java.util.Map<StaleAwareRow, Boolean> liveRows = new java.util.WeakHashMap<>();

    private final class StaleAwareRow extends TableRow<T> {
        private final Tooltip tip = new Tooltip();

        StaleAwareRow() {
            tip.setShowDelay(javafx.util.Duration.millis(150));
            liveRows.put(this, Boolean.TRUE);
        }

        @Override
        protected void updateItem(T row, boolean empty) {
            super.updateItem(row, empty);
            style(row, empty);
        }

        void style(T row, boolean empty) {
            if (empty || row == null) {
                pseudoClassStateChanged(STALE, false);
                pseudoClassStateChanged(CHANGED, false);
                setTooltip(null);
                getStyleClass().remove("stale-row");
                return;
            }
            String k = key.apply(row);
            String why = reading.staleness(k);
            String whole = module.display().wholeRow().apply(row);
            pseudoClassStateChanged(STALE, why != null);
            if (why != null) {
                if (!getStyleClass().contains("stale-row")) {
                    getStyleClass().add("stale-row");
                }
                tip.setText("Stale — " + why + "\nThe write model already says so; " + projector
                        + " has not applied that event yet."
                        + (whole == null ? "" : "\n\nThis row in read.db:\n" + whole));
            } else {
                getStyleClass().remove("stale-row");
                tip.setText((whole == null ? "" : whole + "\n") + "✓ Matches the write model's truth.");
            }
            setTooltip(tip);
            Long t = changedAt.get(k);
            pseudoClassStateChanged(CHANGED, t != null && System.nanoTime() - t < FLASH_NANOS);
        }
    }
}
