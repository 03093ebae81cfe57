package io.cqrsflow.read;

/** A query, the side it was asked of, and the answer that side gave at that moment. */
public record QueryAnswer<R>(Query<R> query, QuerySource from, R value) {
}
