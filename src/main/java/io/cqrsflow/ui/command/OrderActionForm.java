package io.cqrsflow.ui.command;

import io.cqrsflow.domain.CancelOrder;
import io.cqrsflow.domain.Command;
import io.cqrsflow.domain.OrderState;
import io.cqrsflow.domain.OrderStatus;
import io.cqrsflow.domain.PayOrder;
import io.cqrsflow.domain.ShipOrder;
import io.cqrsflow.domain.Streams;
import io.cqrsflow.flow.FlowSignal;
import io.cqrsflow.read.OrderSummary;
import io.cqrsflow.ui.FlowModel;
import io.cqrsflow.ui.FxThread;
import io.cqrsflow.write.CommandEnvelope;
import io.cqrsflow.write.CommandResult;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.collections.MapChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;

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

    /** The order as loaded from the write model when the learner decided: the version a command will expect. */
    record Seen(String orderId, long version, OrderStatus status) {
        String describe() {
            return "version " + version + (status == null ? " (no such order)" : " (" + status.label() + ")");
        }
    }

    private final Kind kind;
    private final FlowModel model;
    private final ComboBox<String> order = new ComboBox<>();
    private final Label orderNote = new Label();
    private final TextField reason = new TextField("changed mind");
    private final CheckBox expect = new CheckBox();
    private final Label seenNote = new Label();
    private final Button lookAgain = new Button("Look again", new FontIcon(MaterialDesignR.REFRESH));
    private final HBox seenBox = new HBox(6, seenNote, lookAgain);
    private final GridPane view = Forms.grid();
    private final ObservableValue<String> problem;
    private final ObservableValue<String> hint;
    private final ObjectProperty<Seen> seen = new SimpleObjectProperty<>(this, "seen");
    private long loadTicket;
    /** The order the latest load is (or was) for. */
    private String loadingFor;
    private boolean refreshing;
    private String lastSentId;

    OrderActionForm(Kind kind, FlowModel model) {
        this.kind = kind;
        this.model = model;
        String id = kind.type.replace("Order", "").toLowerCase(java.util.Locale.ROOT);
        order.setId(id + "-order-id");
        reason.setId(id + "-reason");
        expect.setId(id + "-expect-version");
        seenNote.setId(id + "-seen-note");
        lookAgain.setId(id + "-look-again");
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
        buildExpectation(3);
        refresh();
        model.orders().addListener((ListChangeListener<OrderSummary>) c -> {
            refresh();
            showExpectation();
        });
        model.streamVersions().addListener((MapChangeListener<String, Long>) c -> showExpectation());
        order.getEditor().textProperty().addListener((o, a, b) -> {
            if (!refreshing) {
                picked();
            }
        });
        model.onSignal(this::handled);
        problem = Bindings.createStringBinding(() -> expect.isSelected() && seen.get() == null
                ? "Loading " + orderId() + "'s version from the write model…" : null, expect.selectedProperty(), seen);
        hint = Bindings.createStringBinding(() -> {
            String o = orderId();
            Seen decided = seen.get();
            if (expect.isSelected() && decided != null && liveVersion() != decided.version()) {
                return "You decided on " + o + " at version " + decided.version() + ", but it is at version "
                        + liveVersion() + " now: the handler will answer ⚠ conflict.";
            }
            if (o.isEmpty() && model.orders().isEmpty()) {
                return "No order yet: place one first (or type any id to see the rule reject it).";
            }
            return DecisionPreview.rejection(command(), model).map(r -> r + ": the handler will reject it.")
                    .orElse(null);
        }, order.getEditor().textProperty(), model.orders(), model.streamVersions(), expect.selectedProperty(), seen);
    }

    private void buildExpectation(int row) {
        expect.setWrapText(true);
        expect.setMinHeight(Region.USE_PREF_SIZE);
        expect.setMaxWidth(Double.MAX_VALUE);
        expect.setTooltip(new Tooltip("Optimistic concurrency: the command carries the version you decided on,"
                + " and the handler refuses it (⚠ conflict) if anyone changed the order since."));
        expect.selectedProperty().addListener((o, was, ticked) -> {
            if (ticked) {
                load();
            } else {
                seen.set(null);
                loadTicket++;
                loadingFor = null;
                showExpectation();
            }
        });
        seenNote.getStyleClass().add("field-note");
        seenNote.setWrapText(true);
        seenNote.setMinHeight(Region.USE_PREF_SIZE);
        seenNote.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(seenNote, Priority.ALWAYS);
        lookAgain.getStyleClass().addAll("flat", "small");
        lookAgain.setMinWidth(Region.USE_PREF_SIZE);
        lookAgain.setTooltip(new Tooltip("Load the order's current version from the write model and decide again"));
        lookAgain.setOnAction(e -> load());
        seenBox.setAlignment(Pos.CENTER_LEFT);
        seenBox.getStyleClass().add("seen-box");
        VBox box = new VBox(2, expect, seenBox);
        box.getStyleClass().add("expectation");
        view.add(box, 0, row, 2, 1);
        showExpectation();
    }

    /** Loads the picked order from the write model: its version now is what the learner decides on. */
    private void load() {
        String id = orderId();
        loadingFor = id;
        long ticket = ++loadTicket;
        seen.set(null);
        showExpectation();
        FxThread.whenDone(model.client().loadOrder(id), (order, failure) -> {
            if (order != null && ticket == loadTicket && expect.isSelected()) {
                OrderState state = order.state();
                seen.set(new Seen(id, order.version(), state.exists() ? state.status() : null));
                showExpectation();
            }
        });
    }

    /** After this form's own command: accepted, the learner has seen the new version; load it. */
    private void handled(FlowSignal signal) {
        if (signal instanceof FlowSignal.CommandHandled h && h.result().command().commandId().equals(lastSentId)) {
            lastSentId = null;
            if (h.result() instanceof CommandResult.Accepted && expect.isSelected()) {
                load();
            }
        }
    }

    /** The version the write model announced for the picked order, as of the last frame (0: no such stream). */
    private long liveVersion() {
        Long v = model.streamVersions().get(Streams.order(orderId()));
        return v == null ? 0 : v;
    }

    private void showExpectation() {
        Seen s = seen.get();
        String o = orderId();
        if (!expect.isSelected()) {
            expect.setText("Decide on what I saw: version " + liveVersion());
            seenBox.setVisible(false);
            seenBox.setManaged(false);
            return;
        }
        seenBox.setVisible(true);
        seenBox.setManaged(true);
        seenNote.getStyleClass().remove("changed");
        if (s == null) {
            expect.setText("Decide on what I saw: loading…");
            seenNote.setText("");
            lookAgain.setVisible(false);
            lookAgain.setManaged(false);
            return;
        }
        expect.setText("Decide on what I saw: " + s.describe());
        long now = liveVersion();
        if (now != s.version()) {
            String status = find(o).map(x -> " (" + x.status().label() + ")").orElse("");
            seenNote.setText("⚠ Changed since you looked: now version " + now + status + ".");
            seenNote.getStyleClass().add("changed");
            lookAgain.setVisible(true);
            lookAgain.setManaged(true);
        } else {
            seenNote.setText("Two clerks: change " + (o.isEmpty() ? "this order" : o) + " from another form first"
                    + " (you are clerk B), then come back here and send.");
            lookAgain.setVisible(false);
            lookAgain.setManaged(false);
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
        order.getItems().setAll(ids);
        // Deciding on what you saw: the form holds still, whatever happens to the order meanwhile.
        boolean keep = !current.isEmpty() && (expect.isSelected()
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
        if (expect.isSelected() && !orderId().equals(loadingFor)) {
            load();
        }
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
        Seen s = seen.get();
        if (expect.isSelected() && s != null) {
            return "Ready: the handler decides only if " + s.orderId() + " is still at version " + s.version()
                    + " — else ⚠ conflict.";
        }
        return CommandForm.super.ready();
    }

    @Override
    public CommandEnvelope envelope(String commandId) {
        CommandEnvelope envelope = CommandEnvelope.of(commandId, command());
        Seen s = seen.get();
        return expect.isSelected() && s != null && s.orderId().equals(orderId()) ? envelope.expecting(s.version()) : envelope;
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
