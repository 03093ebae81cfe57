package io.cqrsflow.read.ordersperstatus;

import io.cqrsflow.domain.OrderStatus;

/** One row of orders per status: how many orders are in that status now. */
public record OrdersWithStatus(OrderStatus status, int orders) {
}
