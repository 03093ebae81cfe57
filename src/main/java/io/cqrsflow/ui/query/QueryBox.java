package io.cqrsflow.ui.query;

import io.cqrsflow.read.OrderDetails;
import io.cqrsflow.read.OrderQueries;
import io.cqrsflow.read.OrderSummary;
import io.cqrsflow.read.QuerySource;
import io.cqrsflow.ui.FlowModel;
import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignM;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Asks a question: GetOrderById (order_detail), GetOrdersForCustomer or ListOrders (order_list), from
 * the read model or the write model. Both are always asked; when they answer differently, both answers
 * are shown side by side — the read model is behind.
 */
public final class QueryBox extends VBox {
    public static final String BY_ID = "GetOrderById";
    public static final String FOR_CUSTOMER = "GetOrdersForCustomer";
    public static final String LIST = "ListOrders";

    private final FlowModel model;
    private final ComboBox<String> query = new ComboBox<>();
    private final ComboBox<String> parameter = new ComboBox<>();
    private final ToggleGroup source = new ToggleGroup();
    private final ToggleButton readModel = new ToggleButton("read model");
    private final ToggleButton writeModel = new ToggleButton("write model");
    private final Button run = new Button("Ask", new FontIcon(MaterialDesignM.MAGNIFY));
    private final GridPane answers = new GridPane();
    private final Label verdict = new Label();

    public QueryBox(FlowModel model) {
        this.model = model;
        getStyleClass().add("query-box");
        setId("query-box");
        setSpacing(6);
        query.getItems().addAll(BY_ID, FOR_CUSTOMER, LIST);
        query.setValue(BY_ID);
        query.setId("query-type");
        query.setTooltip(new Tooltip("GetOrderById reads order_detail; the other two read order_list"));
        parameter.setEditable(true);
        parameter.setId("query-parameter");
        parameter.setPrefWidth(90);
        parameter.setTooltip(new Tooltip("The order id or customer id to ask about"));
        query.valueProperty().addListener((o, a, b) -> refreshParameters());
        model.orders().addListener((javafx.collections.ListChangeListener<OrderSummary>) c -> refreshParameters());
        model.customers().addListener((javafx.collections.ListChangeListener<FlowModel.Customer>) c -> refreshParameters());

        readModel.setToggleGroup(source);
        writeModel.setToggleGroup(source);
        readModel.setId("query-read-model");
        writeModel.setId("query-write-model");
        readModel.getStyleClass().addAll("left-pill", "small");
        writeModel.getStyleClass().addAll("right-pill", "small");
        readModel.setTooltip(new Tooltip("Ask the read model: fast, shaped for the question, maybe stale"));
        writeModel.setTooltip(new Tooltip("Ask the write model: fold the streams in events.db — the truth now"));
        source.selectToggle(readModel);
        source.selectedToggleProperty().addListener((o, a, b) -> {
            if (b == null) {
                source.selectToggle(a);
            } else {
                ask();
            }
        });
        run.setId("query-run");
        run.setTooltip(new Tooltip("Run the query against both models; the chosen answer is shown first  (Ctrl+L)"));
        run.setOnAction(e -> ask());
        // Three rows, each as wide as the column, so nothing is cut off in a narrow left column:
        // question | its parameter; read model | write model; ask.
        HBox switcher = new HBox(0, readModel, writeModel);
        for (javafx.scene.control.Control c : List.of(readModel, writeModel)) {
            c.setMaxWidth(Double.MAX_VALUE);
            c.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            HBox.setHgrow(c, Priority.ALWAYS);
        }
        query.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        parameter.setPrefWidth(70);
        parameter.setMinWidth(60);
        HBox controls = new HBox(6, query, parameter);
        HBox.setHgrow(parameter, Priority.ALWAYS);
        parameter.setMaxWidth(Double.MAX_VALUE);
        run.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        HBox second = new HBox(6, switcher, run);
        HBox.setHgrow(switcher, Priority.ALWAYS);
        controls.setAlignment(Pos.CENTER_LEFT);
        second.setAlignment(Pos.CENTER_LEFT);
        answers.getStyleClass().add("query-answers");
        answers.setHgap(10);
        answers.setVgap(2);
        verdict.getStyleClass().add("query-verdict");
        verdict.setWrapText(true);
        verdict.setId("query-verdict");
        getChildren().addAll(controls, second, verdict, answers);
        refreshParameters();
    }

