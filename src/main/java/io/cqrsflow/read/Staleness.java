package io.cqrsflow.read;

import io.cqrsflow.domain.OrderStatus;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Compares read-model rows with the write model's truth, row by row. */
public final class Staleness {
    static final String NO_SUCH_ORDER = "the write model has no such order";
    private static final BigDecimal NO_REVENUE = new BigDecimal("0.00");

    private Staleness() {
    }

    /** The order-list rows that differ from the truth, by order id (missing rows and rows of no order included). */
    public static Map<String, StaleRow<OrderSummary>> ofList(List<OrderSummary> shown, Map<String, OrderDetails> truth) {
        Map<String, OrderSummary> byId = new HashMap<>();
        for (OrderSummary row : shown) {
            byId.put(row.orderId(), row);
        }
        Map<String, StaleRow<OrderSummary>> stale = new LinkedHashMap<>();
        for (OrderDetails t : truth.values()) {
            OrderSummary s = byId.get(t.orderId());
            String diff = differences(s, t.summary());
            if (diff != null) {
                stale.put(t.orderId(), new StaleRow<>(t.orderId(), s, t.summary(), diff));
            }
        }
        for (OrderSummary row : shown) {
            if (!truth.containsKey(row.orderId())) {
                stale.put(row.orderId(), new StaleRow<>(row.orderId(), row, null, NO_SUCH_ORDER));
            }
        }
        return stale;
    }

    /** The order-detail rows that differ from the truth, by order id (missing rows and rows of no order included). */
    public static Map<String, StaleRow<OrderDetails>> ofDetails(List<OrderDetails> shown, Map<String, OrderDetails> truth) {
        Map<String, OrderDetails> byId = new HashMap<>();
        for (OrderDetails row : shown) {
            byId.put(row.orderId(), row);
        }
        Map<String, StaleRow<OrderDetails>> stale = new LinkedHashMap<>();
        for (OrderDetails t : truth.values()) {
            OrderDetails s = byId.get(t.orderId());
            String diff = differences(s, t);
            if (diff != null) {
                stale.put(t.orderId(), new StaleRow<>(t.orderId(), s, t, diff));
            }
        }
        for (OrderDetails row : shown) {
            if (!truth.containsKey(row.orderId())) {
                stale.put(row.orderId(), new StaleRow<>(row.orderId(), row, null, NO_SUCH_ORDER));
            }
        }
        return stale;
    }

    /**
     * The sales-by-customer rows that differ from the truth, by customer id. Only customers on either
     * side are compared: a customer the read model shows with no orders, and the write model has no
     * orders for, matches; one with orders that the read model does not show is a missing row.
     */
    public static Map<String, StaleRow<CustomerSales>> ofSales(List<CustomerSales> shown, Map<String, OrderDetails> truth) {
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

    /** Null when the row shows the truth, else what differs. */
    public static String differences(OrderSummary shown, OrderSummary truth) {
        if (shown == null) {
            return "not in the read model yet; the truth is " + truth.status().label() + ", " + truth.total();
        }
        List<String> d = new ArrayList<>();
        if (shown.status() != truth.status()) {
            d.add("status: shows " + shown.status().label() + ", truth is " + truth.status().label());
        }
        if (shown.total().compareTo(truth.total()) != 0) {
            d.add("total: shows " + shown.total() + ", truth is " + truth.total());
        }
        if (!Objects.equals(shown.customerName(), truth.customerName())) {
            d.add("customer: shows " + shown.customerName() + ", truth is " + truth.customerName());
        }
        if (shown.itemCount() != truth.itemCount()) {
            d.add("items: shows " + shown.itemCount() + ", truth is " + truth.itemCount());
        }
        return d.isEmpty() ? null : String.join("; ", d);
    }

    /** Null when the row shows the truth, else what differs. */
    public static String differences(OrderDetails shown, OrderDetails truth) {
        if (shown == null) {
            return differences((OrderSummary) null, truth.summary());
        }
        String d = differences(shown.summary(), truth.summary());
        List<String> more = new ArrayList<>();
        if (d != null) {
            more.add(d);
        }
        if (!Objects.equals(shown.cancelReason(), truth.cancelReason())) {
            more.add("cancel reason: shows " + (shown.cancelReason() == null ? "none" : "\"" + shown.cancelReason() + "\"")
                    + ", truth is \"" + truth.cancelReason() + "\"");
        }
        return more.isEmpty() ? null : String.join("; ", more);
    }
}
