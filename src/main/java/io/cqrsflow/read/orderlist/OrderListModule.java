package io.cqrsflow.read.orderlist;

import io.cqrsflow.read.OrderDetails;
import io.cqrsflow.read.OrderSummary;
import io.cqrsflow.read.Projection;
import io.cqrsflow.read.ReadDatabase;
import io.cqrsflow.read.ReadModelDisplay;
import io.cqrsflow.read.ReadModelDisplay.Column;
import io.cqrsflow.read.ReadModelModule;
import io.cqrsflow.read.StaleRow;
import io.cqrsflow.read.Staleness;

import java.util.List;
import java.util.Map;

/** The order list: one row per order, answering ListOrders and GetOrdersForCustomer. Runs from the start. */
public final class OrderListModule implements ReadModelModule<OrderSummary> {
    public static final String NAME = "order-list";

    private static final ReadModelDisplay<OrderSummary> DISPLAY = new ReadModelDisplay<>("Order list", "#2f6fde",
            "ListOrders, GetOrdersForCustomer", "order",
            List.of(new Column<>("order", 54, OrderSummary::orderId),
                    new Column<>("customer", 104, OrderSummary::customerName),
                    new Column<>("total", 58, o -> o.total().toPlainString()),
                    new Column<>("status", 76, o -> o.status().label())),
            o -> o.orderId() + " · " + o.customerName() + " · " + o.total().toPlainString() + " · "
                    + o.status().label());

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
        return new OrderListProjection();
    }

    @Override
    public List<OrderSummary> rows(ReadDatabase db) {
        return new OrderListQueries(db).listOrders();
    }

    @Override
    public List<OrderSummary> rowsBetween(ReadDatabase db, String after, String upTo) {
        return new OrderListQueries(db).between(after, upTo);
    }

    @Override
    public List<OrderSummary> rowsOf(ReadDatabase db, java.util.Collection<String> keys) {
        return new OrderListQueries(db).among(keys);
    }

    @Override
    public long rowCount(ReadDatabase db) {
        return new OrderListQueries(db).count();
    }

    @Override
    public List<OrderSummary> rowsPage(ReadDatabase db, int offset, int limit) {
        return new OrderListQueries(db).page(offset, limit);
    }

    /** Every column {@link #stale} reads of a row (placed_at too: it is parsed), against the truth's. */
    @Override
    public String mayBeStaleSql() {
        return """
                SELECT t.order_id FROM main.orders t LEFT JOIN r.order_list l ON l.order_id = t.order_id
                WHERE l.order_id IS NULL OR l.status IS NOT t.status OR l.total IS NOT t.total
                   OR l.customer_name IS NOT t.customer_name OR l.placed_at IS NOT t.placed_at
                   OR l.item_count IS NOT (SELECT total(json_extract(j.value, '$.quantity')) FROM json_each(t.items) j)
                UNION ALL
                SELECT l.order_id FROM r.order_list l
                WHERE NOT EXISTS (SELECT 1 FROM main.orders t WHERE t.order_id = l.order_id)
                """;
    }

    @Override
    public String key(OrderSummary row) {
        return row.orderId();
    }

    @Override
    public Map<String, StaleRow<OrderSummary>> stale(List<OrderSummary> rows, Map<String, OrderDetails> truth) {
        return staleRows(rows, truth);
    }

    /** Every order's row against its summary in the write model. */
    public static Map<String, StaleRow<OrderSummary>> staleRows(List<OrderSummary> rows, Map<String, OrderDetails> truth) {
        return Staleness.byOrder(rows, truth, OrderSummary::orderId, OrderDetails::summary, Staleness::differences);
    }

    @Override
    public ReadModelDisplay<OrderSummary> display() {
        return DISPLAY;
    }
}