    private void refreshParameters() {
        String kind = query.getValue();
        String current = parameter.getEditor().getText();
        List<String> options = new ArrayList<>();
        if (BY_ID.equals(kind)) {
            model.orders().forEach(o -> options.add(o.orderId()));
        } else if (FOR_CUSTOMER.equals(kind)) {
            model.customers().forEach(c -> options.add(c.id()));
        }
        parameter.setDisable(LIST.equals(kind));
        parameter.getItems().setAll(options);
        if (current != null && options.contains(current)) {
            parameter.getEditor().setText(current);
        } else if (!options.isEmpty() && (current == null || current.isBlank() || !parameter.isFocused())) {
            parameter.setValue(options.get(options.size() - 1));
            parameter.getEditor().setText(options.get(options.size() - 1));
        }
    }

    private QuerySource chosen() {
        return source.getSelectedToggle() == writeModel ? QuerySource.WRITE_MODEL : QuerySource.READ_MODEL;
    }

    /** Runs the query on the query thread; shows the answers when they come back. */
    public void ask() {
        String kind = query.getValue();
        String p = parameter.getEditor().getText() == null ? "" : parameter.getEditor().getText().strip();
        QuerySource first = chosen();
        model.engine().query(side -> {
            OrderQueries q = side.queries();
            return new Answers(answer(q, kind, p, QuerySource.READ_MODEL), answer(q, kind, p, QuerySource.WRITE_MODEL));
        }).whenComplete((a, failure) -> Platform.runLater(() -> {
            if (a != null) {
                show(kind, p, first, a);
            } else {
                verdict.setText("The query failed: " + failure.getMessage());
            }
        }));
    }

    private record Answers(List<String> read, List<String> write) {
    }

    private static List<String> answer(OrderQueries q, String kind, String p, QuerySource from) {
        List<String> lines = new ArrayList<>();
        if (BY_ID.equals(kind)) {
            Optional<OrderDetails> d = q.getOrderById(p, from);
            if (d.isEmpty()) {
                lines.add("(no order " + p + ")");
            } else {
                OrderDetails o = d.get();
                lines.add(o.orderId() + " · " + o.customerName() + " · " + o.total() + " · " + o.status().label()
                        + (o.cancelReason() == null ? "" : " (\"" + o.cancelReason() + "\")"));
            }
        } else {
            List<OrderSummary> rows = FOR_CUSTOMER.equals(kind) ? q.getOrdersForCustomer(p, from) : q.listOrders(from);
            for (OrderSummary o : rows) {
                lines.add(o.orderId() + " · " + o.customerName() + " · " + o.total() + " · " + o.status().label());
            }
            if (rows.isEmpty()) {
                lines.add("(no orders)");
            }
        }
        return lines;
    }

    private void show(String kind, String p, QuerySource first, Answers a) {
        answers.getChildren().clear();
        boolean same = a.read().equals(a.write());
        String question = kind + (LIST.equals(kind) ? "" : "(" + p + ")");
        verdict.getStyleClass().removeAll("agree", "differ");
        if (same) {
            verdict.setText(question + ": read model and write model agree.");
            verdict.getStyleClass().add("agree");
            column(0, first == QuerySource.READ_MODEL ? "read model" : "write model", a.read(), null);
        } else {
            verdict.setText(question + ": the answers differ — the read model has not caught up yet.");
            verdict.getStyleClass().add("differ");
            List<String> primary = first == QuerySource.READ_MODEL ? a.read() : a.write();
            List<String> other = first == QuerySource.READ_MODEL ? a.write() : a.read();
            column(0, first == QuerySource.READ_MODEL ? "read model" : "write model", primary, other);
            column(1, first == QuerySource.READ_MODEL ? "write model (truth)" : "read model", other, primary);
        }
    }

    private void column(int col, String title, List<String> lines, List<String> compareTo) {
        Label t = new Label(title);
        t.getStyleClass().add("answer-title");
        answers.add(t, col, 0);
        int max = 8;
        for (int i = 0; i < Math.min(max, lines.size()); i++) {
            Label l = new Label(lines.get(i));
            l.getStyleClass().add("answer-line");
            if (compareTo != null && !compareTo.contains(lines.get(i))) {
                l.getStyleClass().add("differs");
            }
            answers.add(l, col, i + 1);
        }
        if (lines.size() > max) {
            answers.add(new Label("… " + (lines.size() - max) + " more"), col, max + 1);
        }
    }
}
