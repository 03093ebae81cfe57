package io.cqrsflow.ui.command;

import io.cqrsflow.domain.Command;
import io.cqrsflow.domain.OrderLine;
import io.cqrsflow.domain.PlaceOrder;
import io.cqrsflow.ui.FlowModel;
import io.cqrsflow.write.CommandEnvelope;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** PlaceOrder(orderId, customerId, items): a generated order id, a customer picker, a small table of items. */
final class PlaceOrderForm implements CommandForm {
    private static final String[][] SAMPLES = {{"BOOK-1", "2", "12.50"}, {"MUG-7", "1", "8.00"},
            {"PEN-3", "5", "1.20"}, {"LAMP-2", "1", "39.90"}, {"TEA-9", "3", "4.75"}};
    private static final int MAX_LINES = 4;

    private final FlowModel model;
    private final TextField orderId = new TextField();
    private final ComboBox<String> customer = io.cqrsflow.ui.DropDowns.measureFewRows(new ComboBox<>());
    private final Label customerName = new Label();
    private final ObservableList<ItemLine> lines = FXCollections.observableArrayList();
    private final GridPane itemGrid = new GridPane();
    private final Label total = new Label();
    private final Button addLine = new Button("Add line", new FontIcon(MaterialDesignP.PLUS));
    private final VBox view = new VBox(6);
    private final StringBinding problem;
    private final StringBinding hint;
    private int sample;

    PlaceOrderForm(FlowModel model) {
        this.model = model;
        orderId.setId("place-order-id");
        customer.setId("place-order-customer");
        customer.setEditable(true);
        customer.setMaxWidth(Double.MAX_VALUE);
        customer.setPromptText("register a customer first");
        customerName.getStyleClass().add("field-note");
        GridPane top = Forms.grid();
        Forms.row(top, 0, "Order id", orderId, "Generated; its events go to the stream order-<id>");
        Forms.row(top, 1, "Customer", customer, "Registered customers; the handler checks the customer"
                + " against the write model, never a read model");
        top.add(customerName, 1, 2);

        itemGrid.getStyleClass().add("item-table");
        itemGrid.setHgap(4);
        itemGrid.setVgap(4);
        addLine.getStyleClass().addAll("small", "flat");
        addLine.setTooltip(new Tooltip("Add another item line (up to " + MAX_LINES + ")"));
        addLine.setOnAction(e -> addLine());
        total.getStyleClass().add("order-total");
        addLine.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        total.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        HBox below = new HBox(8, addLine, new javafx.scene.layout.Region(), total);
        HBox.setHgrow(below.getChildren().get(1), Priority.ALWAYS);
        below.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        Label itemsLabel = new Label("Items");
        itemsLabel.getStyleClass().add("field-label");
        view.getChildren().addAll(top, itemsLabel, itemGrid, below);

        refreshCustomers();
        model.customers().addListener((ListChangeListener<FlowModel.Customer>) c -> refreshCustomers());
        customer.getEditor().textProperty().addListener((o, a, b) -> showCustomerName());
        customer.valueProperty().addListener((o, a, b) -> showCustomerName());

        problem = new StringBinding() {
            {
                bind(lines);
            }

            @Override
            protected String computeValue() {
                for (ItemLine l : lines) {
                    if (l.problem.getValue() != null) {
                        return l.problem.getValue();
                    }
                }
                return null;
            }
        };
        hint = new StringBinding() {
            {
                bind(lines, customer.valueProperty(), customer.getEditor().textProperty(), model.customers(),
                        orderId.textProperty(), model.orders());
            }

            @Override
            protected String computeValue() {
                if (problem.get() != null) {
                    return null; // a field that does not parse is said first; there is no command yet
                }
                return DecisionPreview.rejection(command(), model).map(r -> r + ": the handler will reject it.")
                        .orElse(null);
            }
        };
        orderId.setText(model.nextOrderId());
        addLine();
        model.orders().addListener((ListChangeListener<io.cqrsflow.read.OrderSummary>) c -> {
            String o = orderId.getText().strip();
            if (!orderId.isFocused() && model.orders().stream().anyMatch(s -> s.orderId().equals(o))) {
                orderId.setText(model.nextOrderId());
            }
        });
    }

