package io.cqrsflow.domain;

import java.math.BigDecimal;
import java.util.List;

/** An order as the write model knows it, folded from its stream. */
public record OrderState(String orderId, String customerId, List<OrderLine> items, BigDecimal total,
                         OrderStatus status, String cancelReason) {

    public static final OrderState NONE = new OrderState(null, null, List.of(), BigDecimal.ZERO, null, null);

    public boolean exists() {
        return orderId != null;
    }

    public OrderState withStatus(OrderStatus newStatus) {
        return new OrderState(orderId, customerId, items, total, newStatus, cancelReason);
    }

    public OrderState withCancellation(String reason) {
        return new OrderState(orderId, customerId, items, total, OrderStatus.CANCELLED, reason);
    }
}
