package io.cqrsflow.read.orderdetail;

import io.cqrsflow.domain.OrderLine;
import io.cqrsflow.read.OrderDetails;
import io.cqrsflow.read.OrderSummary;
import io.cqrsflow.read.Projection;
import io.cqrsflow.read.ReadDatabase;
import io.cqrsflow.read.ReadModelDisplay;
import io.cqrsflow.read.ReadModelDisplay.Column;
import io.cqrsflow.read.ReadModelModule;
import io.cqrsflow.read.StaleRow;
import io.cqrsflow.read.Staleness;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;
import java.util.function.Function;

/** Everything about one order, answering GetOrderById. Runs from the start. */
public final class OrderDetailModule implements ReadModelModule<OrderDetails> {
    public static final String NAME = "order-detail";

    private static final ReadModelDisplay<OrderDetails> DISPLAY = new ReadModelDisplay<>("Order detail", "#d6336c",
            "GetOrderById", "order",
            List.of(new Column<>("order", 54, OrderDetails::orderId),
                    new Column<>("status", 76, o -> o.status().label()),
                    new Column<>("items", 116, OrderDetailModule::items),
                    new Column<>("reason", 64, o -> o.cancelReason() == null ? "" : o.cancelReason())),
            OrderDetailModule::whole);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean runsFromStart() {
        return true;
    }

    @Override
    public Projection projection() {
        return new OrderDetailProjection();
    }

    @Override
    public List<OrderDetails> rows(ReadDatabase db) {
        return new OrderDetailQueries(db).all();
    }

    @Override
    public List<OrderDetails> rowsBetween(ReadDatabase db, String after, String upTo) {
        return new OrderDetailQueries(db).between(after, upTo);
    }

    @Override
    public List<OrderDetails> rowsOf(ReadDatabase db, java.util.Collection<String> keys) {
        return new OrderDetailQueries(db).among(keys);
    }

    @Override
    public long rowCount(ReadDatabase db) {
        return new OrderDetailQueries(db).count();
    }

    @Override
    public List<OrderDetails> rowsPage(ReadDatabase db, int offset, int limit) {
        return new OrderDetailQueries(db).page(offset, limit);
    }

    /** Every column {@link #stale} reads of a row (the times too: they are parsed), against the truth's. */
    @Override
    public String mayBeStaleSql() {
        return """
                SELECT t.order_id FROM main.orders t LEFT JOIN r.order_detail d ON d.order_id = t.order_id
                WHERE d.order_id IS NULL OR d.status IS NOT t.status OR d.total IS NOT t.total
                   OR d.customer_name IS NOT t.customer_name OR d.items IS NOT t.items
                   OR d.placed_at IS NOT t.placed_at OR d.paid_at IS NOT t.paid_at OR d.shipped_at IS NOT t.shipped_at
                   OR d.cancelled_at IS NOT t.cancelled_at OR d.cancel_reason IS NOT t.cancel_reason
                UNION ALL
                SELECT d.order_id FROM r.order_detail d
                WHERE NOT EXISTS (SELECT 1 FROM main.orders t WHERE t.order_id = d.order_id)
                """;
    }

    @Override
    public String key(OrderDetails row) {
        return row.orderId();
    }

    @Override
    public Map<String, StaleRow<OrderDetails>> stale(List<OrderDetails> rows, Map<String, OrderDetails> truth) {
        return staleRows(rows, truth);
    }

    /** Every order's row against the write model's, cancel reason included. */
    public static Map<String, StaleRow<OrderDetails>> staleRows(List<OrderDetails> rows, Map<String, OrderDetails> truth) {
        return Staleness.byOrder(rows, truth, OrderDetails::orderId, Function.identity(), OrderDetailModule::differences);
    }

    /** Null when the row shows the truth, else what differs. */
    static String differences(OrderDetails shown, OrderDetails truth) {
        if (shown == null) {
            return Staleness.differences((OrderSummary) null, truth.summary());
        }
        String d = Staleness.differences(shown.summary(), truth.summary());
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

    @Override
    public ReadModelDisplay<OrderDetails> display() {
        return DISPLAY;
    }

    /** A detail row in full: what its items and reason columns may cut off. */
    static String whole(OrderDetails d) {
        StringJoiner items = new StringJoiner(", ");
        for (OrderLine l : d.items()) {
            items.add(l.quantity() + "× " + l.sku() + " @ " + l.unitPrice().toPlainString());
        }
        return d.orderId() + " · " + d.customerName() + " · total " + d.total().toPlainString() + " · "
                + d.status().label()
                + "\nitems: " + (d.items().isEmpty() ? "none" : items.toString())
                + (d.cancelReason() == null || d.cancelReason().isEmpty() ? "" : "\nreason: " + d.cancelReason());
    }

    static String items(OrderDetails d) {
        StringJoiner j = new StringJoiner(", ");
        for (OrderLine l : d.items()) {
            j.add(l.quantity() + "× " + l.sku());
        }
        return j.toString();
    }
}
