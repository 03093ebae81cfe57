package io.cqrsflow.scenario;

import io.cqrsflow.domain.Command;
import io.cqrsflow.domain.CustomerDecider;
import io.cqrsflow.domain.CustomerState;
import io.cqrsflow.domain.Decision;
import io.cqrsflow.domain.Event;
import io.cqrsflow.domain.OrderDecider;
import io.cqrsflow.domain.PlaceOrder;
import io.cqrsflow.domain.RegisterCustomer;
import io.cqrsflow.domain.Rule;
import io.cqrsflow.domain.Streams;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The write side worked out on paper with the pure domain deciders and in-memory streams, so tests can
 * say what a scenario's commands will do without a database: accepted, rejected by which rule, or
 * refused as a conflict on the expected version.
 */
final class PaperWriteModel {

    record Outcome(String result, Rule rule) {
        static final Outcome ACCEPTED = new Outcome("accepted", null);
        static final Outcome CONFLICT = new Outcome("conflict", null);

        static Outcome rejected(Rule rule) {
            return new Outcome("rejected", rule);
        }
    }

    private final Map<String, List<Event>> streams = new HashMap<>();
    private int eventCount;

    Outcome submit(CommandStep step) {
        Command command = step.command();
        List<Event> history = stream(command.streamId());
        if (step.expectedVersion().isPresent() && step.expectedVersion().getAsLong() != history.size()) {
            return Outcome.CONFLICT;
        }
        Decision decision;
        if (command instanceof RegisterCustomer register) {
            decision = CustomerDecider.decide(register, CustomerDecider.fold(history));
        } else {
            CustomerState customer = command instanceof PlaceOrder place
                    ? CustomerDecider.fold(stream(Streams.customer(place.customerId())))
                    : null;
            decision = OrderDecider.decide(command, OrderDecider.fold(history), customer);
        }
        if (decision instanceof Decision.Rejected rejected) {
            return Outcome.rejected(rejected.rule());
        }
        List<Event> events = ((Decision.Accepted) decision).events();
        streams.computeIfAbsent(command.streamId(), id -> new ArrayList<>()).addAll(events);
        eventCount += events.size();
        return Outcome.ACCEPTED;
    }

    boolean orderExists(String orderId) {
        return OrderDecider.fold(stream(Streams.order(orderId))).exists();
    }

    boolean customerRegistered(String customerId) {
        return CustomerDecider.fold(stream(Streams.customer(customerId))).registered();
    }

    int eventCount() {
        return eventCount;
    }

    private List<Event> stream(String id) {
        return streams.getOrDefault(id, List.of());
    }
}
