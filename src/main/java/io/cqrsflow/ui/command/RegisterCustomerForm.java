package io.cqrsflow.ui.command;

import io.cqrsflow.domain.Command;
import io.cqrsflow.domain.RegisterCustomer;
import io.cqrsflow.ui.FlowModel;
import io.cqrsflow.write.CommandEnvelope;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;

import java.util.List;

/** RegisterCustomer(customerId, name). */
final class RegisterCustomerForm implements CommandForm {
    private static final List<String> NAMES = List.of("Ada Lovelace", "Grace Hopper", "Alan Turing",
            "Barbara Liskov", "Edsger Dijkstra", "Margaret Hamilton", "Donald Knuth", "Frances Allen",
            "Tony Hoare", "Radia Perlman", "Ken Thompson", "Katherine Johnson");

    private final FlowModel model;
    private final TextField id = new TextField();
    private final TextField name = new TextField();
    private final GridPane view = Forms.grid();
    private final ObservableValue<String> problem;
    private final ObservableValue<String> hint;

    RegisterCustomerForm(FlowModel model) {
        this.model = model;
        id.setId("register-customer-id");
        name.setId("register-customer-name");
        Forms.row(view, 0, "Customer id", id, "The customer's id; its events go to the stream customer-<id>");
        Forms.row(view, 1, "Name", name, "The customer's name, shown in the read models");
        problem = Bindings.createStringBinding(() -> null);
        hint = Bindings.createStringBinding(() -> DecisionPreview.rejection(command(), model)
                .map(r -> r + ": the handler will reject it.").orElse(null), id.textProperty(), name.textProperty(), model.customers());
        model.customers().addListener((javafx.collections.ListChangeListener<FlowModel.Customer>) c -> {
            if (!id.isFocused() && model.customers().stream().anyMatch(k -> k.id().equals(id.getText().strip()))) {
                reset();
            }
        });
        reset();
    }

    private void reset() {
        id.setText(model.nextCustomerId());
        name.setText(NAMES.get(model.customers().size() % NAMES.size()));
    }

    @Override
    public String type() {
        return "RegisterCustomer";
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
        return new RegisterCustomer(id.getText().strip(), name.getText().strip());
    }

    @Override
    public void sent(CommandEnvelope envelope) {
        model.usedId(((RegisterCustomer) envelope.command()).customerId());
        id.setText(model.nextCustomerId());
        name.setText(NAMES.get((model.customers().size() + 1) % NAMES.size()));
    }

    @Override
    public Node firstField() {
        return name;
    }
}
