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
        } else if (event instanceof OrderPaid e) {
            orders.computeIfPresent(e.orderId(), (id, o) -> new OrderDetails(id, o.customerId(), o.customerName(),
                    o.items(), o.total(), OrderStatus.PAID, o.placedAt(), at, null, null, null));
        } else if (event instanceof OrderShipped e) {
            orders.computeIfPresent(e.orderId(), (id, o) -> new OrderDetails(id, o.customerId(), o.customerName(),
                    o.items(), o.total(), OrderStatus.SHIPPED, o.placedAt(), o.paidAt(), at, null, null));
        } else if (event instanceof OrderCancelled e) {
            orders.computeIfPresent(e.orderId(), (id, o) -> new OrderDetails(id, o.customerId(), o.customerName(),
                    o.items(), o.total(), OrderStatus.CANCELLED, o.placedAt(), o.paidAt(), null, at, e.reason()));
        }
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
