package io.cqrsflow.read;

import io.cqrsflow.read.orderdetail.OrderDetailModule;
import io.cqrsflow.read.orderlist.OrderListModule;

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

    /** The read model that answers it when asked of the read side. */
    String readModel();

    /** "GetOrderById(o-1)", as a learner would write it. */
    String describe();

    /** Reads {@code order_detail}. */
    record GetOrderById(String orderId) implements Query<Optional<OrderDetails>> {
        public static final String WIRE_NAME = "GetOrderById";

        @Override
        public String wireName() {
            return WIRE_NAME;
        }

        @Override
        public String readModel() {
            return OrderDetailModule.NAME;
        }

        @Override
        public String describe() {
            return WIRE_NAME + "(" + orderId + ")";
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
        public String readModel() {
            return OrderListModule.NAME;
        }

        @Override
        public String describe() {
            return WIRE_NAME + "(" + customerId + ")";
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
        public String readModel() {
            return OrderListModule.NAME;
        }

        @Override
        public String describe() {
            return WIRE_NAME + "()";
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
