package io.cqrsflow.read.orderdetail;

import io.cqrsflow.domain.CustomerRegistered;
import io.cqrsflow.domain.Event;
import io.cqrsflow.domain.OrderCancelled;
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

/** Everything about one order: customer, items as JSON, total, status, and when it was paid, shipped or cancelled. */
public final class OrderDetailProjection implements Projection {

    @Override
    public String name() {
        return OrderDetailModule.NAME;
    }

    @Override
    public List<String> schema() {
        return List.of(
                """
                CREATE TABLE IF NOT EXISTS order_detail(
                    order_id      TEXT PRIMARY KEY,
                    customer_id   TEXT NOT NULL,
                    customer_name TEXT NOT NULL,
                    items         TEXT NOT NULL,
                    total         TEXT NOT NULL,
                    status        TEXT NOT NULL,
                    placed_at     TEXT NOT NULL,
                    paid_at       TEXT,
                    shipped_at    TEXT,
                    cancelled_at  TEXT,
                    cancel_reason TEXT,
                    last_position INTEGER NOT NULL)
                """,
                CustomerNames.schema("order_detail_customers"));
    }

    @Override
    public List<String> tables() {
        return List.of("order_detail", "order_detail_customers");
    }

    @Override
    public Writer open(Connection c) throws SQLException {
        return new DetailWriter(c);
    }

    private static final class DetailWriter implements Writer {
        private final CustomerNames customers;
        private final PreparedStatement insertOrder;
        private final PreparedStatement paid;
        private final PreparedStatement shipped;
        private final PreparedStatement cancelled;

        DetailWriter(Connection c) throws SQLException {
            customers = CustomerNames.open(c, "order_detail_customers");
            insertOrder = c.prepareStatement("INSERT OR REPLACE INTO order_detail(order_id, customer_id, customer_name,"
                    + " items, total, status, placed_at, last_position) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
            paid = c.prepareStatement("UPDATE order_detail SET status = 'paid', paid_at = ?, last_position = ? WHERE order_id = ?");
            shipped = c.prepareStatement("UPDATE order_detail SET status = 'shipped', shipped_at = ?, last_position = ? WHERE order_id = ?");
            cancelled = c.prepareStatement("UPDATE order_detail SET status = 'cancelled', cancelled_at = ?, cancel_reason = ?,"
                    + " last_position = ? WHERE order_id = ?");
        }

        @Override
        public void apply(RecordedEvent recorded) throws SQLException {
            Event event = recorded.event();
            String at = SqliteFiles.formatInstant(recorded.recordedAt());
            if (event instanceof CustomerRegistered e) {
                customers.remember(e.customerId(), e.name());
            } else if (event instanceof OrderPlaced e) {
                insertOrder.setString(1, e.orderId());
                insertOrder.setString(2, e.customerId());
                insertOrder.setString(3, customers.nameOf(e.customerId()));
                insertOrder.setString(4, ItemsJson.write(e.items()));
                insertOrder.setString(5, e.total().toPlainString());
                insertOrder.setString(6, OrderStatus.PENDING.label());
                insertOrder.setString(7, at);
                insertOrder.setLong(8, recorded.position());
                insertOrder.executeUpdate();
            } else if (event instanceof OrderPaid e) {
                update(paid, at, recorded.position(), e.orderId());
            } else if (event instanceof OrderShipped e) {
                update(shipped, at, recorded.position(), e.orderId());
            } else if (event instanceof OrderCancelled e) {
                cancelled.setString(1, at);
                cancelled.setString(2, e.reason());
                cancelled.setLong(3, recorded.position());
                cancelled.setString(4, e.orderId());
                cancelled.executeUpdate();
            }
        }

        private static void update(PreparedStatement ps, String at, long position, String orderId) throws SQLException {
            ps.setString(1, at);
            ps.setLong(2, position);
            ps.setString(3, orderId);
            ps.executeUpdate();
        }

        @Override
        public void forgetCached() {
            customers.forgetCached();
        }

        @Override
        public void close() throws SQLException {
            customers.close();
            insertOrder.close();
            paid.close();
            shipped.close();
            cancelled.close();
        }
    }
}
