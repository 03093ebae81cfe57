package io.cqrsflow.domain;

public record CancelOrder(String orderId, String reason) implements Command {
    @Override
    public String streamId() {
        return Streams.order(orderId);
    }
}
