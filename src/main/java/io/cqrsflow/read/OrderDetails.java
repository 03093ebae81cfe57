package io.cqrsflow.read;

import io.cqrsflow.domain.OrderLine;
import io.cqrsflow.domain.OrderStatus;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** Everything about one order, as either side answers it. */
public record OrderDetails(String orderId, String customerId, String customerName, List<OrderLine> items,
                           BigDecimal total, OrderStatus status, Instant placedAt, Instant paidAt,
                           Instant shippedAt, Instant cancelledAt, String cancelReason) {

    public OrderDetails {
        items = List.copyOf(items);
    }

    public int itemCount() {
        return items.stream().mapToInt(OrderLine::quantity).sum();
    }

    public OrderSummary summary() {
        return new OrderSummary(orderId, customerId, customerName, total, status, placedAt, itemCount());
    }
}
