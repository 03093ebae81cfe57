package io.cqrsflow.scenario;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DidYouMeanTest {
    private static final List<String> ITEM_FIELDS = List.of("sku", "quantity", "unitPrice");

    @Test
    void findsTheNameDespiteCapitalisationTyposOrAMissingPart() {
        // then
        assertThat(DidYouMean.closest("orderID", List.of("type", "orderId", "reason"))).contains("orderId");
        assertThat(DidYouMean.closest("quantiy", ITEM_FIELDS)).contains("quantity");
        assertThat(DidYouMean.closest("price", ITEM_FIELDS)).contains("unitPrice");
        assertThat(DidYouMean.closest("delay", List.of("projector", "delayMs"))).contains("delayMs");
    }

    @Test
    void suggestsNothingWhenNothingIsClose() {
        // then
        assertThat(DidYouMean.closest("qty", ITEM_FIELDS)).isEmpty();
        assertThat(DidYouMean.closest("ShipIt", CommandReader.TYPES)).isEmpty();
    }

    @Test
    void distanceCountsSingleCharacterEdits() {
        // then
        assertThat(DidYouMean.distance("kitten", "sitting")).isEqualTo(3);
        assertThat(DidYouMean.distance("", "abc")).isEqualTo(3);
        assertThat(DidYouMean.distance("same", "same")).isZero();
    }
}
