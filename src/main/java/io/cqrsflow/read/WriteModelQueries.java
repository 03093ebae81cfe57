package io.cqrsflow.read;

import io.cqrsflow.domain.OrderPlaced;
import io.cqrsflow.domain.Streams;
import io.cqrsflow.eventstore.EventStore;
import io.cqrsflow.eventstore.RecordedEvent;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The same three queries answered from the write model: by folding the streams in events.db, so the
 * answer is the truth as of the last committed event ("read your own writes"), at the cost of reading
 * the log instead of a table shaped for the question.
 */
public final class WriteModelQueries {
    private static final Comparator<OrderSummary> BY_PLACED =
            Comparator.comparing(OrderSummary::placedAt).thenComparing(OrderSummary::orderId);

    private final EventStore store;
    private final WriteModelFold everything = new WriteModelFold();

    public WriteModelQueries(EventStore store) {
        this.store = store;
    }

    /** Folds the order's stream, and its customer's stream for the name. */
    public Optional<OrderDetails> orderById(String orderId) {
        List<RecordedEvent> orderStream = store.readStream(Streams.order(orderId));
        if (orderStream.isEmpty()) {
            return Optional.empty();
        }
        WriteModelFold fold = new WriteModelFold();
        if (orderStream.get(0).event() instanceof OrderPlaced placed) {
            store.readStream(Streams.customer(placed.customerId())).forEach(fold::apply);
        }
        orderStream.forEach(fold::apply);
        return Optional.ofNullable(fold.order(orderId));
    }

    public List<OrderSummary> listOrders() {
        List<OrderSummary> rows = new ArrayList<>();
        for (OrderDetails d : allOrders().values()) {
            rows.add(d.summary());
        }
        rows.sort(BY_PLACED);
        return rows;
    }

    public List<OrderSummary> ordersForCustomer(String customerId) {
        List<OrderSummary> rows = new ArrayList<>();
        for (OrderDetails d : allOrders().values()) {
            if (d.customerId().equals(customerId)) {
                rows.add(d.summary());
            }
        }
        rows.sort(BY_PLACED);
        return rows;
    }

    /**
     * Every order's current truth. Folds only the events appended since the last call (the log is
     * append-only, so what was folded stays true).
     */
    public synchronized Map<String, OrderDetails> allOrders() {
        return truth().orders();
    }

    /** Every order's current truth, and the position of the last event it folds. */
    public record Truth(Map<String, OrderDetails> orders, long position) {
    }

    /** {@link #allOrders()} with the position it is true at: what "events behind" is measured against. */
    public synchronized Truth truth() {
        long head = store.head();
        while (everything.position() < head) {
            List<RecordedEvent> batch = store.readAll(everything.position(), 5_000);
            if (batch.isEmpty()) {
                break;
            }
            batch.forEach(everything::apply);
        }
        return new Truth(new LinkedHashMap<>(everything.orders()), everything.position());
    }
}
