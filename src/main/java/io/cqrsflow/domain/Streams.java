package io.cqrsflow.domain;

/** Stream naming: one stream per customer and one per order. */
public final class Streams {
    private Streams() {
    }

    public static String customer(String customerId) {
        return "customer-" + customerId;
    }

    public static String order(String orderId) {
        return "order-" + orderId;
    }
}
