package io.cqrsflow.domain;

public record ShipOrder(String orderId) implements Command {
    @Override
    public String streamId() {
        return Streams.order(orderId);
    }
}
