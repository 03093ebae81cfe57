package io.cqrsflow.domain;

public record RegisterCustomer(String customerId, String name) implements Command {
    @Override
    public String streamId() {
        return Streams.customer(customerId);
    }
}
