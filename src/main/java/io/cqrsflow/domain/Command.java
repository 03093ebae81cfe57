package io.cqrsflow.domain;

/**
 * Something a user asks the system to do. Imperative names; each command targets one stream,
 * the one its accepted events are appended to.
 */
public sealed interface Command
        permits RegisterCustomer, PlaceOrder, PayOrder, ShipOrder, CancelOrder {

    /** The stream this command's events are appended to ("customer-c-1", "order-o-1"). */
    String streamId();

    /** The name used in scenario files, traces and the UI ("PlaceOrder"). */
    default String type() {
        return getClass().getSimpleName();
    }
}
