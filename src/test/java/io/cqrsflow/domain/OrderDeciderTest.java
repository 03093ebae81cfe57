package io.cqrsflow.domain;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.util.List;

import static io.cqrsflow.domain.DeciderFixture.given;
import static io.cqrsflow.domain.DeciderFixture.line;
import static io.cqrsflow.domain.DeciderFixture.oneBook;
import static io.cqrsflow.domain.DeciderFixture.placeOrder;
import static io.cqrsflow.domain.DeciderFixture.placed;
import static io.cqrsflow.domain.DeciderFixture.registered;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Given / when / then for every rule of the order decider.
 *
 * <p>Longer than 300 lines on purpose: one given/when/then case per rule and per status move, read as a
 * table of the rules.
 */
class OrderDeciderTest {

    @Nested
    class PlacingAnOrder {

        @Test
        void places_an_order_for_a_registered_customer() {
            given(registered("c-1"))
                    .when(new PlaceOrder("o-1", "c-1", oneBook()))
                    .then(new OrderPlaced("o-1", "c-1", oneBook(), new BigDecimal("25.00")));
        }

        @Test
        void totals_exactly_in_decimal_money() {
            OrderPlaced placed = (OrderPlaced) accepted(given(registered("c-1"))
                    .when(placeOrder("o-1", "c-1", line("BOOK-1", 2, "12.50"), line("PEN-1", 3, "0.10"))))
                    .get(0);

            // Exactly 25.30: same value and same scale, no binary floating point on the way.
            assertThat(placed.total()).isEqualTo(new BigDecimal("25.30"));
            assertThat(placed.total().toPlainString()).isEqualTo("25.30");
        }

        @Test
        void a_free_item_is_allowed() {
            given(registered("c-1"))
                    .when(placeOrder("o-1", "c-1", line("GIFT", 1, "0.00")))
                    .then(new OrderPlaced("o-1", "c-1", List.of(line("GIFT", 1, "0.00")), new BigDecimal("0.00")));
        }

        @Test
        void a_new_order_is_pending() {
            OrderState state = given(registered("c-1")).when(new PlaceOrder("o-1", "c-1", oneBook())).orderStateAfter();

            assertThat(state.status()).isEqualTo(OrderStatus.PENDING);
            assertThat(state.customerId()).isEqualTo("c-1");
            assertThat(state.items()).isEqualTo(oneBook());
            assertThat(state.total()).isEqualTo(new BigDecimal("25.00"));
        }

        @ParameterizedTest
        @NullSource
        @ValueSource(strings = {"", "  "})
        void rejects_a_blank_order_id(String orderId) {
            given(registered("c-1"))
                    .when(new PlaceOrder(orderId, "c-1", oneBook()))
                    .thenRejected(Rule.BLANK_ID, "without an order id");
        }

        @Test
        void rejects_an_order_id_that_is_taken() {
            given(registered("c-1"), placed("o-1", "c-1"))
                    .when(new PlaceOrder("o-1", "c-1", oneBook()))
                    .thenRejected(Rule.ORDER_ID_TAKEN, "o-1", "already taken");
        }

        @Test
        void an_order_id_stays_taken_after_cancellation() {
            given(registered("c-1"), placed("o-1", "c-1"), new OrderCancelled("o-1", "oops"))
                    .when(new PlaceOrder("o-1", "c-1", oneBook()))
                    .thenRejected(Rule.ORDER_ID_TAKEN, "o-1");
        }

        @Test
        void rejects_an_unknown_customer_and_names_both_ids() {
            given(registered("c-2"))
                    .when(new PlaceOrder("o-1", "c-1", oneBook()))
                    .thenRejected(Rule.UNKNOWN_CUSTOMER, "o-1", "c-1", "not registered");
        }

        @Test
        void rejects_a_missing_customer_id() {
            given(registered("c-1"))
                    .when(new PlaceOrder("o-1", null, oneBook()))
                    .thenRejected(Rule.UNKNOWN_CUSTOMER, "o-1");
        }

        @Test
        void rejects_an_order_without_items() {
            given(registered("c-1"))
                    .when(new PlaceOrder("o-1", "c-1", List.of()))
                    .thenRejected(Rule.NO_ITEMS, "o-1", "no items");
            given(registered("c-1"))
                    .when(new PlaceOrder("o-1", "c-1", null))
                    .thenRejected(Rule.NO_ITEMS, "o-1");
        }

