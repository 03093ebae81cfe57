package io.cqrsflow.ui.readmodel;

import io.cqrsflow.crud.CrudAnswer;
import io.cqrsflow.crud.CrudOrder;
import io.cqrsflow.flow.FlowSignal;
import io.cqrsflow.scenario.Scenario;
import io.cqrsflow.ui.BaseFont;
import io.cqrsflow.ui.FlowModel;
import io.cqrsflow.ui.FxThread;
import io.cqrsflow.ui.Palette;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.css.CssMetaData;
import javafx.css.Styleable;
import javafx.css.StyleableProperty;
import javafx.css.StyleablePropertyFactory;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Font;

import java.util.List;

/**
 * The CRUD model beside the read models: crud.db's one {@code orders} table, updated in place by the same
 * commands, shown as it is now. Off until {@link #shownProperty()} is set (the ☰ menu, or a lesson that lists
 * the {@code crud} panel); showing it switches the CRUD model on. It has no checkpoint, no lag and no stale
 * rows — it is always current — and no history: under the table, its answer to the last command.
 */
public final class CrudPanel extends VBox {
    private static final String BASE_WIDTH = "cqrsflow.baseWidth";
    private static final StyleablePropertyFactory<CrudPanel> CSS =
            new StyleablePropertyFactory<>(VBox.getClassCssMetaData());

    private final FlowModel model;
    private final BooleanProperty shown = new SimpleBooleanProperty(this, "shown", false);
    private final TableView<CrudOrder> table = new TableView<>();
    private final Label lastAnswer = new Label("No command since CRUD was switched on.");
    private final Label figures = new Label();
    private boolean reading;
    private boolean readAgain;
    private final StyleableProperty<Font> font = CSS.createStyleableFontProperty(this, "font", "-fx-font",
            p -> p.font, BaseFont.initial(), true);

    public CrudPanel(FlowModel model) {
        this.model = model;
        getStyleClass().addAll("read-model", "crud-model");
        setId("crud-panel");
        setStyle(Palette.projectorStyle(Scenario.CRUD_PANEL));

        Label title = new Label("CRUD table");
        title.getStyleClass().add("read-model-title");
        title.setMinWidth(Region.USE_PREF_SIZE);
        figures.getStyleClass().add("read-model-figures");
        figures.setMinWidth(Region.USE_PREF_SIZE);
        Label what = new Label("CRUD: one table, updated in place, no events");
        what.setId("crud-what");
        what.getStyleClass().add("read-model-queries");
        what.setMinWidth(0);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox top = new HBox(8, title, gap, figures);
        top.setAlignment(javafx.geometry.Pos.BASELINE_LEFT);
        VBox header = new VBox(1, top, what);
        header.getStyleClass().add("read-model-header");
        Tooltip.install(header, new Tooltip("The same commands also update crud.db, the way a plain CRUD application"
                + " works: check the rules, then overwrite the row. Always current, simple — and what a row was"
                + " before is gone. It is not rebuilt from events.db; it only knows commands since it was switched on."));

        lastAnswer.setId("crud-last-answer");
        lastAnswer.getStyleClass().add("stale-summary");
        lastAnswer.setMaxWidth(Double.MAX_VALUE);
        lastAnswer.setWrapText(true);
        lastAnswer.setMinHeight(Region.USE_PREF_SIZE);

        table.setId("table-crud");
        table.getStyleClass().addAll("dense", "read-model-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("empty"));
        for (CrudOrder.Column c : CrudOrder.COLUMNS) {
            TableColumn<CrudOrder, String> column = new TableColumn<>(c.header());
            column.getProperties().put(BASE_WIDTH, c.width());
            column.setSortable(false);
            column.setCellValueFactory(f -> new ReadOnlyStringWrapper(c.cell().apply(f.getValue())));
            table.getColumns().add(column);
        }
        VBox.setVgrow(table, Priority.ALWAYS);
        getChildren().addAll(header, lastAnswer, table);
        fitColumns();
        ((javafx.beans.value.ObservableValue<?>) font).addListener((o, a, b) -> fitColumns());

        visibleProperty().bind(shown);
        managedProperty().bind(shown);
        shown.addListener((o, was, now) -> {
            if (now) {
                switchOn();
            }
        });
        model.onSignal(this::signal);
    }

    @Override
    public List<CssMetaData<? extends Styleable, ?>> getCssMetaData() {
        return CSS.getCssMetaData();
    }

    /** Whether the panel is on screen; turning it on switches the CRUD model on (it stays on for this folder). */
    public BooleanProperty shownProperty() {
        return shown;
    }

    public TableView<CrudOrder> table() {
        return table;
    }

    /** What the CRUD model answered to the last command, as shown under its title. */
    public String lastAnswer() {
        return lastAnswer.getText();
    }

    private void switchOn() {
        FxThread.whenDone(model.client().startCrud(), (ok, failure) -> {
            if (failure != null) {
                shown.set(false); // the engine's notice says why, naming crud.db
                return;
            }
            read();
        });
    }

    private void signal(FlowSignal signal) {
        if (signal instanceof FlowSignal.CrudAnswered c) {
            CrudAnswer answer = c.answer();
            lastAnswer.setText("Last command: " + answer.line());
            lastAnswer.setTooltip(new Tooltip("What the CRUD table answered to the last command: " + answer.line()));
            lastAnswer.getStyleClass().remove("has-stale");
            if (answer.outcome() != CrudAnswer.Outcome.UPDATED) {
                lastAnswer.getStyleClass().add("has-stale");
            }
            read();
        }
    }

    /** One read in flight at a time; a change while it runs asks for one more. */
    private void read() {
        if (reading) {
            readAgain = true;
            return;
        }
        reading = true;
        FxThread.whenDone(model.client().crudOrders(), (rows, failure) -> {
            reading = false;
            if (rows != null) {
                table.getItems().setAll(rows);
                table.setMinHeight(tableMinHeight()); // room for its rows: the column fits again if it changed
                figures.setText(rows.size() + (rows.size() == 1 ? " row" : " rows") + " · no history");
            }
            if (readAgain) {
                readAgain = false;
                read();
            }
        });
    }

    /** Room for the header and its rows, as the read models' tables ({@link ReadModelPanel#rowsRoom}). */
    private double tableMinHeight() {
        double row = table.getFixedCellSize();
        return Math.ceil(row * 1.5) + ReadModelPanel.rowsRoom(table.getItems().size()) * row + 6;
    }

    /**
     * Columns at least as wide as their headers (no header is cut) and room for the header and its rows,
     * like the read models' tables (the read side's column folds other panels to keep it), in the font of the
     * moment.
     */
    private void fitColumns() {
        Font f = font.getValue();
        double scale = BaseFont.scale(f);
        Text header = new Text();
        header.setFont(Font.font(f.getFamily(), FontWeight.BOLD, f.getSize() * 0.9));
        for (TableColumn<CrudOrder, ?> c : table.getColumns()) {
            header.setText(c.getText());
            double width = Math.max((double) c.getProperties().get(BASE_WIDTH) * scale,
                    Math.ceil(header.getLayoutBounds().getWidth()) + 2 * f.getSize());
            c.setMinWidth(width);
            c.setPrefWidth(width);
        }
        double row = Math.ceil(f.getSize() * 0.92 * 1.35 + 8);
        table.setFixedCellSize(row);
        table.setMinHeight(tableMinHeight());
        ReadModelPanel.refitColumns(table);
    }
}