    private void refreshCustomers() {
        String current = customerId();
        List<String> ids = new ArrayList<>();
        model.customers().forEach(c -> ids.add(c.id()));
        io.cqrsflow.ui.DropDowns.showItems(customer, ids);
        if (!current.isEmpty()) {
            customer.setValue(current);
        } else if (!ids.isEmpty()) {
            customer.setValue(ids.get(ids.size() - 1));
        }
        showCustomerName();
    }

    private String customerId() {
        String typed = customer.getEditor().getText();
        return typed == null ? "" : typed.strip();
    }

    private void showCustomerName() {
        String id = customerId();
        customerName.setText(model.customers().stream().filter(c -> c.id().equals(id)).findFirst()
                .map(FlowModel.Customer::name).orElse(id.isEmpty() ? "" : "not registered"));
    }

    private void addLine() {
        String[] s = SAMPLES[sample++ % SAMPLES.length];
        ItemLine line = new ItemLine(lines.size() + 1, s[0], s[1], s[2]);
        line.problem.addListener((o, a, b) -> problem.invalidate());
        for (TextField field : List.of(line.sku, line.quantity, line.price)) {
            field.textProperty().addListener((o, a, b) -> hint.invalidate());
        }
        line.quantity.textProperty().addListener((o, a, b) -> showTotal());
        line.price.textProperty().addListener((o, a, b) -> showTotal());
        lines.add(line);
        layoutLines();
        showTotal();
    }

    private void removeLine(ItemLine line) {
        lines.remove(line);
        layoutLines();
        showTotal();
    }

    private void layoutLines() {
        itemGrid.getChildren().clear();
        String[] headers = {"SKU", "Qty", "Unit price"};
        for (int i = 0; i < headers.length; i++) {
            Label h = new Label(headers[i]);
            h.getStyleClass().add("item-header");
            itemGrid.add(h, i, 0);
        }
        int row = 1;
        for (ItemLine l : lines) {
            Button remove = new Button(null, new FontIcon(MaterialDesignC.CLOSE));
            remove.getStyleClass().addAll("button-icon", "flat", "small");
            remove.setTooltip(new Tooltip("Remove this line"));
            remove.setOnAction(e -> removeLine(l));
            itemGrid.addRow(row++, l.sku, l.quantity, l.price, remove);
        }
        addLine.setDisable(lines.size() >= MAX_LINES);
    }

    private void showTotal() {
        BigDecimal sum = BigDecimal.ZERO;
        for (ItemLine l : lines) {
            Integer q = ItemLine.parseQuantity(l.quantity.getText().strip());
            BigDecimal p = ItemLine.parsePrice(l.price.getText().strip());
            if (q == null || p == null) {
                total.setText("total: —");
                return;
            }
            sum = sum.add(p.multiply(BigDecimal.valueOf(q)));
        }
        total.setText("total: " + sum.setScale(2, java.math.RoundingMode.HALF_UP));
    }

    @Override
    public String type() {
        return "PlaceOrder";
    }

    @Override
    public Node view() {
        return view;
    }

    @Override
    public ObservableValue<String> problem() {
        return problem;
    }

    @Override
    public ObservableValue<String> hint() {
        return hint;
    }

    @Override
    public Command command() {
        List<OrderLine> items = new ArrayList<>();
        for (ItemLine l : lines) {
            items.add(l.line());
        }
        return new PlaceOrder(orderId.getText().strip(), customerId(), items);
    }

    @Override
    public void sent(CommandEnvelope envelope) {
        model.usedId(((PlaceOrder) envelope.command()).orderId());
        orderId.setText(model.nextOrderId());
    }

    @Override
    public Node firstField() {
        return customer;
    }

    /** Test and shortcut access: the first line's quantity field. */
    TextField firstQuantity() {
        return lines.get(0).quantity;
    }

}
