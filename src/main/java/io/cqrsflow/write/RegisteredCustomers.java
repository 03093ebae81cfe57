package io.cqrsflow.write;

import io.cqrsflow.domain.CustomerState;

import java.util.LinkedHashMap;
import java.util.Map;

/** The customers most recently found registered, at most {@code capacity} of them (least recently used go first). */
final class RegisteredCustomers {
    private final Map<String, CustomerState> byId;

    RegisteredCustomers(int capacity) {
        this.byId = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, CustomerState> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The customer's state if known registered; null if not known (read the stream). */
    synchronized CustomerState get(String customerId) {
        return byId.get(customerId);
    }

    synchronized void put(String customerId, CustomerState state) {
        if (!state.registered()) {
            throw new IllegalArgumentException("only registered customers are kept: " + customerId);
        }
        byId.put(customerId, state);
    }
}
