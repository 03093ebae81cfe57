package io.cqrsflow.ui.eventstore;

import io.cqrsflow.eventstore.RecordedEvent;
import io.cqrsflow.flow.FlowSignal;
import io.cqrsflow.read.ProjectorStatus;
import io.cqrsflow.ui.BaseFont;
import io.cqrsflow.ui.FlowModel;
import io.cqrsflow.ui.Contrast;
import io.cqrsflow.ui.Palette;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.MapChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.css.CssMetaData;
import javafx.css.PseudoClass;
import javafx.css.Styleable;
import javafx.css.StyleableProperty;
import javafx.css.StyleablePropertyFactory;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import javafx.scene.text.Font;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Function;

/**
 * events.db as a table, newest on top, paged from SQLite: position, stream, version, type, data,
 * recorded at — and where each projector's checkpoint stands (filled dot: applied; ring: still waiting;
 * a coloured tag on the checkpoint row). New rows light up as they arrive.
 */
public final class EventTableView extends VBox {
    private static final String BASE_PREF = "cqrsflow.basePrefWidth";
    private static final String BASE_MIN = "cqrsflow.baseMinWidth";
    private static final PseudoClass FRESH = PseudoClass.getPseudoClass("fresh");
    private static final long FRESH_NANOS = 2_500_000_000L;
    private static final long REFRESH_NANOS = 250_000_000L;
    /**
     * A row's height at the base font (measured: 28 px at 14 px, 46 px in presenter mode's 1.64 times larger
     * type). Fixed, so the table need not measure every row as rows come in on top.
     */
    private static final double ROW_HEIGHT = 28;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS")
            .withZone(ZoneId.systemDefault());
    private static final StyleablePropertyFactory<EventTableView> CSS = new StyleablePropertyFactory<>(VBox.getClassCssMetaData());

    private final FlowModel model;
    private final PagedEvents events;
    private final TableView<EventRow> table = new TableView<>();
    private static final double POSITIONS_MIN = 36;
    private final TableColumn<EventRow, String> positions = column("#", POSITIONS_MIN, r -> "" + r.position(),
            "position: the global order of events");
    private int positionDigits;
    private long lastArrival;
    /** The window's font, from CSS: in presenter mode it is larger, and the columns grow with it. */
    private final StyleableProperty<Font> font = CSS.createStyleableFontProperty(this, "font", "-fx-font",
            v -> v.font, BaseFont.initial(), true);

    public EventTableView(FlowModel model) {
        this.model = model;
        this.events = new PagedEvents(model.client());
        getStyleClass().add("event-store-view");
        getStylesheets().add(EventTableView.class.getResource("/io/cqrsflow/ui/eventstore/eventstore.css")
                .toExternalForm());
        table.setId("event-table");
        table.getStyleClass().addAll("dense", "event-table");
        table.setItems(events);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("No events yet: send a command and watch it land here."));
        table.setFixedCellSize(ROW_HEIGHT);
        table.setRowFactory(t -> {
            EventTableRow r = new EventTableRow();
            liveRows.put(r, Boolean.TRUE);
            return r;
        });

        table.getColumns().add(positions);
        table.getColumns().add(checkpointColumn());
        table.getColumns().add(column("stream", 100, r -> r.loaded() ? r.event().streamId() : "…",
                "stream_id: one stream per customer and per order"));
        table.getColumns().add(column("v", 26, r -> r.loaded() ? "" + r.event().streamVersion() : "",
                "stream_version: 1, 2, 3 … within the stream; checked when appending"));
        table.getColumns().add(typeColumn());
        table.getColumns().add(column("recorded", 102, r -> r.loaded() ? TIME.format(r.event().recordedAt()) : "",
                "recorded_at (shown in local time): a projector applies an event no sooner than this + its delay"));
        TableColumn<EventRow, String> data = column("data", 260, r -> r.loaded() ? r.event().data() : "reading…",
                "data: the event as JSON, exactly as stored (hover a row for all of it)");
        size(data, 260, 30); // the last column takes what is left; the row's tooltip shows the whole JSON
        data.getProperties().put("cqrsflow.mayElide", true); // ClippingTest: ending in "…" here is on purpose
        table.getColumns().add(data);

        VBox.setVgrow(table, Priority.ALWAYS);
        getChildren().add(table);

