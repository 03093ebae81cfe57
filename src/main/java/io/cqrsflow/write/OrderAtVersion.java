package io.cqrsflow.write;

import io.cqrsflow.domain.OrderState;

/**
 * An order as the write model knows it now, with the version of its stream: what a clerk sees before
 * deciding, and what a command that carries {@code expectedVersion} is checked against.
 *
 * @param version the stream's version (0: no such order)
 */
public record OrderAtVersion(String orderId, long version, OrderState state) {
}
