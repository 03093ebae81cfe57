package io.cqrsflow.domain;

/**
 * Something that happened. Past-tense names. Events carry no timestamps of their own: the event
 * store records when each was appended, so deciding stays free of clocks.
 */
public sealed interface Event
        permits CustomerRegistered, OrderPlaced, OrderPaid, OrderShipped, OrderCancelled {

    /** The type name stored in events.db ("OrderPlaced"). */
    default String type() {
        return getClass().getSimpleName();
    }
}
