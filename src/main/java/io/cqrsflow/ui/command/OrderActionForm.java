package io.cqrsflow.ui.command;

import io.cqrsflow.domain.CancelOrder;
import io.cqrsflow.domain.Command;
import io.cqrsflow.domain.OrderStatus;
import io.cqrsflow.domain.PayOrder;
import io.cqrsflow.domain.ShipOrder;
import io.cqrsflow.read.OrderSummary;
import io.cqrsflow.ui.FlowModel;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** PayOrder, ShipOrder or CancelOrder: an order picker (any order, so rules can be tried) and, to cancel, a reason. */
final class OrderActionForm implements CommandForm {

    enum Kind {
        PAY("PayOrder", OrderStatus.PENDING), SHIP("ShipOrder", OrderStatus.PAID), CANCEL("CancelOrder", null);

        final String type;
        /** The status an order needs for this command to be accepted (null: pending or paid). */
        final OrderStatus needs;

        Kind(String type, OrderStatus needs) {
            this.type = type;
            this.needs = needs;
        }

        boolean accepts(OrderStatus s) {
            return needs == null ? s == OrderStatus.PENDING || s == OrderStatus.PAID : s == needs;
        }
    }

    private final Kind kind;
    private final FlowModel model;
    private final ComboBox<String> order = new ComboBox<>();
    private final Label orderNote = new Label();
    private final TextField reason = new TextField("changed mind");
    private final GridPane view = Forms.grid();
    private final ObservableValue<String> problem;
    private final ObservableValue<String> hint;

    OrderActionForm(Kind kind, FlowModel model) {
        this.kind = kind;
        this.model = model;
        String id = kind.type.replace("Order", "").toLowerCase(java.util.Locale.ROOT);
        order.setId(id + "-order-id");
        reason.setId(id + "-reason");
        order.setEditable(true);
        order.setMaxWidth(Double.MAX_VALUE);
        order.setPromptText("place an order first");
        orderNote.getStyleClass().add("field-note");
        orderNote.setWrapText(true); // "truth: pending" must not be cut off in a narrow column
        Forms.row(view, 0, "Order", order, "Any order the write model knows, with its true status;"
                + " pick one in the wrong state to see the rule reject it");
        view.add(orderNote, 1, 1);
        if (kind == Kind.CANCEL) {
            Forms.row(view, 2, "Reason", reason, "Why the order is cancelled; stored in the event");
        }
        refresh();
        model.orders().addListener((ListChangeListener<OrderSummary>) c -> refresh());
        order.getEditor().textProperty().addListener((o, a, b) -> showNote());
        problem = Bindings.createStringBinding(() -> null);
        hint = Bindings.createStringBinding(() -> {
            String o = orderId();
            Optional<OrderSummary> s = find(o);
            if (s.isEmpty() && o.isEmpty()) {
                return "No order yet: place one first (or type any id to see the rule reject it).";
            }
            if (s.isEmpty()) {
                return "\"" + o + "\" is not an order the write model knows: rejected (UNKNOWN_ORDER).";
            }
            if (!kind.accepts(s.get().status())) {
                return o + " is " + s.get().status().label() + ": the handler will reject " + kind.type + ".";
            }
            return null;
        }, order.getEditor().textProperty(), model.orders());
    }

    private String orderId() {
        String t = order.getEditor().getText();
        return t == null ? "" : t.strip();
    }

    private Optional<OrderSummary> find(String id) {
        return model.orders().stream().filter(s -> s.orderId().equals(id)).findFirst();
    }

    private void refresh() {
        String current = orderId();
        List<String> ids = new ArrayList<>();
        String suggestion = null;
        for (OrderSummary s : model.orders()) {
            ids.add(s.orderId());
            if (kind.accepts(s.status())) {
                suggestion = s.orderId();
            }
        }
        order.getItems().setAll(ids);
        boolean keep = !current.isEmpty() && find(current).map(s -> kind.accepts(s.status())).orElse(false);
        if (order.getEditor().isFocused() || keep) {
            order.getEditor().setText(current);
        } else if (suggestion != null) {
            order.setValue(suggestion);
            order.getEditor().setText(suggestion);
        } else if (!current.isEmpty()) {
            order.getEditor().setText(current);
        }
        showNote();
    }

    private void showNote() {
        orderNote.setText(find(orderId()).map(s -> s.customerName() + " · " + s.total() + " · truth: "
                + s.status().label()).orElse(""));
    }

    @Override
    public String type() {
        return kind.type;
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
        String id = orderId();
        switch (kind) {
            case PAY:
                return new PayOrder(id);
            case SHIP:
                return new ShipOrder(id);
            default:
                return new CancelOrder(id, reason.getText().strip());
        }
    }

    @Override
    public void sent(Command command) {
        // the order picker moves on by itself when the order's status changes
    }

    @Override
    public Node firstField() {
        return order;
    }
}
