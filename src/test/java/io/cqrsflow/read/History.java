package io.cqrsflow.read;

import io.cqrsflow.domain.CustomerRegistered;
import io.cqrsflow.domain.Event;
import io.cqrsflow.domain.OrderLine;
import io.cqrsflow.domain.OrderPaid;
import io.cqrsflow.domain.OrderPlaced;
import io.cqrsflow.eventstore.EventMetadata;
import io.cqrsflow.eventstore.ExpectedVersion;
import io.cqrsflow.eventstore.SqliteEventStore;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** Writes a long history into DIR/events.db quickly: one customer, then orders, every third one paid. */
public final class History {
    private History() {
    }

    /** Appends {@code orders} orders (and some payments) for customer c-1; returns the head. */
    public static long withOrders(Path dir, Clock clock, int orders) {
        try (SqliteEventStore store = SqliteEventStore.open(dir.resolve("events.db"), clock)) {
            store.append("customer-c-1", ExpectedVersion.ANY, List.of(new CustomerRegistered("c-1", "Ada Lovelace")),
                    EventMetadata.forCommand("history-customer"));
            // One append per stream would make a durable commit per order; a teaching store can hold a bulk
            // stream just as well, and every projection handles events by type, not by stream.
            List<Event> events = new ArrayList<>();
            for (int i = 1; i <= orders; i++) {
                BigDecimal price = new BigDecimal(i % 7 + 1 + ".25");
                events.add(new OrderPlaced("o-" + i, "c-1", List.of(new OrderLine("BOOK-" + i % 5, 1 + i % 3, price)),
                        price.multiply(BigDecimal.valueOf(1 + i % 3))));
                if (i % 3 == 0) {
                    events.add(new OrderPaid("o-" + i));
                }
            }
            store.append("history", ExpectedVersion.ANY, events, EventMetadata.forCommand("history-orders"));
            return store.head();
        }
    }
}
