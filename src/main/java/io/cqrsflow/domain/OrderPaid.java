package io.cqrsflow.domain;

public record OrderPaid(String orderId) implements Event {
}
