package io.cqrsflow.load;

import io.cqrsflow.domain.CancelOrder;
import io.cqrsflow.domain.PayOrder;
import io.cqrsflow.domain.PlaceOrder;
import io.cqrsflow.domain.RegisterCustomer;
import io.cqrsflow.domain.ShipOrder;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The generator's commands: the same for a seed, a shop's mix, invalid and stale ones included. */
class LoadMixTest {

    private static List<LoadMix.Next> take(long seed, int n) {
        LoadMix mix = new LoadMix(seed, "t-");
        List<LoadMix.Next> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(mix.next());
        }
        return out;
    }

    @Test
    void theSameSeedGivesTheSameCommandsAndAnotherSeedOthers() {
        assertThat(take(42, 2_000)).isEqualTo(take(42, 2_000));
        assertThat(take(43, 200)).isNotEqualTo(take(42, 200));
    }

    @Test
    void theMixHasEveryKindInRoughlyItsShare() {
        Map<LoadMix.Kind, Integer> counts = new EnumMap<>(LoadMix.Kind.class);
        List<LoadMix.Next> commands = take(7, 10_000);
        commands.forEach(n -> counts.merge(n.kind(), 1, Integer::sum));
        assertThat(counts.keySet()).containsExactlyInAnyOrder(LoadMix.Kind.values());
        assertThat(commands.get(0).command().command()).as("a customer before any order").isInstanceOf(RegisterCustomer.class);
        assertThat(counts.get(LoadMix.Kind.PLACE)).isBetween(2_500, 3_800);
        assertThat(counts.get(LoadMix.Kind.INVALID)).isBetween(900, 1_500);
        assertThat(counts.get(LoadMix.Kind.CONFLICT)).isBetween(600, 1_000);
        assertThat(commands).filteredOn(n -> n.kind() == LoadMix.Kind.CONFLICT)
                .allSatisfy(n -> assertThat(n.command().expectedVersion()).isPresent());
        assertThat(commands).filteredOn(n -> n.kind() != LoadMix.Kind.CONFLICT)
                .allSatisfy(n -> assertThat(n.command().expectedVersion()).isEmpty());
        assertThat(commands).extracting(n -> (Object) n.command().command().getClass()).contains(RegisterCustomer.class,
                PlaceOrder.class, PayOrder.class, ShipOrder.class, CancelOrder.class);
    }

    @Test
    void aPaymentIsForAnOrderItPlacedAndAShipmentForOneItPaid() {
        List<String> placed = new ArrayList<>();
        List<String> paidIds = new ArrayList<>();
        for (LoadMix.Next n : take(3, 3_000)) {
            if (n.kind() == LoadMix.Kind.PLACE) {
                placed.add(((PlaceOrder) n.command().command()).orderId());
            } else if (n.kind() == LoadMix.Kind.PAY) {
                String id = ((PayOrder) n.command().command()).orderId();
                assertThat(placed).contains(id);
                paidIds.add(id);
            } else if (n.kind() == LoadMix.Kind.SHIP) {
                assertThat(paidIds).contains(((ShipOrder) n.command().command()).orderId());
            }
        }
        assertThat(placed).allSatisfy(id -> assertThat(id).startsWith("t-o-"));
    }
}
