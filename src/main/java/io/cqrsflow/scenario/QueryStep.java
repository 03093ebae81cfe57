package io.cqrsflow.scenario;

import io.cqrsflow.read.QuerySource;

import java.util.Objects;

/**
 * Ask a question of the read model or of the write model. {@code orderId} is set only for
 * {@link QueryType#GET_ORDER_BY_ID}, {@code customerId} only for {@link QueryType#GET_ORDERS_FOR_CUSTOMER};
 * otherwise they are null.
 */
public record QueryStep(int number, long atMs, QueryType type, String orderId, String customerId, QuerySource from)
        implements ScenarioStep {

    public QueryStep {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(from, "from");
    }

    @Override
    public String kind() {
        return "query";
    }
}
