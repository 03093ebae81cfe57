package io.cqrsflow.read;

import io.cqrsflow.domain.OrderStatus;

import java.math.BigDecimal;
import java.time.Instant;

/** One row of the order list, as either side answers it. */
public record OrderSummary(String orderId, String customerId, String customerName, BigDecimal total,
                           OrderStatus status, Instant placedAt, int itemCount) {
}
