package io.cqrsflow.domain;

public record PayOrder(String orderId) implements Command {
    @Override
    public String streamId() {
        return Streams.order(orderId);
    }
}
