package io.cqrsflow.ui;

import io.cqrsflow.domain.CustomerRegistered;
import io.cqrsflow.domain.OrderPlaced;
import io.cqrsflow.eventstore.RecordedEvent;
import io.cqrsflow.flow.FlowClient;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the window knows of the event log without asking a read model: the latest registered customers, the
 * version of the streams written last, the type of recent events, and the next free "o-N" / "c-N" ids to
 * suggest. Filled once from history (a scan on the query thread) and then kept up by each appended event;
 * each is bounded, so a store of any size costs the same. FX thread.
 */
final class KnownIds {
    static final int TYPES_KEPT = 20_000;
    /** Customers kept for the forms' suggestions: the last registered. */
    static final int CUSTOMERS_KEPT = 5_000;
    /** Stream versions kept: those of the streams written last (an order being decided on is among them). */
    static final int VERSIONS_KEPT = 20_000;
    private static final int PAGE = 2_000;
    private static final Pattern NUMBERED = Pattern.compile("^[a-z]+-(\\d+)$");

    /** The customers as the forms show them: set from {@link #kept} when {@link #publish published}. */
    private final ObservableList<FlowModel.Customer> customers = FXCollections.observableArrayList();
    private final java.util.LinkedHashMap<String, FlowModel.Customer> kept = new java.util.LinkedHashMap<>();
    private final Map<String, Long> streamVersions = latest(VERSIONS_KEPT);
    private final javafx.beans.property.ReadOnlyLongWrapper versionsRevision = new javafx.beans.property.ReadOnlyLongWrapper();
    private boolean customersChanged;
    private boolean versionsChanged;
    private final NavigableMap<Long, String> typesByPosition = new TreeMap<>();
    private int highestOrderNumber;
    private int highestCustomerNumber;

    ObservableList<FlowModel.Customer> customers() {
        return customers;
    }

    /** Up to date at once; {@link #versionsRevision} says when to look again. */
    Map<String, Long> streamVersions() {
        return streamVersions;
    }

    /** Goes up when a {@link #publish} brought new stream versions. */
    javafx.beans.property.ReadOnlyLongProperty versionsRevision() {
        return versionsRevision.getReadOnlyProperty();
    }

    /** A customer among those kept, or null. */
    FlowModel.Customer customer(String id) {
        return kept.get(id);
    }

    /** Whether something changed that the forms have not been told. */
    boolean unpublished() {
        return customersChanged || versionsChanged;
    }

    /**
     * Tells the forms what changed since the last call, in one change each — the customer list set once, the
     * versions' revision moved once — however many events came between: under load the window calls this a
     * few times a second, not once per event.
     */
    void publish() {
        if (customersChanged) {
            customersChanged = false;
            customers.setAll(kept.values());
        }
        if (versionsChanged) {
            versionsChanged = false;
            versionsRevision.set(versionsRevision.get() + 1);
        }
    }

    String typeAt(long position) {
        return typesByPosition.get(position);
    }

    String nextOrderId() {
        return "o-" + (highestOrderNumber + 1);
    }

    String nextCustomerId() {
        return "c-" + (highestCustomerNumber + 1);
    }

    /** An event just appended. */
    void appended(RecordedEvent e) {
        typesByPosition.put(e.position(), e.type());
        trimTypes();
        noteVersion(e.streamId(), e.streamVersion());
        if (e.event() instanceof CustomerRegistered r) {
            addCustomer(new FlowModel.Customer(r.customerId(), r.name()));
            noteId(r.customerId());
        } else if (e.event() instanceof OrderPlaced p) {
            noteId(p.orderId());
        }
    }

    /** Remembers an id the user just used, so the next suggestion moves on before its event arrives. */
    void noteId(String id) {
        Matcher m = NUMBERED.matcher(id);
        if (!m.matches() || m.group(1).length() > 9) {
            return;
        }
        int n = Integer.parseInt(m.group(1));
        if (id.startsWith("o-")) {
            highestOrderNumber = Math.max(highestOrderNumber, n);
        } else if (id.startsWith("c-")) {
            highestCustomerNumber = Math.max(highestCustomerNumber, n);
        }
    }

    /**
     * Reads the whole log a page at a time through the client (on the query thread) and completes with
     * what it found; apply it with {@link #merge} on the FX thread.
     */
    static CompletionStage<History> scan(FlowClient client) {
        return scanFrom(client, 0, new History());
    }

    private static CompletionStage<History> scanFrom(FlowClient client, long after, History found) {
        return client.readEvents(after, PAGE).thenCompose(page -> {
            if (page.isEmpty()) {
                return CompletableFuture.completedFuture(found);
            }
            page.forEach(found::collect);
            return scanFrom(client, page.get(page.size() - 1).position(), found);
        });
    }

    /** Adds what a history scan found; signals delivered before it finished may already know more. */
    void merge(History history) {
        history.customers.forEach(this::addCustomer);
        highestOrderNumber = Math.max(highestOrderNumber, history.highestOrderNumber);
        highestCustomerNumber = Math.max(highestCustomerNumber, history.highestCustomerNumber);
        history.versions.forEach(this::noteVersion);
        typesByPosition.putAll(history.types);
        trimTypes();
    }

    private void noteVersion(String streamId, long version) {
        Long known = streamVersions.get(streamId);
        if (known == null || known < version) {
            streamVersions.put(streamId, version);
            versionsChanged = true;
        }
    }

    private void addCustomer(FlowModel.Customer c) {
        if (!kept.containsKey(c.id())) {
            kept.put(c.id(), c);
            customersChanged = true;
            if (kept.size() > CUSTOMERS_KEPT) {
                kept.remove(kept.keySet().iterator().next());
            }
        }
    }

    /** A map that forgets the entry written or read longest ago once it holds more than {@code most}. */
    private static <K, V> Map<K, V> latest(int most) {
        return new java.util.LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > most;
            }
        };
    }

    private void trimTypes() {
        while (typesByPosition.size() > TYPES_KEPT) {
            typesByPosition.pollFirstEntry();
        }
    }

    /** What a scan of the log found, built off the FX thread. */
    static final class History {
        private final java.util.ArrayDeque<FlowModel.Customer> customers = new java.util.ArrayDeque<>();
        private int highestOrderNumber;
        private int highestCustomerNumber;
        private final TreeMap<Long, String> types = new TreeMap<>();
        private final Map<String, Long> versions = latest(VERSIONS_KEPT);
        private long last;

        private void collect(RecordedEvent e) {
            if (e.event() instanceof CustomerRegistered r) {
                customers.add(new FlowModel.Customer(r.customerId(), r.name()));
                if (customers.size() > CUSTOMERS_KEPT) {
                    customers.removeFirst();
                }
                noteNumber(r.customerId());
            } else if (e.event() instanceof OrderPlaced p) {
                noteNumber(p.orderId());
            }
            types.put(e.position(), e.type());
            if (types.size() > TYPES_KEPT) {
                types.pollFirstEntry();
            }
            versions.put(e.streamId(), e.streamVersion()); // a stream written again is the latest again
            last = Math.max(last, e.position());
        }

        private void noteNumber(String id) {
            Matcher m = NUMBERED.matcher(id);
            if (m.matches() && m.group(1).length() <= 9) {
                int n = Integer.parseInt(m.group(1));
                if (id.startsWith("o-")) {
                    highestOrderNumber = Math.max(highestOrderNumber, n);
                } else if (id.startsWith("c-")) {
                    highestCustomerNumber = Math.max(highestCustomerNumber, n);
                }
            }
        }

        /** The position of the last event scanned. */
        long last() {
            return last;
        }
    }
}
