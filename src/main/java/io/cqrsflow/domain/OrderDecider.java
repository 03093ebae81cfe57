package io.cqrsflow.domain;

import java.math.BigDecimal;
import java.util.List;

/**
 * The order aggregate as a pure decider. {@code PlaceOrder} also needs its customer's state, taken
 * from the customer's own stream (the write model), never from a read model that may be stale.
 */
public final class OrderDecider {
    private OrderDecider() {
    }

    public static OrderState initialState() {
        return OrderState.NONE;
    }

    /**
     * @param customer the state of the customer a {@code PlaceOrder} names; ignored by other commands
     */
    public static Decision decide(Command command, OrderState order, CustomerState customer) {
        if (command instanceof PlaceOrder place) {
            return place(place, order, customer);
        }
        if (command instanceof PayOrder pay) {
            return pay(pay, order);
        }
        if (command instanceof ShipOrder ship) {
            return ship(ship, order);
        }
        if (command instanceof CancelOrder cancel) {
            return cancel(cancel, order);
        }
        throw new IllegalArgumentException("not an order command: " + command);
    }

    private static Decision place(PlaceOrder command, OrderState order, CustomerState customer) {
        String id = command.orderId();
        if (CustomerDecider.isBlank(id)) {
            return Decision.reject(Rule.BLANK_ID, "cannot place an order without an order id");
        }
        String prefix = "cannot place order " + id + ": ";
        if (order.exists()) {
            return Decision.reject(Rule.ORDER_ID_TAKEN, prefix + "the order id is already taken");
        }
        if (customer == null || !customer.registered()) {
            return Decision.reject(Rule.UNKNOWN_CUSTOMER,
                    prefix + (CustomerDecider.isBlank(command.customerId()) ? "no customer was given"
                            : "customer " + command.customerId() + " is not registered"));
        }
        if (command.items().isEmpty()) {
            return Decision.reject(Rule.NO_ITEMS, prefix + "it has no items");
        }
        BigDecimal total = BigDecimal.ZERO;
        for (OrderLine line : command.items()) {
            if (CustomerDecider.isBlank(line.sku())) {
                return Decision.reject(Rule.BLANK_SKU, prefix + "an item has no SKU");
            }
            if (line.quantity() < 1) {
                return Decision.reject(Rule.QUANTITY_BELOW_ONE, prefix + "item " + line.sku()
                        + " has quantity " + line.quantity() + "; it must be at least 1");
            }
            if (line.unitPrice() == null || line.unitPrice().signum() < 0) {
                return Decision.reject(Rule.NEGATIVE_PRICE, prefix + "item " + line.sku()
                        + " has a negative unit price (" + line.unitPrice() + ")");
            }
            total = total.add(line.lineTotal());
        }
        return Decision.accept(new OrderPlaced(id, command.customerId(), command.items(), total));
    }

    private static Decision pay(PayOrder command, OrderState order) {
        String prefix = "cannot pay order " + command.orderId() + ": ";
        if (!order.exists()) {
            return Decision.reject(Rule.UNKNOWN_ORDER, prefix + "there is no such order");
        }
        if (order.status() != OrderStatus.PENDING) {
            return Decision.reject(Rule.NOT_PENDING, prefix + "it is " + order.status().label() + ", not pending");
        }
        return Decision.accept(new OrderPaid(command.orderId()));
    }

    private static Decision ship(ShipOrder command, OrderState order) {
        String prefix = "cannot ship order " + command.orderId() + ": ";
        if (!order.exists()) {
            return Decision.reject(Rule.UNKNOWN_ORDER, prefix + "there is no such order");
        }
        if (order.status() != OrderStatus.PAID) {
            return Decision.reject(Rule.NOT_PAID, prefix + "it is " + order.status().label() + ", not paid");
        }
        return Decision.accept(new OrderShipped(command.orderId()));
    }

    private static Decision cancel(CancelOrder command, OrderState order) {
        String prefix = "cannot cancel order " + command.orderId() + ": ";
        if (!order.exists()) {
            return Decision.reject(Rule.UNKNOWN_ORDER, prefix + "there is no such order");
        }
        if (order.status() == OrderStatus.SHIPPED) {
            return Decision.reject(Rule.ALREADY_SHIPPED, prefix + "it has already shipped");
        }
        if (order.status() == OrderStatus.CANCELLED) {
            return Decision.reject(Rule.ALREADY_CANCELLED, prefix + "it is already cancelled");
        }
        String reason = command.reason() == null ? "" : command.reason().strip();
        return Decision.accept(new OrderCancelled(command.orderId(), reason));
    }

    public static OrderState evolve(OrderState state, Event event) {
        if (event instanceof OrderPlaced placed) {
            return new OrderState(placed.orderId(), placed.customerId(), placed.items(), placed.total(),
                    OrderStatus.PENDING, null);
        }
        if (event instanceof OrderPaid) {
            return state.withStatus(OrderStatus.PAID);
        }
        if (event instanceof OrderShipped) {
            return state.withStatus(OrderStatus.SHIPPED);
        }
        if (event instanceof OrderCancelled cancelled) {
            return state.withCancellation(cancelled.reason());
        }
        return state;
    }

    public static OrderState fold(List<? extends Event> history) {
        OrderState state = initialState();
        for (Event event : history) {
            state = evolve(state, event);
        }
        return state;
    }
}
