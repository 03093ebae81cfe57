package io.cqrsflow.read.orderdetail;

import io.cqrsflow.domain.OrderStatus;
import io.cqrsflow.eventstore.SqliteFiles;
import io.cqrsflow.read.OrderDetails;
import io.cqrsflow.read.KeyRange;
import io.cqrsflow.read.ReadDatabase;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** GetOrderById, answered from order_detail as it stands now. */
public final class OrderDetailQueries {
    private static final String SELECT = "SELECT order_id, customer_id, customer_name, items, total, status, placed_at,"
            + " paid_at, shipped_at, cancelled_at, cancel_reason FROM order_detail";

    private final ReadDatabase db;

    public OrderDetailQueries(ReadDatabase db) {
        this.db = db;
    }

    public Optional<OrderDetails> orderById(String orderId) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(SELECT + " WHERE order_id = ?")) {
                ps.setString(1, orderId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(row(rs)) : Optional.<OrderDetails>empty();
                }
            }
        });
    }

    public List<OrderDetails> all() {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(SELECT + " ORDER BY placed_at, order_id");
                 ResultSet rs = ps.executeQuery()) {
                List<OrderDetails> rows = new ArrayList<>();
                while (rs.next()) {
                    rows.add(row(rs));
                }
                return rows;
            }
        });
    }
    /** The rows of these order ids (those it has), in no set order. */
    public List<OrderDetails> among(java.util.Collection<String> orderIds) {
        return KeyRange.among(orderIds, (some, marks) -> db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(SELECT + " WHERE order_id IN (" + marks + ")")) {
                KeyRange.bindAll(ps, some);
                try (ResultSet rs = ps.executeQuery()) {
                    List<OrderDetails> rows = new ArrayList<>();
                    while (rs.next()) {
                        rows.add(row(rs));
                    }
                    return rows;
                }
            }
        }));
    }


    /** Rows whose order id is after {@code after} and up to {@code upTo} (null: no bound), by order id. */
    public List<OrderDetails> between(String after, String upTo) {
        KeyRange range = new KeyRange(after, upTo);
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(SELECT + range.where("order_id") + " ORDER BY order_id")) {
                range.bind(ps, 1);
                try (ResultSet rs = ps.executeQuery()) {
                    List<OrderDetails> rows = new ArrayList<>();
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
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM order_detail");
                 ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0L;
            }
        });
    }

    /**
     * Up to {@code limit} rows from place {@code offset}, in the order they were first written (the order
     * orders were placed in: a row is inserted once and updated in place), read by rowid without sorting.
     */
    public List<OrderDetails> page(int offset, int limit) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(SELECT + " ORDER BY rowid LIMIT ? OFFSET ?")) {
                ps.setInt(1, limit);
                ps.setInt(2, offset);
                try (ResultSet rs = ps.executeQuery()) {
                    List<OrderDetails> rows = new ArrayList<>();
                    while (rs.next()) {
                        rows.add(row(rs));
                    }
                    return rows;
                }
            }
        });
    }

    private static OrderDetails row(ResultSet rs) throws SQLException {
        return new OrderDetails(rs.getString(1), rs.getString(2), rs.getString(3), ItemsJson.read(rs.getString(4)),
                new BigDecimal(rs.getString(5)), OrderStatus.fromLabel(rs.getString(6)), instant(rs.getString(7)),
                instant(rs.getString(8)), instant(rs.getString(9)), instant(rs.getString(10)), rs.getString(11));
    }

    private static Instant instant(String text) {
        return text == null ? null : SqliteFiles.parseInstant(text);
    }
}
