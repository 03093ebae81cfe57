package io.cqrsflow.scenario;

import java.util.Optional;

/** The questions a scenario can ask, with the names scenario files use for them. */
public enum QueryType {
    /** Reads {@code order_detail}; needs an order id. */
    GET_ORDER_BY_ID("GetOrderById"),
    /** Reads {@code order_list}; needs a customer id. */
    GET_ORDERS_FOR_CUSTOMER("GetOrdersForCustomer"),
    /** Reads {@code order_list}; needs nothing. */
    LIST_ORDERS("ListOrders");

    private final String wireName;

    QueryType(String wireName) {
        this.wireName = wireName;
    }

    /** The name in scenario files and traces ("GetOrderById"). */
    public String wireName() {
        return wireName;
    }

    public static Optional<QueryType> fromWireName(String name) {
        for (QueryType type : values()) {
            if (type.wireName.equals(name)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
