package io.cqrsflow.read;

import io.cqrsflow.read.orderdetail.OrderDetailModule;
import io.cqrsflow.read.orderlist.OrderListModule;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * What read models share when they compare their rows with the write model's truth: the comparison of
 * rows kept one per order, and the words for an order that differs. Each read model's own rules live in
 * its package ({@link ReadModelModule#stale}).
 */
public final class Staleness {
    public static final String NO_SUCH_ORDER = "the write model has no such order";

    private Staleness() {
    }

    /**
     * Rows kept one per order against every order the write model has: an order the read model lacks is a
     * missing row (shown null), a row of an order the write model does not have is stale too (truth null).
     *
     * @param truthRow    the row the read model should show for an order
     * @param differences null when the row shows the truth, else what differs
     */
    public static <R> Map<String, StaleRow<R>> byOrder(List<R> shown, Map<String, OrderDetails> truth,
                                                       Function<R, String> orderId,
                                                       Function<OrderDetails, R> truthRow,
                                                       BiFunction<R, R, String> differences) {
        Map<String, R> byId = new HashMap<>();
        for (R row : shown) {
            byId.put(orderId.apply(row), row);
        }
        Map<String, StaleRow<R>> stale = new LinkedHashMap<>();
        for (OrderDetails order : truth.values()) {
            R s = byId.get(order.orderId());
            R t = truthRow.apply(order);
            String diff = differences.apply(s, t);
            if (diff != null) {
                stale.put(order.orderId(), new StaleRow<>(order.orderId(), s, t, diff));
            }
        }
        for (R row : shown) {
            String id = orderId.apply(row);
            if (!truth.containsKey(id)) {
                stale.put(id, new StaleRow<>(id, row, null, NO_SUCH_ORDER));
            }
        }
        return stale;
    }

    /** Null when the order row shows the truth, else what differs ("status: shows pending, truth is cancelled"). */
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

    /** The order list's stale rows; kept here for callers written before read models were modules. */
    public static Map<String, StaleRow<OrderSummary>> ofList(List<OrderSummary> shown, Map<String, OrderDetails> truth) {
        return OrderListModule.staleRows(shown, truth);
    }

    /** The order detail's stale rows; kept here for callers written before read models were modules. */
    public static Map<String, StaleRow<OrderDetails>> ofDetails(List<OrderDetails> shown, Map<String, OrderDetails> truth) {
        return OrderDetailModule.staleRows(shown, truth);
    }
}