        @ParameterizedTest
        @NullSource
        @ValueSource(strings = {"", " "})
        void rejects_an_item_without_a_sku(String sku) {
            given(registered("c-1"))
                    .when(placeOrder("o-1", "c-1", line("BOOK-1", 1, "1.00"), new OrderLine(sku, 1, BigDecimal.ONE)))
                    .thenRejected(Rule.BLANK_SKU, "o-1", "no SKU");
        }

        @ParameterizedTest
        @ValueSource(ints = {0, -1, Integer.MIN_VALUE})
        void rejects_a_quantity_below_one_and_names_the_item(int quantity) {
            given(registered("c-1"))
                    .when(placeOrder("o-1", "c-1", line("BOOK-1", 1, "1.00"), line("PEN-1", quantity, "0.10")))
                    .thenRejected(Rule.QUANTITY_BELOW_ONE, "o-1", "PEN-1", "quantity " + quantity, "at least 1");
        }

        @Test
        void rejects_a_negative_price_and_names_the_item_and_price() {
            given(registered("c-1"))
                    .when(placeOrder("o-1", "c-1", line("PEN-1", 1, "-0.01")))
                    .thenRejected(Rule.NEGATIVE_PRICE, "o-1", "PEN-1", "-0.01");
        }

        @Test
        void rejects_a_missing_price() {
            given(registered("c-1"))
                    .when(placeOrder("o-1", "c-1", new OrderLine("PEN-1", 1, null)))
                    .thenRejected(Rule.NEGATIVE_PRICE, "o-1", "PEN-1");
        }

        @Test
        void checks_the_order_id_before_the_customer() {
            given(placed("o-1", "c-1"))
                    .when(new PlaceOrder("o-1", "c-unknown", oneBook()))
                    .thenRejected(Rule.ORDER_ID_TAKEN, "o-1");
        }

        @Test
        void the_command_keeps_its_own_copy_of_the_items() {
            var items = new java.util.ArrayList<>(oneBook());
            PlaceOrder command = new PlaceOrder("o-1", "c-1", items);
            items.clear();

            assertThat(command.items()).isEqualTo(oneBook());
        }
    }

    @Nested
    class PayingAnOrder {

        @Test
        void pays_a_pending_order() {
            var when = given(registered("c-1"), placed("o-1", "c-1"))
                    .when(new PayOrder("o-1"))
                    .then(new OrderPaid("o-1"));

            assertThat(when.orderStateAfter().status()).isEqualTo(OrderStatus.PAID);
        }

        @Test
        void rejects_an_unknown_order() {
            given(registered("c-1"), placed("o-2", "c-1"))
                    .when(new PayOrder("o-1"))
                    .thenRejected(Rule.UNKNOWN_ORDER, "cannot pay order o-1", "no such order");
        }

        @Test
        void rejects_paying_twice() {
            given(placed("o-1", "c-1"), new OrderPaid("o-1"))
                    .when(new PayOrder("o-1"))
                    .thenRejected(Rule.NOT_PENDING, "o-1", "it is paid, not pending");
        }

        @Test
        void rejects_paying_a_shipped_order() {
            given(placed("o-1", "c-1"), new OrderPaid("o-1"), new OrderShipped("o-1"))
                    .when(new PayOrder("o-1"))
                    .thenRejected(Rule.NOT_PENDING, "o-1", "shipped");
        }

        @Test
        void rejects_paying_a_cancelled_order() {
            given(placed("o-1", "c-1"), new OrderCancelled("o-1", "changed mind"))
                    .when(new PayOrder("o-1"))
                    .thenRejected(Rule.NOT_PENDING, "o-1", "cancelled");
        }
    }

    @Nested
    class ShippingAnOrder {

        @Test
        void ships_a_paid_order() {
            var when = given(placed("o-1", "c-1"), new OrderPaid("o-1"))
                    .when(new ShipOrder("o-1"))
                    .then(new OrderShipped("o-1"));

            assertThat(when.orderStateAfter().status()).isEqualTo(OrderStatus.SHIPPED);
        }

        @Test
        void rejects_an_unknown_order() {
            given()
                    .when(new ShipOrder("o-1"))
                    .thenRejected(Rule.UNKNOWN_ORDER, "cannot ship order o-1");
        }

