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
    ALREADY_CANCELLED,
    // The limits (see Limits): beyond them a value could not be stored and read back exactly.
    TEXT_TOO_LONG,
    TEXT_NOT_PRINTABLE,
    TOO_MANY_ITEMS,
    QUANTITY_TOO_LARGE,
    PRICE_TOO_LARGE,
    PRICE_TOO_PRECISE,
    TOTAL_TOO_LARGE
}
