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