        @Test
        void rejects_shipping_an_unpaid_order() {
            given(placed("o-1", "c-1"))
                    .when(new ShipOrder("o-1"))
                    .thenRejected(Rule.NOT_PAID, "o-1", "it is pending, not paid");
        }

        @Test
        void rejects_shipping_twice() {
            given(placed("o-1", "c-1"), new OrderPaid("o-1"), new OrderShipped("o-1"))
                    .when(new ShipOrder("o-1"))
                    .thenRejected(Rule.NOT_PAID, "o-1", "shipped");
        }

        @Test
        void rejects_shipping_a_cancelled_order() {
            given(placed("o-1", "c-1"), new OrderPaid("o-1"), new OrderCancelled("o-1", "fraud"))
                    .when(new ShipOrder("o-1"))
                    .thenRejected(Rule.NOT_PAID, "o-1", "cancelled");
        }
    }

    @Nested
    class CancellingAnOrder {

        @Test
        void cancels_a_pending_order_with_the_reason_stripped() {
            var when = given(placed("o-1", "c-1"))
                    .when(new CancelOrder("o-1", "  changed mind "))
                    .then(new OrderCancelled("o-1", "changed mind"));

            assertThat(when.orderStateAfter().status()).isEqualTo(OrderStatus.CANCELLED);
            assertThat(when.orderStateAfter().cancelReason()).isEqualTo("changed mind");
        }

        @Test
        void cancels_a_paid_order() {
            given(placed("o-1", "c-1"), new OrderPaid("o-1"))
                    .when(new CancelOrder("o-1", "refund"))
                    .then(new OrderCancelled("o-1", "refund"));
        }

        @Test
        void a_missing_reason_becomes_empty() {
            given(placed("o-1", "c-1"))
                    .when(new CancelOrder("o-1", null))
                    .then(new OrderCancelled("o-1", ""));
        }

        @Test
        void rejects_an_unknown_order() {
            given(placed("o-2", "c-1"))
                    .when(new CancelOrder("o-1", "why not"))
                    .thenRejected(Rule.UNKNOWN_ORDER, "cannot cancel order o-1");
        }

        @Test
        void rejects_cancelling_a_shipped_order() {
            given(placed("o-1", "c-1"), new OrderPaid("o-1"), new OrderShipped("o-1"))
                    .when(new CancelOrder("o-1", "too late"))
                    .thenRejected(Rule.ALREADY_SHIPPED, "o-1", "already shipped");
        }

        @Test
        void rejects_cancelling_twice() {
            given(placed("o-1", "c-1"), new OrderCancelled("o-1", "first"))
                    .when(new CancelOrder("o-1", "second"))
                    .thenRejected(Rule.ALREADY_CANCELLED, "o-1", "already cancelled");
        }
    }

    @Nested
    class Folding {

        @Test
        void folds_the_whole_life_of_an_order() {
            OrderState state = OrderDecider.fold(List.of(placed("o-1", "c-1"), new OrderPaid("o-1"),
                    new OrderShipped("o-1")));

            assertThat(state).isEqualTo(new OrderState("o-1", "c-1", oneBook(), new BigDecimal("25.00"),
                    OrderStatus.SHIPPED, null));
        }

        @Test
        void nothing_happened_means_no_order() {
            assertThat(OrderDecider.fold(List.of())).isEqualTo(OrderState.NONE);
            assertThat(OrderDecider.initialState().exists()).isFalse();
        }

        @Test
        void ignores_customer_events() {
            OrderState before = OrderDecider.fold(List.of(placed("o-1", "c-1")));

            assertThat(OrderDecider.evolve(before, registered("c-1"))).isSameAs(before);
        }

        @Test
        void refuses_a_command_that_is_not_about_orders() {
            assertThatThrownBy(() -> OrderDecider.decide(new RegisterCustomer("c-1", "Ada"), OrderState.NONE, null))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void status_labels_are_the_lower_case_words_learners_see() {
        assertThat(OrderStatus.PENDING.label()).isEqualTo("pending");
        for (OrderStatus status : OrderStatus.values()) {
            assertThat(OrderStatus.fromLabel(status.label())).isEqualTo(status);
        }
    }

    private static List<Event> accepted(DeciderFixture.When when) {
        assertThat(when.decision()).isInstanceOf(Decision.Accepted.class);
        return ((Decision.Accepted) when.decision()).events();
    }
}
