package io.cqrsflow.domain;

import java.util.Locale;

/** pending → paid → shipped; pending or paid → cancelled. */
public enum OrderStatus {
    PENDING, PAID, SHIPPED, CANCELLED;

    /** The lower-case word stored in read models and shown to learners ("pending"). */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static OrderStatus fromLabel(String label) {
        return valueOf(label.toUpperCase(Locale.ROOT));
    }
}
