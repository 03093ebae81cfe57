package io.cqrsflow.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.List;

import static io.cqrsflow.domain.DeciderFixture.given;
import static io.cqrsflow.domain.DeciderFixture.line;
import static io.cqrsflow.domain.DeciderFixture.placeOrder;
import static io.cqrsflow.domain.DeciderFixture.placed;
import static io.cqrsflow.domain.DeciderFixture.registered;
import static org.assertj.core.api.Assertions.assertThat;

/** The limits at their edges: the largest value accepted, the next one rejected under its own rule. */
class LimitsTest {

    @Test
    void theLargestPriceQuantityAndItemCountAreAcceptedWhileTheTotalFits() {
        given(registered("c-1"))
                .when(placeOrder("o-1", "c-1", line("A", 1, "999999999999.99")))
                .then(new OrderPlaced("o-1", "c-1", List.of(line("A", 1, "999999999999.99")),
                        new BigDecimal("999999999999.99")));
        given(registered("c-1"))
                .when(new PlaceOrder("o-1", "c-1", Collections.nCopies(100, line("A", 10_000, "0.01"))))
                .then(new OrderPlaced("o-1", "c-1", Collections.nCopies(100, line("A", 10_000, "0.01")),
                        new BigDecimal("10000.00")));
    }

    @Test
    void aPriceWrittenWithAnExponentIsStoredInPlainDigits() {
        given(registered("c-1"))
                .when(placeOrder("o-1", "c-1", line("A", 2, "1.5E+3")))
                .then(new OrderPlaced("o-1", "c-1", List.of(line("A", 2, "1500")), new BigDecimal("3000")));
    }

    @Test
    void moneyBeyondTheLimitsIsRejectedWithoutExpandingIt() {
        given(registered("c-1")).when(placeOrder("o-1", "c-1", line("A", 1, "1e999999999")))
                .thenRejected(Rule.PRICE_TOO_LARGE, "o-1", "item A", "999999999999.99");
        given(registered("c-1")).when(placeOrder("o-1", "c-1", line("A", 1, "1000000000000")))
                .thenRejected(Rule.PRICE_TOO_LARGE, "13 digits before the point");
        given(registered("c-1")).when(placeOrder("o-1", "c-1", line("A", 1, "12.500")))
                .thenRejected(Rule.PRICE_TOO_PRECISE, "3 digits after the point");
        given(registered("c-1")).when(placeOrder("o-1", "c-1", line("A", 1, "-1e1001")))
                .thenRejected(Rule.NEGATIVE_PRICE, "o-1");
    }

    @Test
    void aTotalAboveTheLargestAmountIsRejectedEvenWhenEveryPriceFits() {
        given(registered("c-1"))
                .when(placeOrder("o-1", "c-1", line("A", 1, "999999999999.99"), line("B", 1, "0.01")))
                .thenRejected(Rule.TOTAL_TOO_LARGE, "o-1", "1000000000000.00");
    }

    @Test
    void quantityAndItemCountHaveUpperBounds() {
        given(registered("c-1")).when(placeOrder("o-1", "c-1", line("A", 10_001, "1")))
                .thenRejected(Rule.QUANTITY_TOO_LARGE, "item A", "10001", "10000");
        given(registered("c-1")).when(new PlaceOrder("o-1", "c-1", Collections.nCopies(101, line("A", 1, "1"))))
                .thenRejected(Rule.TOO_MANY_ITEMS, "o-1", "101 items");
    }

    @Test
    void textOfTwoHundredCharactersIsAcceptedAndOneMoreIsNot() {
        String longest = "c".repeat(200);
        given().when(new RegisterCustomer(longest, "n".repeat(200)))
                .then(new CustomerRegistered(longest, "n".repeat(200)));
        given().when(new RegisterCustomer("c-1", "n".repeat(201)))
                .thenRejected(Rule.TEXT_TOO_LONG, "c-1", "the name has 201 characters");
        given().when(new RegisterCustomer("c".repeat(201), "Ada"))
                .thenRejected(Rule.TEXT_TOO_LONG, "the id has 201 characters");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Ada\u001b[2J", "Ada\rBob", "Ada\u0000", "Ada\nBob", "Ada\u2028Bob", "Ada\u0085Bob"})
    void controlCharactersInANameAreRejectedAndShownEscaped(String name) {
        given().when(new RegisterCustomer("c-1", name))
                .thenRejected(Rule.TEXT_NOT_PRINTABLE, "c-1", "the name contains the control character \\u");
    }

    @Test
    void unpairedSurrogatesAreRejectedSoDistinctIdsCannotCollide() {
        given(registered("c-?")).when(new RegisterCustomer("c-\uD800", "Ada"))
                .thenRejected(Rule.TEXT_NOT_PRINTABLE, "c-\\ud800", "unpaired surrogate");
        given(registered("c-1")).when(placeOrder("o-\uDC00", "c-1", line("A", 1, "1")))
                .thenRejected(Rule.TEXT_NOT_PRINTABLE, "the order id");
        given(placed("o-?", "c-1")).when(new PayOrder("o-\uD800"))
                .thenRejected(Rule.TEXT_NOT_PRINTABLE, "cannot pay order o-\\ud800");
        given(placed("o-1", "c-1")).when(new CancelOrder("o-1", "why\uD800"))
                .thenRejected(Rule.TEXT_NOT_PRINTABLE, "the reason");
        // A pair is one character outside the basic plane, and welcome.
        given().when(new RegisterCustomer("c-1", "Ada \uD83D\uDE00"))
                .then(new CustomerRegistered("c-1", "Ada \uD83D\uDE00"));
    }

    @Test
    void rightToLeftMarksAreTextAndStayAllowed() {
        given().when(new RegisterCustomer("c-1", "Ada \u202Eecalevol"))
                .then(new CustomerRegistered("c-1", "Ada \u202Eecalevol"));
    }

    @Test
    void aSkuAndACustomerIdAreCheckedToo() {
        given(registered("c-1")).when(placeOrder("o-1", "c-1", line("A\u0007", 1, "1")))
                .thenRejected(Rule.TEXT_NOT_PRINTABLE, "the SKU");
        given().when(placeOrder("o-1", "c".repeat(300), line("A", 1, "1")))
                .thenRejected(Rule.TEXT_TOO_LONG, "the customer id has 300 characters");
    }

    @Test
    void fitsMoneyAnswersAtOnceForAnAbsurdExponent() {
        assertThat(Limits.fitsMoney(new BigDecimal("1e999999999"))).isFalse();
        assertThat(Limits.fitsMoney(new BigDecimal("1e-999999999"))).isFalse();
        assertThat(Limits.fitsMoney(new BigDecimal("0.10"))).isTrue();
    }
}
