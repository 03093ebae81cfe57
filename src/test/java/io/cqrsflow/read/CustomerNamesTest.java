package io.cqrsflow.read;

import io.cqrsflow.domain.CustomerRegistered;
import io.cqrsflow.domain.Event;
import io.cqrsflow.domain.OrderLine;
import io.cqrsflow.domain.OrderPlaced;
import io.cqrsflow.eventstore.EventMetadata;
import io.cqrsflow.eventstore.RecordedEvent;
import io.cqrsflow.eventstore.SqliteEventStore;
import io.cqrsflow.read.orderdetail.OrderDetailProjection;
import io.cqrsflow.read.orderlist.OrderListProjection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The customer names a projection's writer keeps in memory never say other than its table: a name written in
 * a transaction that rolled back, or cached before a rebuild emptied the table, is forgotten. (Both projections
 * that copy names in, on a real read.db.)
 */
class CustomerNamesTest {
    private static final Instant AT = Instant.parse("2026-01-01T10:00:00Z");

    @TempDir
    Path dir;

    MutableClock clock = new MutableClock(AT);
    SqliteEventStore store;
    ReadDatabase db;

    @BeforeEach
    void open() {
        store = SqliteEventStore.open(dir.resolve("events.db"), clock);
        db = ReadDatabase.open(dir.resolve("read.db"), clock, store, m -> { });
    }

    @AfterEach
    void close() {
        db.close();
        store.close();
    }

    @Test
    void a_name_remembered_in_a_transaction_that_rolled_back_is_not_copied_into_a_later_row() {
        for (Projection projection : List.of(new OrderListProjection(), new OrderDetailProjection())) {
            // given a registration applied, then the transaction failing before its commit
            db.ensureSchema(projection);
            assertThatThrownBy(() -> db.write(c -> {
                db.writerFor(projection).apply(recorded(1, new CustomerRegistered("c-1", "Ada"), "customer-c-1"));
                throw new SQLException("simulated failure before the commit");
            })).hasMessageContaining("simulated failure");

            // when an order of that customer is applied
            apply(projection, recorded(2, placed("o-1", "c-1"), "order-o-1"));

            // then the row has the table's answer (no such customer), not the rolled-back name
            assertThat(nameIn(projection, "o-1")).as(projection.name()).isEqualTo("?");
        }
    }

    @Test
    void a_name_cached_before_its_table_was_emptied_is_not_copied_into_a_later_row() {
        for (Projection projection : List.of(new OrderListProjection(), new OrderDetailProjection())) {
            // given a registration applied and committed (and so cached), then the tables emptied as a rebuild does
            db.ensureSchema(projection);
            apply(projection, recorded(1, new CustomerRegistered("c-1", "Ada"), "customer-c-1"));
            db.write(c -> {
                try (Statement s = c.createStatement()) {
                    for (String table : projection.tables()) {
                        s.execute("DELETE FROM " + table);
                    }
                }
                db.tablesChanged(projection);
                return null;
            });

            // when an order of that customer is applied
            apply(projection, recorded(2, placed("o-1", "c-1"), "order-o-1"));

            // then
            assertThat(nameIn(projection, "o-1")).as(projection.name()).isEqualTo("?");
        }
    }

    @Test
    void a_name_not_cached_is_read_from_the_table() {
        for (Projection projection : List.of(new OrderListProjection(), new OrderDetailProjection())) {
            // given a registration committed by one read.db writer
            db.ensureSchema(projection);
            apply(projection, recorded(1, new CustomerRegistered("c-1", "Ada"), "customer-c-1"));

            // when read.db is opened again (a writer with nothing cached) and an order is applied
            db.close();
            db = ReadDatabase.open(dir.resolve("read.db"), clock, store, m -> { });
            apply(projection, recorded(2, placed("o-1", "c-1"), "order-o-1"));

            // then the name came from the table
            assertThat(nameIn(projection, "o-1")).as(projection.name()).isEqualTo("Ada");
        }
    }

    private void apply(Projection projection, RecordedEvent event) {
        db.write(c -> {
            db.writerFor(projection).apply(event);
            return null;
        });
    }

    private String nameIn(Projection projection, String orderId) {
        String table = projection.tables().get(0);
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT customer_name FROM " + table + " WHERE order_id = ?")) {
                ps.setString(1, orderId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getString(1) : null;
                }
            }
        });
    }

    private static OrderPlaced placed(String orderId, String customerId) {
        return new OrderPlaced(orderId, customerId, List.of(new OrderLine("BOOK-1", 1, new BigDecimal("2.50"))),
                new BigDecimal("2.50"));
    }

    private static RecordedEvent recorded(long position, Event event, String stream) {
        return new RecordedEvent(position, stream, 1, event.type(), event, "{}", EventMetadata.forCommand("test"), AT);
    }
}
