package io.cqrsflow.read.orderlist;

import io.cqrsflow.domain.OrderStatus;
import io.cqrsflow.eventstore.SqliteFiles;
import io.cqrsflow.read.OrderSummary;
import io.cqrsflow.read.KeyRange;
import io.cqrsflow.read.ReadDatabase;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** ListOrders and GetOrdersForCustomer, answered from order_list as it stands now. */
public final class OrderListQueries {
    private static final String SELECT = "SELECT order_id, customer_id, customer_name, total, status, placed_at,"
            + " item_count FROM order_list";

    private final ReadDatabase db;

    public OrderListQueries(ReadDatabase db) {
        this.db = db;
    }

    public List<OrderSummary> listOrders() {
        return query(SELECT + " ORDER BY placed_at, order_id", null);
    }

    public List<OrderSummary> ordersForCustomer(String customerId) {
        return query(SELECT + " WHERE customer_id = ? ORDER BY placed_at, order_id", customerId);
    }
    /** The rows of these order ids (those it has), in no set order. */
    public List<OrderSummary> among(java.util.Collection<String> orderIds) {
        return KeyRange.among(orderIds, (some, marks) -> db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(SELECT + " WHERE order_id IN (" + marks + ")")) {
                KeyRange.bindAll(ps, some);
                try (ResultSet rs = ps.executeQuery()) {
                    List<OrderSummary> rows = new ArrayList<>();
                    while (rs.next()) {
                        rows.add(row(rs));
                    }
                    return rows;
                }
            }
        }));
    }


    /** Rows whose order id is after {@code after} and up to {@code upTo} (null: no bound), by order id. */
    public List<OrderSummary> between(String after, String upTo) {
        KeyRange range = new KeyRange(after, upTo);
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(SELECT + range.where("order_id") + " ORDER BY order_id")) {
                range.bind(ps, 1);
                try (ResultSet rs = ps.executeQuery()) {
                    List<OrderSummary> rows = new ArrayList<>();
                    while (rs.next()) {
                        rows.add(row(rs));
                    }
                    return rows;
                }
            }
        });
    }

    private List<OrderSummary> query(String sql, String parameter) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                if (parameter != null) {
                    ps.setString(1, parameter);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    List<OrderSummary> rows = new ArrayList<>();
                    while (rs.next()) {
                        rows.add(row(rs));
                    }
                    return rows;
                }
            }
        });
    }

    /** How many rows it has (a count in SQL, not a list). */
    public long count() {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM order_list");
                 ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0L;
            }
        });
    }

    /**
     * Up to {@code limit} rows from place {@code offset}, in the order they were first written (the order
     * orders were placed in: a row is inserted once and updated in place), read by rowid without sorting.
     */
    public List<OrderSummary> page(int offset, int limit) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(SELECT + " ORDER BY rowid LIMIT ? OFFSET ?")) {
                ps.setInt(1, limit);
                ps.setInt(2, offset);
                try (ResultSet rs = ps.executeQuery()) {
                    List<OrderSummary> rows = new ArrayList<>();
                    while (rs.next()) {
                        rows.add(row(rs));
                    }
                    return rows;
                }
            }
        });
    }

    private static OrderSummary row(ResultSet rs) throws SQLException {
        return new OrderSummary(rs.getString(1), rs.getString(2), rs.getString(3), new BigDecimal(rs.getString(4)),
                OrderStatus.fromLabel(rs.getString(5)), SqliteFiles.parseInstant(rs.getString(6)), rs.getInt(7));
    }
}
