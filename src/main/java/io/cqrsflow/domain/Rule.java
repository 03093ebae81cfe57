package io.cqrsflow.domain;

/** The business rules a command can break. Each rejection names exactly one. */
public enum Rule {
    BLANK_ID,
    CUSTOMER_ID_TAKEN,
    BLANK_NAME,
    ORDER_ID_TAKEN,
    UNKNOWN_CUSTOMER,
    NO_ITEMS,
    BLANK_SKU,
    QUANTITY_BELOW_ONE,
    NEGATIVE_PRICE,
    UNKNOWN_ORDER,
    NOT_PENDING,
    NOT_PAID,
    ALREADY_SHIPPED,
    ALREADY_CANCELLED
}
