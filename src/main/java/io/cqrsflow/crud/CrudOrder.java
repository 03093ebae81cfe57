package io.cqrsflow.crud;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Function;

/**
 * One row of the CRUD model's {@code orders} table, as it stands now: the only state it keeps. Whatever the
 * order was before its last update is gone.
 *
 * @param customerName the name in the {@code customers} table; null if that row is missing
 * @param status       "pending", "paid", "shipped" or "cancelled", as the read models say it
 */
public record CrudOrder(String orderId, String customerId, String customerName, BigDecimal total, String status,
                        String cancelReason, Instant updatedAt) {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    /**
     * A column of the table as the CRUD panel shows it and as a lesson's {@code "crud"} check names it.
     *
     * @param width its usual width in pixels at normal font size
     */
    public record Column(String header, double width, Function<CrudOrder, String> cell) {
    }

    /** The columns, left to right: the same for the panel and for the checks, so a check reads what is shown. */
    public static final List<Column> COLUMNS = List.of(
            new Column("order", 50, CrudOrder::orderId),
            new Column("customer", 72, o -> o.customerName() == null ? o.customerId() : o.customerName()),
            new Column("total", 50, o -> o.total().toPlainString()),
            new Column("status", 74, CrudOrder::status),
            new Column("updated", 60, o -> TIME.format(o.updatedAt().atZone(ZoneId.systemDefault()))));

    public static List<String> headers() {
        return COLUMNS.stream().map(Column::header).toList();
    }
}
