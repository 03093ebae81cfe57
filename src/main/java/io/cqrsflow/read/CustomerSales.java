package io.cqrsflow.read;

import java.math.BigDecimal;

/** One row of sales by customer: how many orders, the revenue of those not cancelled, how many were cancelled. */
public record CustomerSales(String customerId, String customerName, int orders, BigDecimal revenue, int cancelled) {
}
