package io.cqrsflow.read.salesbycustomer;

import io.cqrsflow.domain.OrderStatus;
import io.cqrsflow.read.CustomerSales;
import io.cqrsflow.read.OrderDetails;
import io.cqrsflow.read.StaleRow;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Sales by customer against the truth folded from the write model's orders. */
public final class SalesByCustomerStaleness {
    private static final BigDecimal NO_REVENUE = new BigDecimal("0.00");

    private SalesByCustomerStaleness() {
    }

    /**
     * The rows that differ from the truth, by customer id. Only customers on either side are compared: a
     * customer the read model shows with no orders, and the write model has no orders for, matches; one
     * with orders that the read model does not show is a missing row.
     */
    public static Map<String, StaleRow<CustomerSales>> of(List<CustomerSales> shown, Map<String, OrderDetails> truth) {
        Map<String, CustomerSales> truthByCustomer = salesByCustomer(truth);
        Map<String, StaleRow<CustomerSales>> stale = new LinkedHashMap<>();
        Map<String, CustomerSales> byId = new HashMap<>();
        for (CustomerSales row : shown) {
            byId.put(row.customerId(), row);
            CustomerSales t = truthByCustomer.getOrDefault(row.customerId(), noSales(row));
            String diff = differences(row, t);
            if (diff != null) {
                stale.put(row.customerId(), new StaleRow<>(row.customerId(), row, t, diff));
            }
        }
        for (CustomerSales t : truthByCustomer.values()) {
            if (!byId.containsKey(t.customerId())) {
                stale.put(t.customerId(), new StaleRow<>(t.customerId(), null, t, differences(null, t)));
            }
        }
        return stale;
    }

    /**
     * The write model's sales per customer, folded from its orders: customers with no orders are not
     * in it (the orders are all the write model has to say about sales).
     */
    public static Map<String, CustomerSales> salesByCustomer(Map<String, OrderDetails> truth) {
        Map<String, CustomerSales> sales = new LinkedHashMap<>();
        for (OrderDetails o : truth.values()) {
            CustomerSales before = sales.getOrDefault(o.customerId(),
                    new CustomerSales(o.customerId(), o.customerName(), 0, NO_REVENUE, 0));
            boolean cancelled = o.status() == OrderStatus.CANCELLED;
            sales.put(o.customerId(), new CustomerSales(o.customerId(), before.customerName(), before.orders() + 1,
                    cancelled ? before.revenue() : before.revenue().add(o.total()),
                    before.cancelled() + (cancelled ? 1 : 0)));
        }
        return sales;
    }

    private static CustomerSales noSales(CustomerSales shown) {
        return new CustomerSales(shown.customerId(), shown.customerName(), 0, NO_REVENUE, 0);
    }

    /** Null when the row shows the truth, else what differs. */
    public static String differences(CustomerSales shown, CustomerSales truth) {
        if (shown == null) {
            return "not in the read model yet; the truth is " + truth.orders() + (truth.orders() == 1 ? " order" : " orders")
                    + ", revenue " + truth.revenue() + ", " + truth.cancelled() + " cancelled";
        }
        List<String> d = new ArrayList<>();
        if (shown.orders() != truth.orders()) {
            d.add("orders: shows " + shown.orders() + ", truth is " + truth.orders());
        }
        if (shown.revenue().compareTo(truth.revenue()) != 0) {
            d.add("revenue: shows " + shown.revenue() + ", truth is " + truth.revenue());
        }
        if (shown.cancelled() != truth.cancelled()) {
            d.add("cancelled: shows " + shown.cancelled() + ", truth is " + truth.cancelled());
        }
        return d.isEmpty() ? null : String.join("; ", d);
    }
}
