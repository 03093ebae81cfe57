package io.cqrsflow.read.ordersperstatus;

import io.cqrsflow.domain.Event;
import io.cqrsflow.domain.OrderCancelled;
import io.cqrsflow.domain.OrderPaid;
import io.cqrsflow.domain.OrderPlaced;
import io.cqrsflow.domain.OrderShipped;
import io.cqrsflow.domain.OrderStatus;
import io.cqrsflow.eventstore.RecordedEvent;
import io.cqrsflow.read.Projection;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * How many orders are in each status. It remembers each order's status in its own table, so that a
 * payment, shipment or cancellation moves one order from one count to another.
 */
public final class OrdersPerStatusProjection implements Projection {

    @Override
    public String name() {
        return OrdersPerStatusModule.NAME;
    }

    @Override
    public List<String> schema() {
        return List.of(
                """
                CREATE TABLE IF NOT EXISTS orders_per_status(
                    status TEXT PRIMARY KEY,
                    orders INTEGER NOT NULL)
                """,
                """
                CREATE TABLE IF NOT EXISTS orders_per_status_orders(
                    order_id TEXT PRIMARY KEY,
                    status   TEXT NOT NULL)
                """);
    }

    @Override
    public List<String> tables() {
        return List.of("orders_per_status", "orders_per_status_orders");
    }

    @Override
    public Writer open(Connection c) throws SQLException {
        return new CountWriter(c);
    }

    private static final class CountWriter implements Writer {
        private final PreparedStatement statusOf;
        private final PreparedStatement setStatus;
        private final PreparedStatement countUp;
        private final PreparedStatement countDown;

        CountWriter(Connection c) throws SQLException {
            statusOf = c.prepareStatement("SELECT status FROM orders_per_status_orders WHERE order_id = ?");
            setStatus = c.prepareStatement("INSERT OR REPLACE INTO orders_per_status_orders(order_id, status) VALUES (?, ?)");
            countUp = c.prepareStatement("INSERT INTO orders_per_status(status, orders) VALUES (?, 1)"
                    + " ON CONFLICT(status) DO UPDATE SET orders = orders + 1");
            countDown = c.prepareStatement("UPDATE orders_per_status SET orders = orders - 1 WHERE status = ?");
        }

        @Override
        public void apply(RecordedEvent recorded) throws SQLException {
            Event event = recorded.event();
            if (event instanceof OrderPlaced e) {
                move(e.orderId(), null, OrderStatus.PENDING);
            } else if (event instanceof OrderPaid e) {
                move(e.orderId(), OrderStatus.PAID);
            } else if (event instanceof OrderShipped e) {
                move(e.orderId(), OrderStatus.SHIPPED);
            } else if (event instanceof OrderCancelled e) {
                move(e.orderId(), OrderStatus.CANCELLED);
            }
        }

        /** An order it has not seen placed is ignored (cannot happen in order). */
        private void move(String orderId, OrderStatus to) throws SQLException {
            statusOf.setString(1, orderId);
            String from;
            try (ResultSet rs = statusOf.executeQuery()) {
                if (!rs.next()) {
                    return;
                }
                from = rs.getString(1);
            }
            move(orderId, OrderStatus.fromLabel(from), to);
        }

        private void move(String orderId, OrderStatus from, OrderStatus to) throws SQLException {
            if (from != null) {
                countDown.setString(1, from.label());
                countDown.executeUpdate();
            }
            countUp.setString(1, to.label());
            countUp.executeUpdate();
            setStatus.setString(1, orderId);
            setStatus.setString(2, to.label());
            setStatus.executeUpdate();
        }

        @Override
        public void close() throws SQLException {
            statusOf.close();
            setStatus.close();
            countUp.close();
            countDown.close();
        }
    }
}
