package io.cqrsflow.domain;

public record OrderCancelled(String orderId, String reason) implements Event {
}
