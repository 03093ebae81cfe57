package io.cqrsflow.read;

/**
 * A read-model row that differs from the write model's truth.
 *
 * @param key        the row's key: an order id, or a customer id for sales by customer
 * @param shown      what the read model shows (null: the row is missing)
 * @param truth      what the write model says (null: the row should not be there)
 * @param difference one sentence a learner can read ("status: shows pending, truth is cancelled")
 */
public record StaleRow<T>(String key, T shown, T truth, String difference) {
}
