package io.cqrsflow.read.ordersperstatus;

import io.cqrsflow.domain.OrderStatus;
import io.cqrsflow.read.ReadDatabase;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The orders_per_status table as it stands now, in the order an order lives through its statuses. */
public final class OrdersPerStatusQueries {
    private final ReadDatabase db;

    public OrdersPerStatusQueries(ReadDatabase db) {
        this.db = db;
    }

    /** Every status it has counted; empty while the projection has not been added. */
    public List<OrdersWithStatus> all() {
        List<OrdersWithStatus> rows = db.read(c -> {
            List<OrdersWithStatus> found = new ArrayList<>();
            try (PreparedStatement exists = c.prepareStatement(
                    "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'orders_per_status'");
                 ResultSet e = exists.executeQuery()) {
                if (!e.next()) {
                    return found;
                }
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT status, orders FROM orders_per_status");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(new OrdersWithStatus(OrderStatus.fromLabel(rs.getString(1)), rs.getInt(2)));
                }
            }
            return found;
        });
        rows.sort(Comparator.comparing(OrdersWithStatus::status));
        return rows;
    }
}
