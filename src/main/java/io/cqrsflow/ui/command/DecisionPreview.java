package io.cqrsflow.ui.command;

import io.cqrsflow.domain.CancelOrder;
import io.cqrsflow.domain.Command;
import io.cqrsflow.domain.CustomerDecider;
import io.cqrsflow.domain.CustomerState;
import io.cqrsflow.domain.Decision;
import io.cqrsflow.domain.OrderDecider;
import io.cqrsflow.domain.OrderState;
import io.cqrsflow.domain.PayOrder;
import io.cqrsflow.domain.PlaceOrder;
import io.cqrsflow.domain.RegisterCustomer;
import io.cqrsflow.domain.ShipOrder;
import io.cqrsflow.read.OrderSummary;
import io.cqrsflow.ui.FlowModel;

import java.util.List;
import java.util.Optional;

/**
 * What the command handler will say about a command, worked out by the same pure deciders the handler
 * uses — so a form's warning never restates a rule. It decides on what the window knows (the write
 * model's orders and customers, as of the last frame); the handler decides again on the streams
 * themselves, which is why a form still lets a rule-breaking command through: to watch it be rejected.
 */
final class DecisionPreview {
    private DecisionPreview() {
    }

    /** The rejection the handler would give, as "message (RULE)", or empty when it would accept. */
    static Optional<String> rejection(Command command, FlowModel model) {
        Decision decision;
        if (command instanceof RegisterCustomer register) {
            decision = CustomerDecider.decide(register, customer(register.customerId(), model));
        } else {
            String customerId = command instanceof PlaceOrder place ? place.customerId() : null;
            decision = OrderDecider.decide(command, order(orderIdOf(command), model),
                    customerId == null ? null : customer(customerId, model));
        }
        if (decision instanceof Decision.Rejected rejected) {
            return Optional.of(rejected.message() + " (" + rejected.rule() + ")");
        }
        return Optional.empty();
    }

    /** True when the handler would accept the command, as far as the window knows. */
    static boolean accepted(Command command, FlowModel model) {
        return rejection(command, model).isEmpty();
    }

    private static CustomerState customer(String id, FlowModel model) {
        FlowModel.Customer c = model.customer(id);
        return c == null ? CustomerState.UNREGISTERED : new CustomerState(c.id(), c.name());
    }

    /** The order's state as far as deciding needs it: whether it exists and its status. */
    private static OrderState order(String id, FlowModel model) {
        if (id == null) {
            return OrderState.NONE;
        }
        OrderSummary s = model.order(id);
        return s == null ? OrderState.NONE : new OrderState(s.orderId(), null, List.of(), s.total(), s.status(), null);
    }

    private static String orderIdOf(Command command) {
        if (command instanceof PlaceOrder c) {
            return c.orderId();
        }
        if (command instanceof PayOrder c) {
            return c.orderId();
        }
        if (command instanceof ShipOrder c) {
            return c.orderId();
        }
        return command instanceof CancelOrder c ? c.orderId() : null;
    }
}
