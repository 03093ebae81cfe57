package io.cqrsflow.read;

import io.cqrsflow.domain.CancelOrder;
import io.cqrsflow.domain.OrderLine;
import io.cqrsflow.domain.PayOrder;
import io.cqrsflow.domain.PlaceOrder;
import io.cqrsflow.domain.RegisterCustomer;
import io.cqrsflow.domain.ShipOrder;
import io.cqrsflow.read.orderdetail.OrderDetailModule;
import io.cqrsflow.read.orderlist.OrderListModule;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stale count with SQLite finding the candidates ({@link StaleKeys}) against the comparison in Java it
 * stands for: a row changed by hand in read.db, one column at a time, is counted exactly when the Java
 * comparison calls it stale — a different status, total, name, item count or reason, a missing row, a row
 * of no order — and not when only its text differs (a total with one more zero) or a column the comparison
 * does not read. {@link StaleRowCountTest} compares the two on random stores.
 */
class StaleKeysTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            nothing changed                 | SELECT 1                                                                              | 0
            list status                     | UPDATE order_list SET status = 'pending' WHERE order_id = 'o-1'                       | 1
            list total, same amount         | UPDATE order_list SET total = concat(total, '0') WHERE order_id = 'o-1'                      | 0
            list total, other amount        | UPDATE order_list SET total = '99.00' WHERE order_id = 'o-1'                          | 1
            list customer name              | UPDATE order_list SET customer_name = 'Ada L.' WHERE order_id = 'o-2'                 | 1
            list item count                 | UPDATE order_list SET item_count = item_count + 1 WHERE order_id = 'o-2'              | 1
            list placed at, not compared    | UPDATE order_list SET placed_at = '2026-01-01T09:00:00.000Z' WHERE order_id = 'o-2'    | 0
            list row missing                | DELETE FROM order_list WHERE order_id = 'o-3'                                         | 1
            list row of no order            | INSERT INTO order_list SELECT 'o-x', customer_id, customer_name, total, status, placed_at, item_count, last_position FROM order_list WHERE order_id = 'o-1' | 1
            detail status                   | UPDATE order_detail SET status = 'paid' WHERE order_id = 'o-3'                        | 1
            detail cancel reason            | UPDATE order_detail SET cancel_reason = 'other' WHERE order_id = 'o-3'                | 1
            detail items, other count       | UPDATE order_detail SET items = '[]' WHERE order_id = 'o-1'                           | 1
            detail items, same count        | UPDATE order_detail SET items = replace(items, 'BOOK', 'PEN') WHERE order_id = 'o-1'  | 0
            detail paid at, not compared    | UPDATE order_detail SET paid_at = '2026-01-01T09:00:00.000Z' WHERE order_id = 'o-2'    | 0
            detail total, same amount       | UPDATE order_detail SET total = concat(total, '0') WHERE order_id = 'o-2'                    | 0
            detail row missing              | DELETE FROM order_detail WHERE order_id = 'o-2'                                       | 1
            detail row of no order          | INSERT INTO order_detail SELECT 'o-y', customer_id, customer_name, items, total, status, placed_at, paid_at, shipped_at, cancelled_at, cancel_reason, last_position FROM order_detail WHERE order_id = 'o-1' | 1
            two in each                     | UPDATE order_list SET status = 'cancelled'; UPDATE order_detail SET customer_name = 'X' WHERE order_id IN ('o-1', 'o-2') | 4
            """)
    void aRowChangedByHandIsCountedExactlyWhenTheComparisonCallsItStale(String what, String sql, int stale)
            throws Exception {
        try (ReadSideFixture f = new ReadSideFixture(dir).open()) {
            // given three orders every read model shows: one shipped, one paid, one cancelled
            f.given(new RegisterCustomer("c-1", "Ada"),
                    new PlaceOrder("o-1", "c-1", List.of(new OrderLine("BOOK", 2, new BigDecimal("3.25")))),
                    new PlaceOrder("o-2", "c-1", List.of(new OrderLine("BOOK", 1, new BigDecimal("4.50")),
                            new OrderLine("PEN", 3, new BigDecimal("1.10")))),
                    new PlaceOrder("o-3", "c-1", List.of(new OrderLine("INK", 1, new BigDecimal("7.00")))),
                    new PayOrder("o-1"), new ShipOrder("o-1"), new PayOrder("o-2"), new CancelOrder("o-3", "changed mind"));
            f.settle();
            assertThat(f.readSide.staleRowCount()).isZero();

            // when read.db is changed by hand
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + f.readDb()); Statement s = c.createStatement()) {
                for (String one : sql.split(";")) {
                    s.execute(one);
                }
            }

            // then the count is what the comparison in Java says, read model by read model
            assertThat(f.readSide.staleRowCount()).as(what).isEqualTo(stale)
                    .isEqualTo(f.readSide.readModels().staleRows());
            try (TruthTable truth = TruthTable.fold(f.store)) {
                for (ReadModelModule<?> m : List.of(new OrderListModule(), new OrderDetailModule())) {
                    assertThat(StaleKeys.count(m, f.readSide.database(), truth, 2))
                            .as(what + ", " + m.name()).isEqualTo(m.staleRowCount(f.readSide.database(), truth, 2));
                }
            }
        }
    }
}
