package io.cqrsflow.read.orderlist;

import io.cqrsflow.domain.CustomerRegistered;
import io.cqrsflow.domain.Event;
import io.cqrsflow.domain.OrderCancelled;
import io.cqrsflow.domain.OrderLine;
import io.cqrsflow.domain.OrderPaid;
import io.cqrsflow.domain.OrderPlaced;
import io.cqrsflow.domain.OrderShipped;
import io.cqrsflow.domain.OrderStatus;
import io.cqrsflow.eventstore.RecordedEvent;
import io.cqrsflow.eventstore.SqliteFiles;
import io.cqrsflow.read.CustomerNames;
import io.cqrsflow.read.Projection;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * The order list: one row per order with the customer's name copied in (denormalized from
 * CustomerRegistered, which this projection remembers in its own table), the total, the status and
 * when it was placed.
 */
public final class OrderListProjection implements Projection {

    @Override
    public String name() {
        return OrderListModule.NAME;
    }

    @Override
    public List<String> schema() {
        return List.of(
                """
                CREATE TABLE IF NOT EXISTS order_list(
                    order_id      TEXT PRIMARY KEY,
                    customer_id   TEXT NOT NULL,
                    customer_name TEXT NOT NULL,
                    total         TEXT NOT NULL,
                    status        TEXT NOT NULL,
                    placed_at     TEXT NOT NULL,
                    item_count    INTEGER NOT NULL,
                    last_position INTEGER NOT NULL)
                """,
                "CREATE INDEX IF NOT EXISTS order_list_by_customer ON order_list(customer_id)",
                CustomerNames.schema("order_list_customers"));
    }

    @Override
    public List<String> tables() {
        return List.of("order_list", "order_list_customers");
    }

    @Override
    public Writer open(Connection c) throws SQLException {
        return new ListWriter(c);
    }

    private static final class ListWriter implements Writer {
        private final CustomerNames customers;
        private final PreparedStatement insertOrder;
        private final PreparedStatement updateStatus;

        ListWriter(Connection c) throws SQLException {
            customers = CustomerNames.open(c, "order_list_customers");
            insertOrder = c.prepareStatement("INSERT OR REPLACE INTO order_list(order_id, customer_id, customer_name, total,"
                    + " status, placed_at, item_count, last_position) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
            updateStatus = c.prepareStatement("UPDATE order_list SET status = ?, last_position = ? WHERE order_id = ?");
        }

        @Override
        public void apply(RecordedEvent recorded) throws SQLException {
            Event event = recorded.event();
            if (event instanceof CustomerRegistered e) {
                customers.remember(e.customerId(), e.name());
            } else if (event instanceof OrderPlaced e) {
                insertOrder.setString(1, e.orderId());
                insertOrder.setString(2, e.customerId());
                insertOrder.setString(3, customers.nameOf(e.customerId()));
                insertOrder.setString(4, e.total().toPlainString());
                insertOrder.setString(5, OrderStatus.PENDING.label());
                insertOrder.setString(6, SqliteFiles.formatInstant(recorded.recordedAt()));
                insertOrder.setInt(7, e.items().stream().mapToInt(OrderLine::quantity).sum());
                insertOrder.setLong(8, recorded.position());
                insertOrder.executeUpdate();
            } else if (event instanceof OrderPaid e) {
                status(e.orderId(), OrderStatus.PAID, recorded);
            } else if (event instanceof OrderShipped e) {
                status(e.orderId(), OrderStatus.SHIPPED, recorded);
            } else if (event instanceof OrderCancelled e) {
                status(e.orderId(), OrderStatus.CANCELLED, recorded);
            }
        }

        private void status(String orderId, OrderStatus status, RecordedEvent recorded) throws SQLException {
            updateStatus.setString(1, status.label());
            updateStatus.setLong(2, recorded.position());
            updateStatus.setString(3, orderId);
            updateStatus.executeUpdate();
        }

        @Override
        public void forgetCached() {
            customers.forgetCached();
        }

        @Override
        public void close() throws SQLException {
            customers.close();
            insertOrder.close();
            updateStatus.close();
        }
    }
}
