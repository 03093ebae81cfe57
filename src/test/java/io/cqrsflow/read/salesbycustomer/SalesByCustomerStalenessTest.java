package io.cqrsflow.read.salesbycustomer;

import io.cqrsflow.read.CustomerSales;
import io.cqrsflow.read.OrderDetails;
import io.cqrsflow.read.StaleRow;

import io.cqrsflow.domain.OrderLine;
import io.cqrsflow.domain.OrderStatus;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Sales by customer against the truth folded from the write model's orders. */
class SalesByCustomerStalenessTest {
    private static final Instant AT = Instant.parse("2026-01-01T10:00:00Z");

    @Test
    void the_truth_per_customer_counts_every_order_and_sums_only_those_not_cancelled() {
        // given Ada's two orders, one cancelled, and Bob's one
        Map<String, OrderDetails> truth = orders(
                order("o-1", "c-1", "Ada", "12.50", OrderStatus.PAID),
                order("o-2", "c-1", "Ada", "25.00", OrderStatus.CANCELLED),
                order("o-3", "c-2", "Bob", "7.25", OrderStatus.PENDING));

        // when
        Map<String, CustomerSales> sales = SalesByCustomerStaleness.salesByCustomer(truth);

        // then
        assertThat(sales.get("c-1")).isEqualTo(new CustomerSales("c-1", "Ada", 2, new BigDecimal("12.50"), 1));
        assertThat(sales.get("c-2")).isEqualTo(new CustomerSales("c-2", "Bob", 1, new BigDecimal("7.25"), 0));
    }

    @Test
    void a_row_behind_the_truth_is_stale_and_says_what_differs() {
        // given the read model has seen two of Ada's three orders
        Map<String, OrderDetails> truth = orders(
                order("o-1", "c-1", "Ada", "12.50", OrderStatus.PENDING),
                order("o-2", "c-1", "Ada", "12.50", OrderStatus.PENDING),
                order("o-3", "c-1", "Ada", "12.50", OrderStatus.PENDING));
        List<CustomerSales> shown = List.of(new CustomerSales("c-1", "Ada", 2, new BigDecimal("25.00"), 0));

        // when
        Map<String, StaleRow<CustomerSales>> stale = SalesByCustomerStaleness.of(shown, truth);

        // then
        assertThat(stale).containsOnlyKeys("c-1");
        assertThat(stale.get("c-1").difference()).isEqualTo("orders: shows 2, truth is 3; revenue: shows 25.00, truth is 37.50");
        assertThat(stale.get("c-1").truth().orders()).isEqualTo(3);
    }

    @Test
    void a_cancellation_not_applied_yet_shows_in_revenue_and_cancelled() {
        // given
        Map<String, OrderDetails> truth = orders(order("o-1", "c-1", "Ada", "12.50", OrderStatus.CANCELLED));
        List<CustomerSales> shown = List.of(new CustomerSales("c-1", "Ada", 1, new BigDecimal("12.50"), 0));

        // when
        String difference = SalesByCustomerStaleness.of(shown, truth).get("c-1").difference();

        // then
        assertThat(difference).isEqualTo("revenue: shows 12.50, truth is 0.00; cancelled: shows 0, truth is 1");
    }

    @Test
    void money_is_compared_by_value_not_by_scale() {
        // given a revenue the projection wrote as "25" and a truth of 25.00
        Map<String, OrderDetails> truth = orders(order("o-1", "c-1", "Ada", "25.00", OrderStatus.PENDING));
        List<CustomerSales> shown = List.of(new CustomerSales("c-1", "Ada", 1, new BigDecimal("25"), 0));

        // when / then
        assertThat(SalesByCustomerStaleness.of(shown, truth)).isEmpty();
    }

    @Test
    void a_registered_customer_with_no_orders_shown_with_no_orders_matches() {
        // given the projection's row for a customer who has ordered nothing ("0" as it writes it)
        List<CustomerSales> shown = List.of(new CustomerSales("c-1", "Ada", 0, new BigDecimal("0"), 0));

        // when / then
        assertThat(SalesByCustomerStaleness.of(shown, Map.of())).isEmpty();
    }

    @Test
    void a_row_with_orders_the_write_model_does_not_have_is_stale() {
        // given
        List<CustomerSales> shown = List.of(new CustomerSales("c-1", "Ada", 1, new BigDecimal("5.00"), 0));

        // when
        StaleRow<CustomerSales> row = SalesByCustomerStaleness.of(shown, Map.of()).get("c-1");

        // then
        assertThat(row.difference()).isEqualTo("orders: shows 1, truth is 0; revenue: shows 5.00, truth is 0.00");
    }

    @Test
    void a_customer_with_orders_the_read_model_does_not_show_is_a_missing_row() {
        // given
        Map<String, OrderDetails> truth = orders(order("o-1", "c-1", "Ada", "12.50", OrderStatus.PENDING));

        // when
        StaleRow<CustomerSales> row = SalesByCustomerStaleness.of(List.of(), truth).get("c-1");

        // then
        assertThat(row.shown()).isNull();
        assertThat(row.key()).isEqualTo("c-1");
        assertThat(row.difference()).isEqualTo("not in the read model yet; the truth is 1 order, revenue 12.50, 0 cancelled");
    }

    private static Map<String, OrderDetails> orders(OrderDetails... orders) {
        Map<String, OrderDetails> byId = new LinkedHashMap<>();
        for (OrderDetails o : orders) {
            byId.put(o.orderId(), o);
        }
        return byId;
    }

    private static OrderDetails order(String orderId, String customerId, String name, String total, OrderStatus status) {
        BigDecimal t = new BigDecimal(total);
        boolean cancelled = status == OrderStatus.CANCELLED;
        return new OrderDetails(orderId, customerId, name, List.of(new OrderLine("BOOK-1", 1, t)), t, status, AT,
                null, null, cancelled ? AT : null, cancelled ? "changed mind" : null);
    }
}
