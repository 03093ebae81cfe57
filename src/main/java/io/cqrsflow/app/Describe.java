package io.cqrsflow.app;

import io.cqrsflow.domain.CancelOrder;
import io.cqrsflow.domain.Command;
import io.cqrsflow.domain.OrderLine;
import io.cqrsflow.domain.PayOrder;
import io.cqrsflow.domain.PlaceOrder;
import io.cqrsflow.domain.RegisterCustomer;
import io.cqrsflow.domain.ShipOrder;

import java.util.ArrayList;
import java.util.List;

/** Short human descriptions of commands for the readable trace. */
final class Describe {
    private Describe() {
    }

    static String command(Command command) {
        if (command instanceof RegisterCustomer c) {
            return "RegisterCustomer " + c.customerId() + " \"" + c.name() + "\"";
        }
        if (command instanceof PlaceOrder c) {
            List<String> lines = new ArrayList<>();
            for (OrderLine l : c.items()) {
                lines.add(l.quantity() + " x " + l.sku() + " @ " + l.unitPrice());
            }
            return "PlaceOrder " + c.orderId() + " for " + c.customerId() + " (" + String.join(", ", lines) + ")";
        }
        if (command instanceof PayOrder c) {
            return "PayOrder " + c.orderId();
        }
        if (command instanceof ShipOrder c) {
            return "ShipOrder " + c.orderId();
        }
        if (command instanceof CancelOrder c) {
            return "CancelOrder " + c.orderId() + " \"" + c.reason() + "\"";
        }
        return command.toString();
    }
}
