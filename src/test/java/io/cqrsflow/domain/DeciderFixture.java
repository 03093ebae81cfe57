package io.cqrsflow.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Write-side tests as given / when / then (the Axon giftcard style):
 * <pre>
 * given(registered("c-1"), placed("o-1", "c-1")).when(new PayOrder("o-1")).then(new OrderPaid("o-1"));
 * given().when(new PayOrder("o-9")).thenRejected(Rule.UNKNOWN_ORDER, "o-9");
 * </pre>
 * The history is everything that has happened; like the command handler, the fixture hands each decider
 * only the streams it reads: the command's own stream, and for {@code PlaceOrder} its customer's stream.
 */
final class DeciderFixture {
    private DeciderFixture() {
    }

    static Given given(Event... history) {
        return new Given(List.of(history));
    }

    record Given(List<Event> history) {
        When when(Command command) {
            return new When(history, command, decide(history, command));
        }
    }

    record When(List<Event> history, Command command, Decision decision) {
        /** The command is accepted and produces exactly these events, in this order. */
        When then(Event... expected) {
            if (decision instanceof Decision.Rejected rejected) {
                fail("expected %s to be accepted, but it was rejected: %s (%s)",
                        command, rejected.rule(), rejected.message());
            }
            assertThat(((Decision.Accepted) decision).events()).containsExactly(expected);
            return this;
        }

        /** The command is rejected for this rule, with a message containing every fragment. */
        When thenRejected(Rule rule, String... messageFragments) {
            if (decision instanceof Decision.Accepted accepted) {
                fail("expected %s to be rejected for %s, but it was accepted with %s",
                        command, rule, accepted.events());
            }
            Decision.Rejected rejected = (Decision.Rejected) decision;
            assertThat(rejected.rule()).as("rule broken by %s", command).isEqualTo(rule);
            assertThat(rejected.message()).as("message for %s", rule).contains(messageFragments);
            return this;
        }

        /** The command's stream, after the accepted events, folds to this state. */
        OrderState orderStateAfter() {
            List<Event> stream = new ArrayList<>(streamOf(history, command.streamId()));
            stream.addAll(((Decision.Accepted) decision).events());
            return OrderDecider.fold(stream);
        }
    }

    private static Decision decide(List<Event> history, Command command) {
        List<Event> own = streamOf(history, command.streamId());
        if (command instanceof RegisterCustomer register) {
            return CustomerDecider.decide(register, CustomerDecider.fold(own));
        }
        CustomerState customer = null;
        if (command instanceof PlaceOrder place && place.customerId() != null) {
            customer = CustomerDecider.fold(streamOf(history, Streams.customer(place.customerId())));
        }
        return OrderDecider.decide(command, OrderDecider.fold(own), customer);
    }

    static List<Event> streamOf(List<Event> history, String streamId) {
        return history.stream().filter(e -> streamIdOf(e).equals(streamId)).toList();
    }

    /** The stream an event belongs to, as the command handler would have appended it. */
    static String streamIdOf(Event event) {
        if (event instanceof CustomerRegistered registered) {
            return Streams.customer(registered.customerId());
        }
        if (event instanceof OrderPlaced placed) {
            return Streams.order(placed.orderId());
        }
        if (event instanceof OrderPaid paid) {
            return Streams.order(paid.orderId());
        }
        if (event instanceof OrderShipped shipped) {
            return Streams.order(shipped.orderId());
        }
        if (event instanceof OrderCancelled cancelled) {
            return Streams.order(cancelled.orderId());
        }
        throw new IllegalArgumentException("no stream known for " + event);
    }

    // Building blocks that keep the tests in the domain's words.

    static CustomerRegistered registered(String customerId) {
        return new CustomerRegistered(customerId, "Ada Lovelace");
    }

    static OrderLine line(String sku, int quantity, String unitPrice) {
        return new OrderLine(sku, quantity, new BigDecimal(unitPrice));
    }

    static List<OrderLine> oneBook() {
        return List.of(line("BOOK-1", 2, "12.50"));
    }

    static OrderPlaced placed(String orderId, String customerId) {
        return new OrderPlaced(orderId, customerId, oneBook(), new BigDecimal("25.00"));
    }

    static PlaceOrder placeOrder(String orderId, String customerId, OrderLine... lines) {
        return new PlaceOrder(orderId, customerId, Arrays.asList(lines));
    }
}
