package io.cqrsflow.domain;

import java.math.BigDecimal;
import java.util.List;

public record OrderPlaced(String orderId, String customerId, List<OrderLine> items, BigDecimal total)
        implements Event {
    public OrderPlaced {
        items = List.copyOf(items);
    }
}
