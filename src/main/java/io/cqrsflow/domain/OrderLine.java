package io.cqrsflow.domain;

import java.math.BigDecimal;

/** One line of an order: how many of which article at what unit price. Money is an exact decimal. */
public record OrderLine(String sku, int quantity, BigDecimal unitPrice) {

    public BigDecimal lineTotal() {
        return unitPrice.multiply(BigDecimal.valueOf(quantity));
    }
}
