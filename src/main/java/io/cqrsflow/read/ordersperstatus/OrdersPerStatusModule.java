package io.cqrsflow.read.ordersperstatus;

import io.cqrsflow.domain.OrderStatus;
import io.cqrsflow.read.OrderDetails;
import io.cqrsflow.read.Projection;
import io.cqrsflow.read.ReadDatabase;
import io.cqrsflow.read.ReadModelDisplay;
import io.cqrsflow.read.ReadModelDisplay.Column;
import io.cqrsflow.read.ReadModelModule;
import io.cqrsflow.read.StaleCount;
import io.cqrsflow.read.StaleRow;
import io.cqrsflow.read.TruthTable;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** How many orders are pending, paid, shipped and cancelled right now. Added at runtime, from #0. */
public final class OrdersPerStatusModule implements ReadModelModule<OrdersWithStatus> {
    public static final String NAME = "orders-per-status";

    private static final ReadModelDisplay<OrdersWithStatus> DISPLAY = new ReadModelDisplay<>("Orders per status",
            "#a0522d", "added at runtime, from #0", "status count",
            List.of(new Column<>("status", 90, r -> r.status().label()),
                    new Column<>("orders", 60, r -> "" + r.orders())),
            r -> r.orders() + (r.orders() == 1 ? " order is " : " orders are ") + r.status().label());

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean runsFromStart() {
        return false;
    }

    @Override
    public Projection projection() {
        return new OrdersPerStatusProjection();
    }

    @Override
    public List<OrdersWithStatus> rows(ReadDatabase db) {
        return new OrdersPerStatusQueries(db).all();
    }

    @Override
    public String key(OrdersWithStatus row) {
        return row.status().label();
    }

    /**
     * A count that differs from the write model's is stale; a status the write model has orders in but
     * the read model has not counted yet is a missing row. A status nobody is in matches a missing row.
     */
    @Override
    public Map<String, StaleRow<OrdersWithStatus>> stale(List<OrdersWithStatus> rows, Map<String, OrderDetails> truth) {
        Map<OrderStatus, Integer> counted = new EnumMap<>(OrderStatus.class);
        for (OrderDetails o : truth.values()) {
            counted.merge(o.status(), 1, Integer::sum);
        }
        return staleAgainst(rows, counted);
    }

    /** Its four rows need only the truth's count per status, which the truth table gives without any order. */
    @Override
    public StaleCount staleCount(ReadDatabase db, TruthTable truth, int chunk,
                                 java.util.function.Consumer<StaleRow<OrdersWithStatus>> missingRows) {
        return StaleCount.of(staleAgainst(rows(db), truth.ordersPerStatus()), missingRows);
    }

    @Override
    public void eachStaleRow(ReadDatabase db, TruthTable truth, int chunk,
                             java.util.function.Consumer<StaleRow<OrdersWithStatus>> each) {
        staleAgainst(rows(db), truth.ordersPerStatus()).values().forEach(each);
    }

    /** Any order changes its status's row: counted whole each time (four rows, one GROUP BY in the truth). */
    @Override
    public java.util.Set<String> keysTouched(java.util.Set<String> orderIds, java.util.Set<String> customerIds,
                                             TruthTable truth) {
        return null;
    }

    @Override
    public Map<String, StaleRow<OrdersWithStatus>> staleAmong(List<OrdersWithStatus> rows, TruthTable truth) {
        return staleAgainst(rows, truth.ordersPerStatus());
    }

    private static Map<String, StaleRow<OrdersWithStatus>> staleAgainst(List<OrdersWithStatus> rows,
                                                                Map<OrderStatus, Integer> counted) {
        Map<OrderStatus, OrdersWithStatus> shown = new HashMap<>();
        rows.forEach(r -> shown.put(r.status(), r));
        Map<String, StaleRow<OrdersWithStatus>> stale = new LinkedHashMap<>();
        for (OrderStatus status : OrderStatus.values()) {
            OrdersWithStatus s = shown.get(status);
            OrdersWithStatus t = new OrdersWithStatus(status, counted.getOrDefault(status, 0));
            if (s == null && t.orders() > 0) {
                stale.put(status.label(), new StaleRow<>(status.label(), null, t,
                        "not in the read model yet; the truth is " + t.orders()));
            } else if (s != null && s.orders() != t.orders()) {
                stale.put(status.label(), new StaleRow<>(status.label(), s, t,
                        "orders: shows " + s.orders() + ", truth is " + t.orders()));
            }
        }
        return stale;
    }

    @Override
    public ReadModelDisplay<OrdersWithStatus> display() {
        return DISPLAY;
    }
}
