package io.cqrsflow.read;


import java.util.List;
import java.util.Optional;

/**
 * A question asked of the read side or of the write model. A query has no side effects and always
 * answers — from a read model perhaps with old data. The same messages are asked by the window, the
 * scenario player and the trace; {@link OrderQueries#answer} decides which table answers each one.
 *
 * @param <R> the type of its answer
 */
public sealed interface Query<R> permits Query.GetOrderById, Query.GetOrdersForCustomer, Query.ListOrders {

    /** The name scenario files and traces use ("GetOrderById"). */
    String wireName();

    /** Its one parameter (an order or customer id), or null for a query that takes none. */
    String parameter();

    /** "GetOrderById(o-1)", as a learner would write it. */
    default String describe() {
        return wireName() + "(" + (parameter() == null ? "" : parameter()) + ")";
    }

    /** Reads {@code order_detail}. */
    record GetOrderById(String orderId) implements Query<Optional<OrderDetails>> {
        public static final String WIRE_NAME = "GetOrderById";

        @Override
        public String wireName() {
            return WIRE_NAME;
        }

        @Override
        public String parameter() {
            return orderId;
        }
    }

    /** Reads {@code order_list}. */
    record GetOrdersForCustomer(String customerId) implements Query<List<OrderSummary>> {
        public static final String WIRE_NAME = "GetOrdersForCustomer";

        @Override
        public String wireName() {
            return WIRE_NAME;
        }

        @Override
        public String parameter() {
            return customerId;
        }
    }

    /** Reads {@code order_list}. */
    record ListOrders() implements Query<List<OrderSummary>> {
        public static final String WIRE_NAME = "ListOrders";

        @Override
        public String wireName() {
            return WIRE_NAME;
        }

        @Override
        public String parameter() {
            return null;
        }
    }

    /** Every wire name, in the order a learner meets them. */
    List<String> WIRE_NAMES = List.of(GetOrderById.WIRE_NAME, GetOrdersForCustomer.WIRE_NAME, ListOrders.WIRE_NAME);

    /**
     * The query a wire name and its one parameter stand for (the parameter is ignored by
     * {@code ListOrders}); empty for an unknown name.
     */
    static Optional<Query<?>> of(String wireName, String parameter) {
        if (GetOrderById.WIRE_NAME.equals(wireName)) {
            return Optional.of(new GetOrderById(parameter));
        }
        if (GetOrdersForCustomer.WIRE_NAME.equals(wireName)) {
            return Optional.of(new GetOrdersForCustomer(parameter));
        }
        if (ListOrders.WIRE_NAME.equals(wireName)) {
            return Optional.of(new ListOrders());
        }
        return Optional.empty();
    }
}
