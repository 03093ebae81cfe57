package io.cqrsflow.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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
        String prefix = "cannot place order " + PlainText.shown(id) + ": ";
        Optional<Decision> badId = CustomerDecider.beyondLimits(id, prefix + "the order id ");
        if (badId.isPresent()) {
            return badId.get();
        }
        if (order.exists()) {
            return Decision.reject(Rule.ORDER_ID_TAKEN, prefix + "the order id is already taken");
        }
        Optional<Decision> badCustomer = CustomerDecider.beyondLimits(command.customerId(), prefix + "the customer id ");
        if (badCustomer.isPresent()) {
            return badCustomer.get();
        }
        if (customer == null || !customer.registered()) {
            return Decision.reject(Rule.UNKNOWN_CUSTOMER,
                    prefix + (CustomerDecider.isBlank(command.customerId()) ? "no customer was given"
                            : "customer " + command.customerId() + " is not registered"));
        }
        if (command.items().isEmpty()) {
            return Decision.reject(Rule.NO_ITEMS, prefix + "it has no items");
        }
        if (command.items().size() > Limits.MAX_ITEMS) {
            return Decision.reject(Rule.TOO_MANY_ITEMS, prefix + "it has " + command.items().size()
                    + " items; an order holds at most " + Limits.MAX_ITEMS);
        }
        List<OrderLine> lines = new ArrayList<>(command.items().size());
        BigDecimal total = BigDecimal.ZERO;
        for (OrderLine line : command.items()) {
            Optional<Decision> badLine = lineProblem(line, prefix);
            if (badLine.isPresent()) {
                return badLine.get();
            }
            // Stored plain: a price written 1.5E+3 is kept as "1500", one notation in both stores.
            OrderLine plain = new OrderLine(line.sku(), line.quantity(), Limits.plain(line.unitPrice()));
            lines.add(plain);
            total = total.add(plain.lineTotal());
        }
        if (!Limits.fitsMoney(total)) {
            return Decision.reject(Rule.TOTAL_TOO_LARGE, prefix + "its total " + total.toPlainString()
                    + " is above the largest amount, " + Limits.MAX_MONEY.toPlainString());
        }
        return Decision.accept(new OrderPlaced(id, command.customerId(), lines, total));
    }

    /** The first rule one order line breaks. Checked before any arithmetic, which a huge value would stall. */
    private static Optional<Decision> lineProblem(OrderLine line, String prefix) {
        if (CustomerDecider.isBlank(line.sku())) {
            return Optional.of(Decision.reject(Rule.BLANK_SKU, prefix + "an item has no SKU"));
        }
        Optional<Decision> badSku = CustomerDecider.beyondLimits(line.sku(), prefix + "the SKU ");
        if (badSku.isPresent()) {
            return badSku;
        }
        String item = prefix + "item " + line.sku();
        if (line.quantity() < 1) {
            return Optional.of(Decision.reject(Rule.QUANTITY_BELOW_ONE, item
                    + " has quantity " + line.quantity() + "; it must be at least 1"));
        }
        if (line.quantity() > Limits.MAX_QUANTITY) {
            return Optional.of(Decision.reject(Rule.QUANTITY_TOO_LARGE, item
                    + " has quantity " + line.quantity() + "; it can be at most " + Limits.MAX_QUANTITY));
        }
        BigDecimal price = line.unitPrice();
        if (price == null || price.signum() < 0) {
            return Optional.of(Decision.reject(Rule.NEGATIVE_PRICE, item
                    + " has a negative unit price (" + price + ")"));
        }
        if (Limits.integerDigits(price) > Limits.MONEY_INTEGER_DIGITS) {
            return Optional.of(Decision.reject(Rule.PRICE_TOO_LARGE, item + " has a unit price with "
                    + Limits.integerDigits(price) + " digits before the point; the largest price is "
                    + Limits.MAX_MONEY.toPlainString()));
        }
        if (price.scale() > Limits.MONEY_FRACTION_DIGITS) {
            return Optional.of(Decision.reject(Rule.PRICE_TOO_PRECISE, item + " has a unit price with "
                    + price.scale() + " digits after the point; money has at most " + Limits.MONEY_FRACTION_DIGITS));
        }
        return Optional.empty();
    }

    private static Decision pay(PayOrder command, OrderState order) {
        String prefix = "cannot pay order " + PlainText.shown(command.orderId()) + ": ";
        Optional<Decision> badId = CustomerDecider.beyondLimits(command.orderId(), prefix + "the order id ");
        if (badId.isPresent()) {
            return badId.get();
        }
        if (!order.exists()) {
            return Decision.reject(Rule.UNKNOWN_ORDER, prefix + "there is no such order");
        }
        if (order.status() != OrderStatus.PENDING) {
            return Decision.reject(Rule.NOT_PENDING, prefix + "it is " + order.status().label() + ", not pending");
        }
        return Decision.accept(new OrderPaid(command.orderId()));
    }

    private static Decision ship(ShipOrder command, OrderState order) {
        String prefix = "cannot ship order " + PlainText.shown(command.orderId()) + ": ";
        Optional<Decision> badId = CustomerDecider.beyondLimits(command.orderId(), prefix + "the order id ");
        if (badId.isPresent()) {
            return badId.get();
        }
        if (!order.exists()) {
            return Decision.reject(Rule.UNKNOWN_ORDER, prefix + "there is no such order");
        }
        if (order.status() != OrderStatus.PAID) {
            return Decision.reject(Rule.NOT_PAID, prefix + "it is " + order.status().label() + ", not paid");
        }
        return Decision.accept(new OrderShipped(command.orderId()));
    }

    private static Decision cancel(CancelOrder command, OrderState order) {
        String prefix = "cannot cancel order " + PlainText.shown(command.orderId()) + ": ";
        Optional<Decision> badId = CustomerDecider.beyondLimits(command.orderId(), prefix + "the order id ");
        if (badId.isPresent()) {
            return badId.get();
        }
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
        Optional<Decision> badReason = CustomerDecider.beyondLimits(reason, prefix + "the reason "); // as stored
        if (badReason.isPresent()) {
            return badReason.get();
        }
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
