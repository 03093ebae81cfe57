package io.cqrsflow.read.salesbycustomer;

import io.cqrsflow.domain.CustomerRegistered;
import io.cqrsflow.domain.Event;
import io.cqrsflow.domain.OrderCancelled;
import io.cqrsflow.domain.OrderPlaced;
import io.cqrsflow.eventstore.RecordedEvent;
import io.cqrsflow.read.Projection;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * Orders, revenue (totals of orders not cancelled) and cancellations per customer. Not running at
 * start: added at runtime, it begins at position 0 and catches up from history — a new read model
 * costs no migration, only a replay.
 */
public final class SalesByCustomerProjection implements Projection {

    @Override
    public String name() {
        return SalesByCustomerModule.NAME;
    }

    @Override
    public List<String> schema() {
        return List.of(
                """
                CREATE TABLE IF NOT EXISTS sales_by_customer(
                    customer_id   TEXT PRIMARY KEY,
                    customer_name TEXT NOT NULL,
                    orders        INTEGER NOT NULL,
                    revenue       TEXT NOT NULL,
                    cancelled     INTEGER NOT NULL)
                """,
                """
                CREATE TABLE IF NOT EXISTS sales_by_customer_orders(
                    order_id    TEXT PRIMARY KEY,
                    customer_id TEXT NOT NULL,
                    total       TEXT NOT NULL)
                """);
    }

    @Override
    public List<String> tables() {
        return List.of("sales_by_customer", "sales_by_customer_orders");
    }

    @Override
    public Writer open(Connection c) throws SQLException {
        return new SalesWriter(c);
    }

    private static final class SalesWriter implements Writer {
        private final PreparedStatement insertCustomer;
        private final PreparedStatement rememberOrder;
        private final PreparedStatement findOrder;
        private final PreparedStatement revenueOf;
        private final PreparedStatement addOrder;
        private final PreparedStatement cancelOrder;

        SalesWriter(Connection c) throws SQLException {
            insertCustomer = c.prepareStatement("INSERT OR REPLACE INTO sales_by_customer(customer_id, customer_name, orders,"
                    + " revenue, cancelled) VALUES (?, ?, 0, '0', 0)");
            rememberOrder = c.prepareStatement("INSERT OR REPLACE INTO sales_by_customer_orders(order_id, customer_id, total) VALUES (?, ?, ?)");
            findOrder = c.prepareStatement("SELECT customer_id, total FROM sales_by_customer_orders WHERE order_id = ?");
            revenueOf = c.prepareStatement("SELECT revenue FROM sales_by_customer WHERE customer_id = ?");
            addOrder = c.prepareStatement("UPDATE sales_by_customer SET orders = orders + 1, revenue = ? WHERE customer_id = ?");
            cancelOrder = c.prepareStatement("UPDATE sales_by_customer SET cancelled = cancelled + 1, revenue = ? WHERE customer_id = ?");
        }

        @Override
        public void apply(RecordedEvent recorded) throws SQLException {
            Event event = recorded.event();
            if (event instanceof CustomerRegistered e) {
                insertCustomer.setString(1, e.customerId());
                insertCustomer.setString(2, e.name());
                insertCustomer.executeUpdate();
            } else if (event instanceof OrderPlaced e) {
                rememberOrder.setString(1, e.orderId());
                rememberOrder.setString(2, e.customerId());
                rememberOrder.setString(3, e.total().toPlainString());
                rememberOrder.executeUpdate();
                addOrder.setString(1, revenue(e.customerId()).add(e.total()).toPlainString());
                addOrder.setString(2, e.customerId());
                addOrder.executeUpdate();
            } else if (event instanceof OrderCancelled e) {
                findOrder.setString(1, e.orderId());
                String customerId;
                BigDecimal total;
                try (ResultSet rs = findOrder.executeQuery()) {
                    if (!rs.next()) {
                        return;
                    }
                    customerId = rs.getString(1);
                    total = new BigDecimal(rs.getString(2));
                }
                cancelOrder.setString(1, revenue(customerId).subtract(total).toPlainString());
                cancelOrder.setString(2, customerId);
                cancelOrder.executeUpdate();
            }
        }

        private BigDecimal revenue(String customerId) throws SQLException {
            revenueOf.setString(1, customerId);
            try (ResultSet rs = revenueOf.executeQuery()) {
                return rs.next() ? new BigDecimal(rs.getString(1)) : BigDecimal.ZERO;
            }
        }

        @Override
        public void close() throws SQLException {
            insertCustomer.close();
            rememberOrder.close();
            findOrder.close();
            revenueOf.close();
            addOrder.close();
            cancelOrder.close();
        }
    }
}
