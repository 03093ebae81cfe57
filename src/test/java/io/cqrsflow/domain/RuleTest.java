package io.cqrsflow.domain;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static io.cqrsflow.domain.DeciderFixture.given;
import static io.cqrsflow.domain.DeciderFixture.line;
import static io.cqrsflow.domain.DeciderFixture.oneBook;
import static io.cqrsflow.domain.DeciderFixture.placeOrder;
import static io.cqrsflow.domain.DeciderFixture.placed;
import static io.cqrsflow.domain.DeciderFixture.registered;

/**
 * Every rule can actually be broken, and says so under its own name. The switch is exhaustive, so a new
 * rule does not compile here until it has an example.
 */
class RuleTest {

    @ParameterizedTest
    @EnumSource(Rule.class)
    void every_rule_has_a_command_that_breaks_it(Rule rule) {
        DeciderFixture.When when = switch (rule) {
            case BLANK_ID -> given().when(new RegisterCustomer(" ", "Ada"));
            case CUSTOMER_ID_TAKEN -> given(registered("c-1")).when(new RegisterCustomer("c-1", "Ada"));
            case BLANK_NAME -> given().when(new RegisterCustomer("c-1", ""));
            case ORDER_ID_TAKEN -> given(registered("c-1"), placed("o-1", "c-1"))
                    .when(new PlaceOrder("o-1", "c-1", oneBook()));
            case UNKNOWN_CUSTOMER -> given().when(new PlaceOrder("o-1", "c-1", oneBook()));
            case NO_ITEMS -> given(registered("c-1")).when(placeOrder("o-1", "c-1"));
            case BLANK_SKU -> given(registered("c-1")).when(placeOrder("o-1", "c-1", line("", 1, "1.00")));
            case QUANTITY_BELOW_ONE -> given(registered("c-1")).when(placeOrder("o-1", "c-1", line("A", 0, "1.00")));
            case NEGATIVE_PRICE -> given(registered("c-1")).when(placeOrder("o-1", "c-1", line("A", 1, "-1")));
            case UNKNOWN_ORDER -> given().when(new PayOrder("o-1"));
            case NOT_PENDING -> given(placed("o-1", "c-1"), new OrderPaid("o-1")).when(new PayOrder("o-1"));
            case NOT_PAID -> given(placed("o-1", "c-1")).when(new ShipOrder("o-1"));
            case ALREADY_SHIPPED -> given(placed("o-1", "c-1"), new OrderPaid("o-1"), new OrderShipped("o-1"))
                    .when(new CancelOrder("o-1", "late"));
            case ALREADY_CANCELLED -> given(placed("o-1", "c-1"), new OrderCancelled("o-1", "x"))
                    .when(new CancelOrder("o-1", "again"));
            case TEXT_TOO_LONG -> given().when(new RegisterCustomer("c-1", "A".repeat(201)));
            case TEXT_NOT_PRINTABLE -> given().when(new RegisterCustomer("c-1", "Ada\u001b[2J"));
            case TOO_MANY_ITEMS -> given(registered("c-1")).when(new PlaceOrder("o-1", "c-1",
                    java.util.Collections.nCopies(101, line("A", 1, "1.00"))));
            case QUANTITY_TOO_LARGE -> given(registered("c-1")).when(placeOrder("o-1", "c-1", line("A", 10_001, "1")));
            case PRICE_TOO_LARGE -> given(registered("c-1")).when(placeOrder("o-1", "c-1", line("A", 1, "1e1001")));
            case PRICE_TOO_PRECISE -> given(registered("c-1")).when(placeOrder("o-1", "c-1", line("A", 1, "0.0000000001")));
            case TOTAL_TOO_LARGE -> given(registered("c-1"))
                    .when(placeOrder("o-1", "c-1", line("A", 10_000, "999999999999.99")));
        };
        when.thenRejected(rule, "cannot");
    }
}
