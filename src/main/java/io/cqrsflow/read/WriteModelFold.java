package io.cqrsflow.read;

import io.cqrsflow.domain.CustomerRegistered;
import io.cqrsflow.domain.Event;
import io.cqrsflow.domain.OrderCancelled;
import io.cqrsflow.domain.OrderPaid;
import io.cqrsflow.domain.OrderPlaced;
import io.cqrsflow.domain.OrderShipped;
import io.cqrsflow.domain.OrderStatus;
import io.cqrsflow.eventstore.RecordedEvent;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Folds events straight from the log into the answers a query wants — the write model's truth, with
 * no projector and no delay in between. Not thread-safe; owners synchronize.
 */
final class WriteModelFold {
    private final Map<String, String> customerNames = new HashMap<>();
    private final Map<String, OrderDetails> orders = new LinkedHashMap<>();
    private long position;

    void apply(RecordedEvent recorded) {
        Event event = recorded.event();
        Instant at = recorded.recordedAt();
        position = Math.max(position, recorded.position());
        if (event instanceof CustomerRegistered e) {
            customerNames.put(e.customerId(), e.name());
        } else if (event instanceof OrderPlaced e) {
            orders.put(e.orderId(), new OrderDetails(e.orderId(), e.customerId(),
                    customerNames.getOrDefault(e.customerId(), "?"), e.items(), e.total(), OrderStatus.PENDING, at,
                    null, null, null, null));
        } else {
            String orderId = orderOf(event);
            if (orderId != null) {
                orders.computeIfPresent(orderId, (id, o) -> evolve(o, event, at));
            }
        }
    }

    /** The order a payment, shipment or cancellation is about; null for any other event. */
    static String orderOf(Event event) {
        if (event instanceof OrderPaid e) {
            return e.orderId();
        } else if (event instanceof OrderShipped e) {
            return e.orderId();
        } else if (event instanceof OrderCancelled e) {
            return e.orderId();
        }
        return null;
    }

    /** An order after a payment, shipment or cancellation recorded {@code at} (any other event leaves it). */
    static OrderDetails evolve(OrderDetails o, Event event, Instant at) {
        String id = o.orderId();
        if (event instanceof OrderPaid) {
            return new OrderDetails(id, o.customerId(), o.customerName(),
                    o.items(), o.total(), OrderStatus.PAID, o.placedAt(), at, null, null, null);
        } else if (event instanceof OrderShipped) {
            return new OrderDetails(id, o.customerId(), o.customerName(),
                    o.items(), o.total(), OrderStatus.SHIPPED, o.placedAt(), o.paidAt(), at, null, null);
        } else if (event instanceof OrderCancelled e) {
            return new OrderDetails(id, o.customerId(), o.customerName(),
                    o.items(), o.total(), OrderStatus.CANCELLED, o.placedAt(), o.paidAt(), null, at, e.reason());
        }
        return o;
    }

    long position() {
        return position;
    }

    OrderDetails order(String orderId) {
        return orders.get(orderId);
    }

    Map<String, OrderDetails> orders() {
        return orders;
    }
}
