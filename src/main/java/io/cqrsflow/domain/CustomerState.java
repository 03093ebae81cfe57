package io.cqrsflow.domain;

/** A customer as the write model knows it: registered or not, and under which name. */
public record CustomerState(String customerId, String name) {

    public static final CustomerState UNREGISTERED = new CustomerState(null, null);

    public boolean registered() {
        return customerId != null;
    }
}
