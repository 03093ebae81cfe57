package io.cqrsflow.testing;

import io.cqrsflow.domain.CancelOrder;
import io.cqrsflow.domain.Command;
import io.cqrsflow.domain.OrderLine;
import io.cqrsflow.domain.PayOrder;
import io.cqrsflow.domain.PlaceOrder;
import io.cqrsflow.domain.RegisterCustomer;
import io.cqrsflow.domain.ShipOrder;

import java.util.ArrayList;
import java.util.List;

/** Simpler versions of a command, for {@link PropertyCheck}: fewer and smaller items, shorter ids and texts. */
public final class SimplerCommands {
    private SimplerCommands() {
    }

    public static List<Command> of(Command command) {
        List<Command> out = new ArrayList<>();
        if (command instanceof RegisterCustomer c) {
            Shrink.shorter(c.customerId()).forEach(id -> out.add(new RegisterCustomer(id, c.name())));
            Shrink.shorter(c.name()).forEach(name -> out.add(new RegisterCustomer(c.customerId(), name)));
        } else if (command instanceof PlaceOrder c) {
            Shrink.list(c.items(), SimplerCommands::line)
                    .forEach(items -> out.add(new PlaceOrder(c.orderId(), c.customerId(), items)));
            Shrink.shorter(c.orderId()).forEach(id -> out.add(new PlaceOrder(id, c.customerId(), c.items())));
            Shrink.shorter(c.customerId()).forEach(id -> out.add(new PlaceOrder(c.orderId(), id, c.items())));
        } else if (command instanceof PayOrder c) {
            Shrink.shorter(c.orderId()).forEach(id -> out.add(new PayOrder(id)));
        } else if (command instanceof ShipOrder c) {
            Shrink.shorter(c.orderId()).forEach(id -> out.add(new ShipOrder(id)));
        } else if (command instanceof CancelOrder c) {
            Shrink.shorter(c.orderId()).forEach(id -> out.add(new CancelOrder(id, c.reason())));
            Shrink.shorter(c.reason()).forEach(reason -> out.add(new CancelOrder(c.orderId(), reason)));
        }
        return out;
    }

    /** Quantity toward 1 (or toward 0 when already below 1), price toward 0, a shorter sku. */
    public static List<OrderLine> line(OrderLine line) {
        List<OrderLine> out = new ArrayList<>();
        Shrink.toward(line.quantity(), line.quantity() >= 1 ? 1 : 0)
                .forEach(q -> out.add(new OrderLine(line.sku(), q, line.unitPrice())));
        Shrink.decimal(line.unitPrice()).forEach(p -> out.add(new OrderLine(line.sku(), line.quantity(), p)));
        Shrink.shorter(line.sku()).forEach(sku -> out.add(new OrderLine(sku, line.quantity(), line.unitPrice())));
        return out;
    }
}
