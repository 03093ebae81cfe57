package io.cqrsflow.domain;

public record OrderShipped(String orderId) implements Event {
}
