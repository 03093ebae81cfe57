package io.cqrsflow.write;

import io.cqrsflow.domain.Command;
import io.cqrsflow.domain.CustomerDecider;
import io.cqrsflow.domain.CustomerState;
import io.cqrsflow.domain.Decision;
import io.cqrsflow.domain.Event;
import io.cqrsflow.domain.OrderDecider;
import io.cqrsflow.domain.OrderState;
import io.cqrsflow.domain.PlaceOrder;
import io.cqrsflow.domain.RegisterCustomer;
import io.cqrsflow.domain.Streams;
import io.cqrsflow.eventstore.ConcurrencyConflict;
import io.cqrsflow.eventstore.EventMetadata;
import io.cqrsflow.eventstore.EventStore;
import io.cqrsflow.eventstore.RecordedEvent;

import java.util.ArrayList;
import java.util.List;

/**
 * The write side: load the command's stream, fold it, decide, append with the expected version.
 * {@code PlaceOrder} also reads its customer's stream — the write model, never a read model.
 */
public final class CommandHandler {
    private final EventStore store;
    /**
     * Customers known to be registered. A registration is for good — the log is append-only and a second
     * {@code RegisterCustomer} for the same id is rejected — and an order needs nothing of its customer but
     * that, so an order for a customer seen before skips reading and folding the customer's stream.
     */
    private final RegisteredCustomers registered = new RegisteredCustomers(10_000);

    public CommandHandler(EventStore store) {
        this.store = store;
    }

    public CommandResult handle(CommandEnvelope envelope) {
        Command command = envelope.command();
        List<RecordedEvent> stream = store.readStream(command.streamId());
        long loadedVersion = stream.isEmpty() ? 0 : stream.get(stream.size() - 1).streamVersion();
        long expected = envelope.expectedVersion().orElse(loadedVersion);
        if (expected != loadedVersion) {
            // The user decided on an older version than the one just loaded: someone else wrote first.
            return new CommandResult.Conflict(envelope, command.streamId(), expected, loadedVersion);
        }
        Decision decision = decide(command, events(stream));
        if (decision instanceof Decision.Rejected rejected) {
            return new CommandResult.Rejected(envelope, rejected.rule(), rejected.message());
        }
        List<Event> events = ((Decision.Accepted) decision).events();
        EventMetadata metadata = new EventMetadata(envelope.commandId(), envelope.correlationId(), envelope.causationId());
        try {
            return new CommandResult.Accepted(envelope, store.append(command.streamId(), expected, events, metadata));
        } catch (ConcurrencyConflict conflict) {
            return new CommandResult.Conflict(envelope, conflict.streamId(), conflict.expectedVersion(),
                    conflict.actualVersion());
        }
    }

    /** Loads an order's stream and folds it, exactly as {@link #handle} does before deciding. */
    public OrderAtVersion loadOrder(String orderId) {
        List<RecordedEvent> stream = store.readStream(Streams.order(orderId));
        long version = stream.isEmpty() ? 0 : stream.get(stream.size() - 1).streamVersion();
        return new OrderAtVersion(orderId, version, OrderDecider.fold(events(stream)));
    }

    private Decision decide(Command command, List<Event> history) {
        if (command instanceof RegisterCustomer register) {
            return CustomerDecider.decide(register, CustomerDecider.fold(history));
        }
        OrderState order = OrderDecider.fold(history);
        CustomerState customer = null;
        if (command instanceof PlaceOrder place && place.customerId() != null) {
            customer = registered.get(place.customerId());
            if (customer == null) {
                customer = CustomerDecider.fold(events(store.readStream(Streams.customer(place.customerId()))));
                if (customer.registered()) {
                    registered.put(place.customerId(), customer);
                }
            }
        }
        return OrderDecider.decide(command, order, customer);
    }

    private static List<Event> events(List<RecordedEvent> recorded) {
        List<Event> events = new ArrayList<>(recorded.size());
        for (RecordedEvent r : recorded) {
            events.add(r.event());
        }
        return events;
    }
}
