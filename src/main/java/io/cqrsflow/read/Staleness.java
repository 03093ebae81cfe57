package io.cqrsflow.read;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Compares read-model rows with the write model's truth, row by row. */
public final class Staleness {
    static final String NO_SUCH_ORDER = "the write model has no such order";

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
