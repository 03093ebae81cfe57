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
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Font;

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
    private static final long FLASH_NANOS = 1_400_000_000L;
    private static final StyleablePropertyFactory<ReadModelPanel<?>> CSS =
            new StyleablePropertyFactory<>(VBox.getClassCssMetaData());

    private final FlowModel model;
    private final ReadModelModule<T> module;
    private final String projector;
    private final Function<T, String> key;
    private final TableView<T> table = new TableView<>();
    private final Label figures = new Label();
    private final Label staleSummary = new Label();
    private final Map<String, T> previous = new HashMap<>();
    private final Map<String, Long> changedAt = new HashMap<>();
    private ReadModelReading<T> reading = ReadModelReading.empty();
    private String lastFigures = "";
    private long lastRefresh;
    private boolean first = true;
    private static final String BASE_WIDTH = "cqrsflow.baseWidth";
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
        Label q = new Label("by " + projector + " · " + display.description());
        q.getStyleClass().add("read-model-queries");
        q.setMinWidth(0);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox top = new HBox(8, name, gap, figures);
        top.setAlignment(javafx.geometry.Pos.BASELINE_LEFT);
        VBox header = new VBox(1, top, q);
        header.getStyleClass().add("read-model-header");
        Tooltip.install(header, new Tooltip(title + " is written by the projector " + projector
                + ". Its checkpoint is the last event it applied; it is behind by the events after it."));

        staleSummary.getStyleClass().add("stale-summary");
        staleSummary.setId("stale-summary-" + projector);
        staleSummary.setMaxWidth(Double.MAX_VALUE);

        table.setId("table-" + projector);
        table.getStyleClass().addAll("dense", "read-model-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("empty"));
        table.setRowFactory(t -> new StaleAwareRow());
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

    /** Presenter mode: columns grow with the font, so no figure is cut off. */
    private void fitColumns() {
        double scale = BaseFont.scale(font.getValue());
        List<TableColumn<T, ?>> columns = table.getColumns();
        for (TableColumn<T, ?> c : columns) {
            double base = (double) c.getProperties().get(BASE_WIDTH);
            // every column keeps room for its usual content; the table shares out what is left
            c.setMinWidth(base * scale);
            c.setPrefWidth(base * scale);
        }
        refitColumns(table);
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
        c.getProperties().put(BASE_WIDTH, width);
        c.setSortable(false);
        c.setCellValueFactory(f -> new javafx.beans.property.ReadOnlyStringWrapper(value.apply(f.getValue())));
        table.getColumns().add(c);
        fitColumns();
    }

    private void show(ReadModelsSnapshot s) {
        reading = s.reading(module);
        List<T> rows = reading.rows();
        long now = System.nanoTime();
        Map<String, T> next = new HashMap<>();
        for (T row : rows) {
            String k = key.apply(row);
            next.put(k, row);
            T before = previous.get(k);
            if (!first && (before == null || !before.equals(row))) {
                changedAt.put(k, now);
            }
        }
        first = false;
        previous.clear();
        previous.putAll(next);
        if (!table.getItems().equals(rows)) {
            table.getItems().setAll(rows);
        } else {
            restyleRows();
        }
        int stale = 0;
        for (T row : rows) {
            if (reading.staleness(key.apply(row)) != null) {
                stale++;
            }
        }
        int missing = reading.missing();
        ReadModelsSnapshot.Progress progress = s.progress(projector);
        staleSummary.getStyleClass().removeAll("has-stale", "checking");
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
        long now = System.nanoTime();
        if (!changedAt.isEmpty() && now - lastRefresh > 200_000_000L) {
            lastRefresh = now;
            changedAt.values().removeIf(t -> now - t > FLASH_NANOS + 250_000_000L);
            restyleRows();
        }
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
