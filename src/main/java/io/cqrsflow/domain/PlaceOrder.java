package io.cqrsflow.domain;

import java.util.List;

public record PlaceOrder(String orderId, String customerId, List<OrderLine> items) implements Command {
    public PlaceOrder {
        items = items == null ? List.of() : List.copyOf(items);
    }

    @Override
    public String streamId() {
        return Streams.order(orderId);
    }
}
