package io.cqrsflow.domain;

public record CustomerRegistered(String customerId, String name) implements Event {
}
