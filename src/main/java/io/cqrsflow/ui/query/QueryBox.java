package io.cqrsflow.ui.query;

import io.cqrsflow.read.OrderDetails;
import io.cqrsflow.read.Query;
import io.cqrsflow.read.OrderSummary;
import io.cqrsflow.read.QuerySource;
import io.cqrsflow.ui.FlowModel;
import io.cqrsflow.ui.FxThread;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * Asks a question: GetOrderById (order_detail), GetOrdersForCustomer or ListOrders (order_list), from
 * the read model or the write model. Both are always asked; when they answer differently, both answers
 * are shown side by side — the read model is behind.
 *
 * <p>Slightly over 300 lines: the two answers' table and its tooltips stay with the controls that ask.
 */
public final class QueryBox extends VBox {
    public static final String BY_ID = Query.GetOrderById.WIRE_NAME;
    public static final String FOR_CUSTOMER = Query.GetOrdersForCustomer.WIRE_NAME;
    public static final String LIST = Query.ListOrders.WIRE_NAME;

    private final FlowModel model;
    private final ComboBox<String> query = new ComboBox<>();
    private final ComboBox<String> parameter = io.cqrsflow.ui.DropDowns.measureFewRows(new ComboBox<>());
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
        query.getItems().addAll(Query.WIRE_NAMES);
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
        answers.setHgap(8);
        answers.setVgap(2);
        // the key as wide as it needs, the two answers sharing what is left
        javafx.scene.layout.ColumnConstraints keyColumn = new javafx.scene.layout.ColumnConstraints();
        keyColumn.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        javafx.scene.layout.ColumnConstraints answerColumn = new javafx.scene.layout.ColumnConstraints();
        answerColumn.setHgrow(Priority.ALWAYS);
        answerColumn.setMinWidth(0);
        answerColumn.setFillWidth(true);
        javafx.scene.layout.ColumnConstraints otherColumn = new javafx.scene.layout.ColumnConstraints();
        otherColumn.setHgrow(Priority.ALWAYS);
        otherColumn.setMinWidth(0);
        otherColumn.setFillWidth(true);
        answers.getColumnConstraints().addAll(keyColumn, answerColumn, otherColumn);
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
        io.cqrsflow.ui.DropDowns.showItems(parameter, options);
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
        Query<?> asked = Query.of(kind, p).orElseThrow();
        FxThread.whenDone(askBoth(asked), (a, failure) -> {
            if (a != null) {
                show(kind, p, first, a);
            } else {
                verdict.setText("The query failed: " + FxThread.message(failure));
            }
        });
    }

    /** The same query asked of the read model, then of the write model. */
    private <R> CompletionStage<Answers> askBoth(Query<R> asked) {
        return model.client().ask(asked, QuerySource.READ_MODEL).thenCombine(
                model.client().ask(asked, QuerySource.WRITE_MODEL),
                (read, write) -> new Answers(answer(asked, read), answer(asked, write)));
    }

    /**
     * One model's answer as rows a narrow column can show: a key (an order id, or a field of one order)
     * and its short value, with the whole line for a tooltip.
     */
    record Answer(Map<String, String> rows, Map<String, String> whole) {
    }

    private record Answers(Answer read, Answer write) {
    }

    /** The most rows shown; differing rows come first, so the lesson is never below the cut. */
    static final int MAX_ROWS = 10;

    static Answer answer(Query<?> asked, Object value) {
        Map<String, String> rows = new LinkedHashMap<>();
        Map<String, String> whole = new LinkedHashMap<>();
        if (asked instanceof Query.GetOrderById byId) {
            String p = byId.orderId();
            Optional<?> d = (Optional<?>) value;
            if (d.isEmpty()) {
                rows.put(p, "no such order");
                whole.put(p, "GetOrderById(" + p + ") finds no order here");
            } else {
                OrderDetails o = (OrderDetails) d.get();
                String items = items(o);
                rows.put("status", o.status().label());
                rows.put("total", o.total().toPlainString());
                rows.put("customer", o.customerName());
                rows.put("items", items);
                whole.put("items", items);
                if (o.cancelReason() != null) {
                    rows.put("reason", o.cancelReason());
                    whole.put("reason", o.cancelReason());
                }
            }
        } else {
            for (Object row : (List<?>) value) {
                OrderSummary o = (OrderSummary) row;
                rows.put(o.orderId(), o.status().label());
                whole.put(o.orderId(), o.orderId() + " · " + o.customerName() + " · " + o.total().toPlainString() + " · "
                        + o.status().label());
            }
        }
        return new Answer(rows, whole);
    }

    private static String items(OrderDetails d) {
        java.util.StringJoiner j = new java.util.StringJoiner(", ");
        for (io.cqrsflow.domain.OrderLine l : d.items()) {
            j.add(l.quantity() + "× " + l.sku());
        }
        return j.toString();
    }

    private void show(String kind, String p, QuerySource first, Answers a) {
        answers.getChildren().clear();
        boolean same = a.read().equals(a.write());
        String question = kind + (LIST.equals(kind) ? "" : "(" + p + ")");
        verdict.getStyleClass().removeAll("agree", "differ");
        Answer primary = first == QuerySource.READ_MODEL ? a.read() : a.write();
        Answer other = first == QuerySource.READ_MODEL ? a.write() : a.read();
        String primaryName = first == QuerySource.READ_MODEL ? "read model" : "write model (truth)";
        String otherName = first == QuerySource.READ_MODEL ? "write model (truth)" : "read model";
        if (same) {
            verdict.setText(question + ": read model and write model agree"
                    + (primary.rows().isEmpty() ? " — no orders." : "."));
            verdict.getStyleClass().add("agree");
            header(BY_ID.equals(kind) ? p : "order",
                    first == QuerySource.READ_MODEL ? "read model = write model" : "write model = read model", null);
        } else {
            verdict.setText(question + ": the answers differ — the read model has not caught up yet.");
            verdict.getStyleClass().add("differ");
            header(BY_ID.equals(kind) ? p : "order", primaryName, otherName);
        }
        List<String> keys = new ArrayList<>(other.rows().keySet());
        for (String k : primary.rows().keySet()) {
            if (!keys.contains(k)) {
                keys.add(k);
            }
        }
        // what differs first: that is the point of asking both
        List<String> ordered = new ArrayList<>();
        keys.stream().filter(k -> !Objects.equals(primary.rows().get(k), other.rows().get(k))).forEach(ordered::add);
        keys.stream().filter(k -> Objects.equals(primary.rows().get(k), other.rows().get(k))).forEach(ordered::add);
        int row = 1;
        for (String k : ordered.subList(0, Math.min(MAX_ROWS, ordered.size()))) {
            String mine = primary.rows().get(k);
            String theirs = other.rows().get(k);
            boolean differs = !Objects.equals(mine, theirs);
            answers.add(cell(k, null, "answer-key", differs), 0, row);
            answers.add(cell(shown(mine, primary == a.read()), tip(primaryName, primary, k), "answer-line", differs),
                    1, row);
            if (!same) {
                answers.add(cell(shown(theirs, other == a.read()), tip(otherName, other, k), "answer-line", differs),
                        2, row);
            }
            row++;
        }
        if (ordered.size() > MAX_ROWS) {
            Label more = new Label("… " + (ordered.size() - MAX_ROWS) + " more that agree");
            more.getStyleClass().add("answer-more");
            answers.add(more, 0, row, 3, 1);
        }
    }

    /** A value, or what its absence means: a read model that lacks a row has not got there yet. */
    private static String shown(String value, boolean readModel) {
        return value != null ? value : readModel ? "not yet" : "—";
    }

    private void header(String key, String first, String second) {
        answers.add(title(key), 0, 0);
        answers.add(title(first), 1, 0);
        if (second != null) {
            answers.add(title(second), 2, 0);
        }
    }

    private static Label title(String text) {
        Label t = new Label(text);
        t.getStyleClass().add("answer-title");
        t.setMinWidth(0);
        return t;
    }

    private static String tip(String model, Answer answer, String key) {
        String whole = answer.whole().get(key);
        String value = answer.rows().get(key);
        return model + ": " + (value == null ? "not there (yet)" : whole != null ? whole : key + " " + value);
    }

    private static Label cell(String text, String tooltip, String style, boolean differs) {
        Label l = new Label(text);
        l.getStyleClass().add(style);
        if (differs) {
            l.getStyleClass().add("differs");
        }
        l.setMinWidth(0);
        l.setMaxWidth(Double.MAX_VALUE);
        if (tooltip != null) {
            l.setTooltip(new Tooltip(tooltip));
        }
        return l;
    }
}
