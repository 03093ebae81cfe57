package io.cqrsflow.ui.command;

import io.cqrsflow.domain.Command;
import io.cqrsflow.domain.OrderLine;
import io.cqrsflow.domain.PlaceOrder;
import io.cqrsflow.domain.RegisterCustomer;
import io.cqrsflow.ui.FlowModel;
import io.cqrsflow.write.CommandEnvelope;
import javafx.beans.value.ChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignL;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;
import org.kordamp.ikonli.materialdesign2.MaterialDesignT;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The write side's front door: one form per command, checked as you type, a send button, and the
 * log of results.
 */
public final class CommandPane extends VBox {
    public static final int BURST = 50;
    private static final AtomicLong COMMAND_IDS = new AtomicLong();

    private final FlowModel model;
    private final List<CommandForm> forms = new ArrayList<>();
    private final ToggleGroup picker = new ToggleGroup();
    private final StackPane formArea = new StackPane();
    private final Label status = new Label();
    private final Button send = new Button("Send", new FontIcon(MaterialDesignS.SEND));
    private final Button burst = new Button("+" + BURST + " orders", new FontIcon(MaterialDesignL.LIGHTNING_BOLT));
    private final ResultLog log;
    private final Random random = new Random(7);
    private CommandForm current;
    private final ChangeListener<String> statusListener = (o, a, b) -> showStatus();

    public CommandPane(FlowModel model) {
        this.model = model;
        getStyleClass().add("command-pane");
        getStylesheets().add(CommandPane.class.getResource("/io/cqrsflow/ui/command/command.css").toExternalForm());
        setSpacing(8);

        forms.add(new RegisterCustomerForm(model));
        forms.add(new PlaceOrderForm(model));
        forms.add(new OrderActionForm(OrderActionForm.Kind.PAY, model));
        forms.add(new OrderActionForm(OrderActionForm.Kind.SHIP, model));
        forms.add(new OrderActionForm(OrderActionForm.Kind.CANCEL, model));

        Ikon[] icons = {MaterialDesignA.ACCOUNT_PLUS, MaterialDesignC.CART_PLUS, MaterialDesignC.CASH,
                MaterialDesignT.TRUCK_DELIVERY, MaterialDesignC.CANCEL};
        String[] labels = {"Register", "Place", "Pay", "Ship", "Cancel"};
        FlowPane buttons = new FlowPane(4, 4);
        buttons.getStyleClass().add("command-picker");
        for (int i = 0; i < forms.size(); i++) {
            CommandForm f = forms.get(i);
            ToggleButton b = new ToggleButton(labels[i], new FontIcon(icons[i]));
            b.setId("form-" + f.type());
            b.setToggleGroup(picker);
            b.setUserData(f);
            b.setTooltip(new Tooltip(f.type() + "  (Ctrl+" + (i + 1) + ")"));
            buttons.getChildren().add(b);
        }
        picker.selectedToggleProperty().addListener((o, old, neu) -> {
            if (neu == null) {
                picker.selectToggle(old);
            } else {
                show((CommandForm) neu.getUserData());
            }
        });

        status.getStyleClass().add("form-status");
        status.setWrapText(true);
        status.setMinHeight(Region.USE_PREF_SIZE);
        send.setId("send-command");
        send.getStyleClass().add("accent");
        send.setMinWidth(Region.USE_PREF_SIZE);
        burst.setMinWidth(Region.USE_PREF_SIZE);
        send.setTooltip(new Tooltip("Send the command to the command handler  (Ctrl+Enter)"));
        send.setOnAction(e -> submit());
        burst.setId("burst");
        burst.getStyleClass().addAll("flat", "small");
        burst.setTooltip(new Tooltip("Place " + BURST + " orders at once and watch the projectors fall behind"
                + " and catch up  (Ctrl+B)"));
        burst.setOnAction(e -> burst());
        HBox actions = new HBox(8, send, new Region(), burst);
        HBox.setHgrow(actions.getChildren().get(1), Priority.ALWAYS);
        actions.setAlignment(Pos.CENTER_LEFT);

        log = new ResultLog(model);
        log.getStylesheets().add(CommandPane.class.getResource("/io/cqrsflow/ui/command/command.css").toExternalForm());
        log.getStyleClass().add("command-pane");

        formArea.getStyleClass().add("form-area");
        formArea.setAlignment(Pos.TOP_LEFT);
        getChildren().addAll(buttons, formArea, status, actions);
        picker.selectToggle(picker.getToggles().get(1));
    }

    /** Shows the n-th form (0: RegisterCustomer … 4: CancelOrder). */
    public void showForm(int index) {
        if (index >= 0 && index < forms.size()) {
            picker.selectToggle(picker.getToggles().get(index));
            current.firstField().requestFocus();
        }
    }

    private void show(CommandForm form) {
        if (current != null) {
            current.problem().removeListener(statusListener);
            current.hint().removeListener(statusListener);
        }
        current = form;
        formArea.getChildren().setAll(form.view());
        form.problem().addListener(statusListener);
        form.hint().addListener(statusListener);
        showStatus();
    }

    private void showStatus() {
        String problem = current.problem().getValue();
        String hint = current.hint().getValue();
        status.getStyleClass().removeAll("problem", "hint", "ok");
        if (problem != null) {
            status.setText(problem + " — fix it to send.");
            status.getStyleClass().add("problem");
        } else if (hint != null) {
            status.setText(hint);
            status.getStyleClass().add("hint");
        } else {
            status.setText(current.ready());
            status.getStyleClass().add("ok");
        }
        send.setDisable(problem != null);
    }

    /** Sends the shown form's command, if it can be built. */
    public void submit() {
        if (current.problem().getValue() != null) {
            return;
        }
        CommandEnvelope envelope = current.envelope(nextCommandId());
        model.client().submit(envelope);
        current.sent(envelope);
    }

    private void send(Command command) {
        model.client().submit(CommandEnvelope.of(nextCommandId(), command));
    }

    private static String nextCommandId() {
        return "ui-" + COMMAND_IDS.incrementAndGet();
    }

    /** Places {@value #BURST} orders at once, registering a customer first if there is none. */
    public void burst() {
        List<String> customers = new ArrayList<>();
        model.customers().forEach(c -> customers.add(c.id()));
        if (customers.isEmpty()) {
            String id = model.nextCustomerId();
            model.usedId(id);
            send(new RegisterCustomer(id, "Burst Customer"));
            customers.add(id);
        }
        String[] skus = {"BOOK-1", "MUG-7", "PEN-3", "LAMP-2", "TEA-9"};
        for (int i = 0; i < BURST; i++) {
            String orderId = model.nextOrderId();
            model.usedId(orderId);
            OrderLine line = new OrderLine(skus[random.nextInt(skus.length)], 1 + random.nextInt(4),
                    BigDecimal.valueOf(100 + random.nextInt(4000), 2));
            send(new PlaceOrder(orderId, customers.get(random.nextInt(customers.size())), List.of(line)));
        }
    }

    public ResultLog log() {
        return log;
    }
}