        model.onSignal(s -> {
            if (s instanceof FlowSignal.EventAppended a) {
                events.appended(a.event(), System.nanoTime());
                lastArrival = System.nanoTime();
            }
        });
        // new rows come on top: under load a few times a second (each growth moves every row the table shows)
        model.headProperty().addListener((o, a, b) -> growth.changed());
        model.drawInTurn(growth, () -> events.grow(model.headProperty().get()));
        events.grow(model.headProperty().get());
        model.statuses().addListener((MapChangeListener<String, ProjectorStatus>) c -> marks.changed());
        model.decorateInTurn(marks, this::redrawShownRows);
        model.onFrame(this::frame);
        ((ObservableValue<?>) font).addListener((o, a, b) -> fitColumns(BaseFont.scale(font.getValue())));
        model.headProperty().addListener((o, a, b) -> fitPositions(b.longValue()));
        fitPositions(model.headProperty().get());
    }

    /**
     * The "#" column as wide as the head's digits (at the base font; {@link #fitColumns} scales it), so that
     * position 1000001 is not cut to "1…". Measured again only when the head gains a digit.
     */
    private void fitPositions(long head) {
        int digits = Long.toString(Math.max(1, head)).length();
        if (digits == positionDigits) {
            return;
        }
        positionDigits = digits;
        javafx.scene.text.Text t = new javafx.scene.text.Text("0".repeat(digits));
        t.setFont(Font.font(font.getValue().getFamily(), BaseFont.SIZE * 0.92));
        double w = Math.max(POSITIONS_MIN, Math.ceil(t.getLayoutBounds().getWidth() + 14));
        size(positions, w, w);
        fitColumns(BaseFont.scale(font.getValue()));
    }

    @Override
    public List<CssMetaData<? extends Styleable, ?>> getCssMetaData() {
        return CSS.getCssMetaData();
    }

    private final io.cqrsflow.ui.Pace growth = io.cqrsflow.ui.Pace.busy();
    private final io.cqrsflow.ui.Pace marks = io.cqrsflow.ui.Pace.busy();

    /** While rows are fresh their glow fades: redrawn in turn, a few times a second. */
    private void frame() {
        if (System.nanoTime() - lastArrival < FRESH_NANOS + REFRESH_NANOS) {
            marks.changed();
        }
    }

    /**
     * The rows' glow and the checkpoint marks again, in place, on the rows the table has made — not
     * {@code table.refresh()}, which throws every row and cell away and builds and styles new ones: under the
     * load generator that was a large part of every frame (see BENCHMARKS.md, frames).
     */
    private void redrawShownRows() {
        for (EventTableRow r : liveRows.keySet()) {
            r.glow(r.getItem(), r.isEmpty());
        }
        for (CheckpointCell c : liveCheckpointCells.keySet()) {
            c.draw(c.getItem(), c.isEmpty());
        }
    }

    /** The rows and checkpoint cells the table has made (weakly: the table may drop some). */
    private final java.util.Map<EventTableRow, Boolean> liveRows = new java.util.WeakHashMap<>();
    private final java.util.Map<CheckpointCell, Boolean> liveCheckpointCells = new java.util.WeakHashMap<>();

    public TableView<EventRow> table() {
        return table;
    }

    /** Presenter mode: columns grow with the font, so no figure is cut off. */
    private void fitColumns(double scale) {
        table.setFixedCellSize(Math.ceil(ROW_HEIGHT * scale));
        for (TableColumn<EventRow, ?> c : table.getColumns()) {
            double pref = (double) c.getProperties().get(BASE_PREF);
            double min = (double) c.getProperties().get(BASE_MIN);
            // never narrower than its header: a header is not cut to "…"
            javafx.scene.text.Text header = new javafx.scene.text.Text(c.getText());
            header.setFont(Font.font(font.getValue().getFamily(), javafx.scene.text.FontWeight.BOLD,
                    font.getValue().getSize()));
            c.setMinWidth(Math.max(min * scale, Math.ceil(header.getLayoutBounds().getWidth()
                    + 1.3 * font.getValue().getSize())));
            c.setPrefWidth(pref * scale);
        }
        // a constrained policy shares out the width only on a resize: setting it again does it now. With
        // presenter mode's larger type the columns keep their widths and the table scrolls sideways instead
        // (squeezed, the last column's header was cut to "…").
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        if (scale <= 1) {
            table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        }
    }

    private static void size(TableColumn<EventRow, ?> c, double pref, double min) {
        c.getProperties().put(BASE_PREF, pref);
        c.getProperties().put(BASE_MIN, min);
        c.setPrefWidth(pref);
        c.setMinWidth(min);
    }

    private static TableColumn<EventRow, String> column(String name, double width, Function<EventRow, String> value,
                                                        String tooltip) {
        TableColumn<EventRow, String> c = new TableColumn<>();
        Label header = new Label(name);
        header.setTooltip(new Tooltip(tooltip));
        c.setGraphic(header);
        size(c, width, width);
        c.setSortable(false);
        c.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(value.apply(f.getValue())));
        return c;
    }

    private TableColumn<EventRow, EventRow> typeColumn() {
        TableColumn<EventRow, EventRow> c = new TableColumn<>();
        Label header = new Label("type");
        header.setTooltip(new Tooltip("type: what happened, in the past tense; the colour of its token"));
        c.setGraphic(header);
        size(c, 172, 172);
        c.setSortable(false);
        c.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(f.getValue()));
        c.setCellFactory(col -> new TableCell<>() {
            private final Circle dot = new Circle(5);

            @Override
            protected void updateItem(EventRow row, boolean empty) {
                super.updateItem(row, empty);
                if (empty || row == null || !row.loaded()) {
                    setText(null);
                    setGraphic(null);
                    return;
                }
                String type = row.event().type();
                dot.setFill(Palette.event(type));
                setGraphic(dot);
                setText(type);
            }
        });
        return c;
    }

    private TableColumn<EventRow, EventRow> checkpointColumn() {
        TableColumn<EventRow, EventRow> c = new TableColumn<>();
        Label header = new Label("applied");
        header.setTooltip(new Tooltip("For each projector (in its colour): ● it has applied this event, ○ not yet."
                + " ◀ marks its checkpoint: the last event it applied"));
        c.setGraphic(header);
        size(c, 84, 84);
        c.setSortable(false);
        c.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(f.getValue()));
        c.setCellFactory(col -> {
            CheckpointCell cell = new CheckpointCell();
            liveCheckpointCells.put(cell, Boolean.TRUE);
            return cell;
        });
        return c;
    }

    /** "order-detail" → "detail": short enough for several tags in one cell. */
    public static String shortName(String projector) {
        return projector.startsWith("order-") ? projector.substring(6)
                : projector.contains("-") ? projector.substring(0, projector.indexOf('-')) : projector;
    }

    /** Per projector, a dot (applied or not) or its checkpoint tag; the nodes are made once and reused. */
    private final class CheckpointCell extends TableCell<EventRow, EventRow> {
        private final Tooltip tooltip = new Tooltip();
        private final HBox box = new HBox(3);
        private final List<Circle> dots = new java.util.ArrayList<>();
        private final List<Label> tags = new java.util.ArrayList<>();
        private final List<javafx.scene.Node> shown = new java.util.ArrayList<>();

        CheckpointCell() {
            box.setAlignment(Pos.CENTER_LEFT);
        }

        @Override
        protected void updateItem(EventRow row, boolean empty) {
            super.updateItem(row, empty);
            draw(row, empty);
        }

        void draw(EventRow row, boolean empty) {
            setText(null);
            if (empty || row == null) {
                setGraphic(null);
                setTooltip(null);
                return;
            }
            shown.clear();
            StringBuilder tip = new StringBuilder();
            int i = 0;
            for (ProjectorStatus s : model.statuses().values()) {
                boolean applied = row.position() <= s.checkpoint();
                if (s.checkpoint() == row.position()) {
                    // the projector's colour names it, as everywhere on screen; the tooltip says it in words
                    shown.add(tag(i, s.name()));
                    tip.append(s.name()).append(": its checkpoint — the last event it applied\n");
                } else {
                    Circle dot = dot(i);
                    javafx.scene.paint.Color colour = Palette.projector(s.name());
                    dot.setStroke(colour);
                    dot.setFill(applied ? colour : javafx.scene.paint.Color.TRANSPARENT);
                    shown.add(dot);
                    tip.append(s.name()).append(applied ? ": applied" : ": not applied yet").append('\n');
                }
                i++;
            }
            if (!box.getChildren().equals(shown)) {
                box.getChildren().setAll(shown);
            }
            if (getGraphic() != box) {
                setGraphic(box);
            }
            tooltip.setText(tip.toString().strip());
            if (getTooltip() != tooltip) {
                setTooltip(tooltip);
            }
        }

        private Circle dot(int i) {
            while (dots.size() <= i) {
                Circle dot = new Circle(4.5);
                dot.setStrokeWidth(1.5);
                dots.add(dot);
            }
            return dots.get(i);
        }

        private Label tag(int i, String projector) {
            while (tags.size() <= i) {
                Label tag = new Label("◀");
                tag.getStyleClass().add("checkpoint-tag");
                tag.setMinWidth(Label.USE_PREF_SIZE);
                tags.add(tag);
            }
            Label tag = tags.get(i);
            String style = "-fx-background-color: " + Contrast.hex(Contrast.ink(Palette.projector(projector))) + ";";
            if (!style.equals(tag.getStyle())) {
                tag.setStyle(style);
            }
            return tag;
        }
    }

    private static final class EventTableRow extends TableRow<EventRow> {
        private final Tooltip tooltip = new Tooltip();

        @Override
        protected void updateItem(EventRow row, boolean empty) {
            super.updateItem(row, empty);
            glow(row, empty);
            RecordedEvent e = row == null ? null : row.event();
            if (e == null) {
                setTooltip(null);
            } else {
                tooltip.setText(e.type() + " at position #" + e.position() + " in " + e.streamId()
                        + " v" + e.streamVersion() + "\n" + e.data() + "\nmetadata: command " + e.metadata().commandId());
                if (getTooltip() != tooltip) {
                    setTooltip(tooltip);
                }
            }
        }

        /** Lit while the event is fresh. */
        void glow(EventRow row, boolean empty) {
            boolean fresh = !empty && row != null && row.arrivedNanos() != 0
                    && System.nanoTime() - row.arrivedNanos() < FRESH_NANOS;
            pseudoClassStateChanged(FRESH, fresh);
        }
    }
}
