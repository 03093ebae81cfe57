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
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS")
            .withZone(ZoneId.systemDefault());
    private static final StyleablePropertyFactory<EventTableView> CSS = new StyleablePropertyFactory<>(VBox.getClassCssMetaData());

    private final FlowModel model;
    private final PagedEvents events;
    private final TableView<EventRow> table = new TableView<>();
    private boolean needsRefresh;
    private long lastRefresh;
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
        table.setRowFactory(t -> new EventTableRow());

        table.getColumns().add(column("#", 36, r -> "" + r.position(), "position: the global order of events"));
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
        model.headProperty().addListener((o, a, b) -> events.grow(b.longValue()));
        events.grow(model.headProperty().get());
        model.statuses().addListener((MapChangeListener<String, ProjectorStatus>) c -> needsRefresh = true);
        model.onFrame(this::frame);
        ((ObservableValue<?>) font).addListener((o, a, b) -> fitColumns(BaseFont.scale(font.getValue())));
    }

    @Override
    public List<CssMetaData<? extends Styleable, ?>> getCssMetaData() {
        return CSS.getCssMetaData();
    }

    private void frame() {
        long now = System.nanoTime();
        if (now - lastArrival < FRESH_NANOS + REFRESH_NANOS) {
            needsRefresh = true;
        }
        if (needsRefresh && now - lastRefresh > REFRESH_NANOS) {
            needsRefresh = false;
            lastRefresh = now;
            table.refresh();
        }
    }

    public TableView<EventRow> table() {
        return table;
    }

    /** Presenter mode: columns grow with the font, so no figure is cut off. */
    private void fitColumns(double scale) {
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
            @Override
            protected void updateItem(EventRow row, boolean empty) {
                super.updateItem(row, empty);
                if (empty || row == null || !row.loaded()) {
                    setText(null);
                    setGraphic(null);
                    return;
                }
                String type = row.event().type();
                Circle dot = new Circle(5, Palette.event(type));
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
        c.setCellFactory(col -> new CheckpointCell());
        return c;
    }

    /** "order-detail" → "detail": short enough for several tags in one cell. */
    public static String shortName(String projector) {
        return projector.startsWith("order-") ? projector.substring(6)
                : projector.contains("-") ? projector.substring(0, projector.indexOf('-')) : projector;
    }

    private final class CheckpointCell extends TableCell<EventRow, EventRow> {
        private final Tooltip tooltip = new Tooltip();

        @Override
        protected void updateItem(EventRow row, boolean empty) {
            super.updateItem(row, empty);
            setText(null);
            if (empty || row == null) {
                setGraphic(null);
                return;
            }
            HBox box = new HBox(3);
            box.setAlignment(Pos.CENTER_LEFT);
            StringBuilder tip = new StringBuilder();
            for (ProjectorStatus s : model.statuses().values()) {
                boolean applied = row.position() <= s.checkpoint();
                if (s.checkpoint() == row.position()) {
                    // the projector's colour names it, as everywhere on screen; the tooltip says it in words
                    Label tag = new Label("◀");
                    tag.getStyleClass().add("checkpoint-tag");
                    tag.setStyle("-fx-background-color: " + Contrast.hex(Contrast.ink(Palette.projector(s.name()))) + ";");
                    tag.setMinWidth(Label.USE_PREF_SIZE);
                    box.getChildren().add(tag);
                    tip.append(s.name()).append(": its checkpoint — the last event it applied\n");
                    continue;
                }
                Circle dot = new Circle(4.5);
                dot.setStroke(Palette.projector(s.name()));
                dot.setStrokeWidth(1.5);
                dot.setFill(applied ? Palette.projector(s.name()) : javafx.scene.paint.Color.TRANSPARENT);
                box.getChildren().add(dot);
                tip.append(s.name()).append(applied ? ": applied" : ": not applied yet").append('\n');
            }
            setGraphic(box);
            tooltip.setText(tip.toString().strip());
            setTooltip(tooltip);
        }
    }

    private static final class EventTableRow extends TableRow<EventRow> {
        private final Tooltip tooltip = new Tooltip();

        @Override
        protected void updateItem(EventRow row, boolean empty) {
            super.updateItem(row, empty);
            boolean fresh = !empty && row != null && row.arrivedNanos() != 0
                    && System.nanoTime() - row.arrivedNanos() < FRESH_NANOS;
            pseudoClassStateChanged(FRESH, fresh);
            RecordedEvent e = row == null ? null : row.event();
            if (e == null) {
                setTooltip(null);
            } else {
                tooltip.setText(e.type() + " at position #" + e.position() + " in " + e.streamId()
                        + " v" + e.streamVersion() + "\n" + e.data() + "\nmetadata: command " + e.metadata().commandId());
                setTooltip(tooltip);
            }
        }
    }
}
