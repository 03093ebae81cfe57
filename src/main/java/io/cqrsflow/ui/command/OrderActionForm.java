package io.cqrsflow.ui.command;

import io.cqrsflow.domain.CancelOrder;
import io.cqrsflow.domain.Command;
import io.cqrsflow.domain.PayOrder;
import io.cqrsflow.domain.ShipOrder;
import io.cqrsflow.flow.FlowSignal;
import io.cqrsflow.read.OrderSummary;
import io.cqrsflow.ui.FlowModel;
import io.cqrsflow.write.CommandEnvelope;
import io.cqrsflow.write.CommandResult;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * PayOrder, ShipOrder or CancelOrder: an order picker (any order, so rules can be tried), to cancel a
 * reason, and "decide on what I saw": optimistic concurrency, the order's version loaded from the write
 * model when ticked and sent along, so a change by someone else in between ends in a conflict.
 */
final class OrderActionForm implements CommandForm {

    enum Kind {
        PAY("PayOrder"), SHIP("ShipOrder"), CANCEL("CancelOrder");

        final String type;

        Kind(String type) {
            this.type = type;
        }
    }

    private final Kind kind;
    private final FlowModel model;
    private final ComboBox<String> order = io.cqrsflow.ui.DropDowns.measureFewRows(new ComboBox<>());
    private final Label orderNote = new Label();
    private final TextField reason = new TextField("changed mind");
    private final SeenVersion seenVersion;
    private final GridPane view = Forms.grid();
    private final ObservableValue<String> problem;
    private final ObservableValue<String> hint;
    private boolean refreshing;
    private String lastSentId;

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
        orderNote.setMinHeight(Region.USE_PREF_SIZE);
        orderNote.setMinWidth(0);
        orderNote.setMaxWidth(Double.MAX_VALUE);
        Forms.row(view, 0, "Order", order, "Any order the write model knows, with its true status;"
                + " pick one in the wrong state to see the rule reject it");
        view.add(orderNote, 1, 1);
        if (kind == Kind.CANCEL) {
            Forms.row(view, 2, "Reason", reason, "Why the order is cancelled; stored in the event");
        }
        seenVersion = new SeenVersion(model, id, this::orderId, this::find);
        view.add(seenVersion.view(), 0, 3, 2, 1);
        refresh();
        model.orders().addListener((ListChangeListener<OrderSummary>) c -> {
            refresh();
            seenVersion.show();
        });
        model.versionsRevision().addListener((o, a, b) -> seenVersion.show());
        order.getEditor().textProperty().addListener((o, a, b) -> {
            if (!refreshing) {
                picked();
            }
        });
        model.onSignal(this::handled);
        ObjectProperty<SeenVersion.Seen> seen = seenVersion.seenProperty();
        problem = Bindings.createStringBinding(() -> seenVersion.isSelected() && seen.get() == null
                ? "Loading " + orderId() + "'s version from the write model…" : null, seenVersion.selectedProperty(), seen);
        hint = Bindings.createStringBinding(() -> {
            String o = orderId();
            SeenVersion.Seen decided = seen.get();
            long live = seenVersion.liveVersion();
            if (seenVersion.isSelected() && decided != null && live != decided.version()) {
                return "You decided on " + o + " at version " + decided.version() + ", but it is at version "
                        + live + " now: the handler will answer ⚠ conflict.";
            }
            if (o.isEmpty() && model.orders().isEmpty()) {
                return "No order yet: place one first (or type any id to see the rule reject it).";
            }
            return DecisionPreview.rejection(command(), model).map(r -> r + ": the handler will reject it.")
                    .orElse(null);
        }, order.getEditor().textProperty(), model.orders(), model.versionsRevision(), seenVersion.selectedProperty(), seen);
    }

    /** After this form's own command: accepted, the learner has seen the new version. */
    private void handled(FlowSignal signal) {
        if (signal instanceof FlowSignal.CommandHandled h && h.result().command().commandId().equals(lastSentId)) {
            lastSentId = null;
            if (h.result() instanceof CommandResult.Accepted) {
                seenVersion.ownCommandAccepted();
            }
        }
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
            if (DecisionPreview.accepted(commandFor(s.orderId()), model)) {
                suggestion = s.orderId();
            }
        }
        refreshing = true; // setting the items clears the editor for a moment: not a new pick
        io.cqrsflow.ui.DropDowns.showItems(order, ids);
        // Deciding on what you saw: the form holds still, whatever happens to the order meanwhile.
        boolean keep = !current.isEmpty() && (seenVersion.isSelected()
                || (find(current).isPresent() && DecisionPreview.accepted(commandFor(current), model)));
        if (order.getEditor().isFocused() || keep) {
            order.getEditor().setText(current);
        } else if (suggestion != null) {
            order.setValue(suggestion);
            order.getEditor().setText(suggestion);
        } else if (!current.isEmpty()) {
            order.getEditor().setText(current);
        }
        refreshing = false;
        picked();
    }

    /** The order in the picker changed (or may have): show it, and when deciding on what was seen, load it. */
    private void picked() {
        showNote();
        seenVersion.picked();
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
        return commandFor(orderId());
    }

    private Command commandFor(String id) {
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
    public String ready() {
        SeenVersion.Seen s = seenVersion.seenProperty().get();
        if (seenVersion.isSelected() && s != null) {
            return "Ready: the handler decides only if " + s.orderId() + " is still at version " + s.version()
                    + " — else ⚠ conflict.";
        }
        return CommandForm.super.ready();
    }

    @Override
    public CommandEnvelope envelope(String commandId) {
        CommandEnvelope envelope = CommandEnvelope.of(commandId, command());
        SeenVersion.Seen s = seenVersion.seenProperty().get();
        return seenVersion.isSelected() && s != null && s.orderId().equals(orderId()) ? envelope.expecting(s.version()) : envelope;
    }

    @Override
    public void sent(CommandEnvelope envelope) {
        // the order picker moves on by itself when the order's status changes (unless deciding on what was seen)
        lastSentId = envelope.commandId();
    }

    @Override
    public Node firstField() {
        return order;
    }
}
