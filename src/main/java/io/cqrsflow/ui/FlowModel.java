package io.cqrsflow.ui;

import io.cqrsflow.domain.CustomerRegistered;
import io.cqrsflow.domain.OrderPlaced;
import io.cqrsflow.eventstore.RecordedEvent;
import io.cqrsflow.flow.Engine;
import io.cqrsflow.flow.FlowSignal;
import io.cqrsflow.read.CustomerSales;
import io.cqrsflow.read.OrderDetails;
import io.cqrsflow.read.OrderSummary;
import io.cqrsflow.read.Projector;
import io.cqrsflow.read.ProjectorStatus;
import io.cqrsflow.read.QuerySource;
import io.cqrsflow.read.ReadSide;
import io.cqrsflow.read.Staleness;
import javafx.animation.AnimationTimer;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The window's view of the engine, owned by the FX thread. Engine signals arrive on background threads
 * and are queued; one {@link AnimationTimer} drains a bounded number per frame, keeps only the latest
 * status per projector, and picks up finished background reads — so the FX thread never waits and never
 * gets one {@code runLater} per event.
 */
public final class FlowModel {
    /** Most signals handed to panels in one frame; the rest wait for the next frame. */
    static final int SIGNALS_PER_FRAME = 400;
    /** How often the read models are re-read at most while events keep coming. */
    static final long READ_REFRESH_NANOS = 150_000_000L;
    private static final int TYPES_KEPT = 20_000;
    private static final Pattern NUMBERED = Pattern.compile("^[a-z]+-(\\d+)$");

    public record Customer(String id, String name) {
        @Override
        public String toString() {
            return id + " · " + name;
        }
    }

    private final Engine engine;
    private final Queue<FlowSignal> inbox = new ConcurrentLinkedQueue<>();
    private final AtomicInteger inboxSize = new AtomicInteger();
    private final Map<String, ProjectorStatus> latestStatus = new ConcurrentHashMap<>();
    private final AtomicReference<ReadModelsSnapshot> readResult = new AtomicReference<>();
    private final java.util.concurrent.atomic.AtomicBoolean readFailed = new java.util.concurrent.atomic.AtomicBoolean();
    private final AtomicReference<Runnable> startupResult = new AtomicReference<>();
    private final List<Consumer<FlowSignal>> listeners = new CopyOnWriteArrayList<>();
    private final List<Runnable> frameListeners = new CopyOnWriteArrayList<>();
    private final java.util.Set<String> earlyNotices = ConcurrentHashMap.newKeySet();
    private final Runnable unsubscribe;
    private final AnimationTimer pump;

    // properties
    private final ObservableMap<String, ProjectorStatus> statuses = FXCollections.observableMap(new LinkedHashMap<>());
    private final ReadOnlyLongWrapper head = new ReadOnlyLongWrapper(this, "head");
    private final ObservableList<Customer> customers = FXCollections.observableArrayList();
    private final ObservableList<OrderSummary> orders = FXCollections.observableArrayList();
    private final ObservableMap<String, Long> streamVersions = FXCollections.observableHashMap();
    private final ReadOnlyObjectWrapper<ReadModelsSnapshot> readModels =
            new ReadOnlyObjectWrapper<>(this, "readModels", ReadModelsSnapshot.EMPTY);
    private final DoubleProperty speed = new SimpleDoubleProperty(this, "speed", 1.0);

    // FX-thread state
    private final NavigableMap<Long, String> typesByPosition = new TreeMap<>();
    private int highestOrderNumber;
    private int highestCustomerNumber;
    private boolean readDirty = true;
    private boolean readInFlight;
    private long lastReadStart;
    private CompletableFuture<Void> settled = new CompletableFuture<>();

    public FlowModel(Engine engine) {
        this.engine = engine;
        this.unsubscribe = engine.subscribe(this::receive);
        // Notices from opening the data folder (read.db rebuilt, and why) came before anyone subscribed.
        for (String message : engine.notices()) {
            earlyNotices.add(message);
            inbox.add(new FlowSignal.Notice(message, engine.clock().instant()));
            inboxSize.incrementAndGet();
        }
        for (Projector p : engine.readSide().projectors()) {
            latestStatus.put(p.name(), p.status());
        }
        head.set(engine.head());
        this.pump = new AnimationTimer() {
            @Override
            public void handle(long now) {
                frame(now);
            }
        };
        loadHistory();
    }

    /** Starts delivering; call on the FX thread once the view is built. */
    public void start() {
        pump.start();
    }

    public void dispose() {
        pump.stop();
        unsubscribe.run();
    }

    public Engine engine() {
        return engine;
    }

    // ---- properties

    /** The latest status of every running projector, in the order they were started. */
    public ObservableMap<String, ProjectorStatus> statuses() {
        return statuses;
    }

    public ReadOnlyLongProperty headProperty() {
        return head.getReadOnlyProperty();
    }

    /** Registered customers (from the event store, not a read model), in registration order. */
    public ObservableList<Customer> customers() {
        return customers;
    }

    /** Every order as the write model knows it now, oldest first. */
    public ObservableList<OrderSummary> orders() {
        return orders;
    }

    /**
     * The version of every stream ("order-o-1" → 2) as the appended events announced it: what the write
     * model is at now, give or take a frame. For the version a command decides on, load the stream.
     */
    public ObservableMap<String, Long> streamVersions() {
        return streamVersions;
    }

    public ReadOnlyObjectProperty<ReadModelsSnapshot> readModelsProperty() {
        return readModels.getReadOnlyProperty();
    }

    /** Animation speed: 1 is normal, 2 twice as fast. */
    public DoubleProperty speedProperty() {
        return speed;
    }

    /** The event type at a position, when known (recent events); null otherwise. */
    public String typeAt(long position) {
        return typesByPosition.get(position);
    }

    /** The engine's clock now: what "behind" figures are measured against. */
    public Instant now() {
        return engine.clock().instant();
    }

    // ---- commands

    /** Called on the FX thread with every signal, in order, at most {@value #SIGNALS_PER_FRAME} per frame. */
    public Runnable onSignal(Consumer<FlowSignal> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** Called on the FX thread once per frame, after signals were delivered. */
    public Runnable onFrame(Runnable listener) {
        frameListeners.add(listener);
        return () -> frameListeners.remove(listener);
    }

    /** Signals waiting to be delivered (a burst in progress). */
    public int backlog() {
        return inboxSize.get();
    }

    public String nextOrderId() {
        return "o-" + (highestOrderNumber + 1);
    }

    public String nextCustomerId() {
        return "c-" + (highestCustomerNumber + 1);
    }

    /** Remembers an id the user just used, so the next suggestion moves on before its event arrives. */
    public void usedId(String id) {
        noteId(id);
    }

    /** Starts showing a projector added at runtime, before its first signal arrives. */
    public void track(Projector projector) {
        latestStatus.putIfAbsent(projector.name(), projector.status());
    }

    /** Asks for the read models to be read again soon. */
    public void requestRead() {
        readDirty = true;
    }

    /**
     * Completes on the FX thread once the inbox is empty and the read models shown reflect a read that
     * started after the call — for snapshots and tests.
     */
    public CompletableFuture<Void> settle() {
        if (settled.isDone()) {
            settled = new CompletableFuture<>();
        }
        readDirty = true;
        return settled;
    }

    // ---- background side

    private void receive(FlowSignal signal) {
        if (signal instanceof FlowSignal.LagChanged lag) {
            latestStatus.merge(lag.status().name(), lag.status(),
                    (old, neu) -> neu.at().isBefore(old.at()) ? old : neu);
            return;
        }
        if (signal instanceof FlowSignal.Notice notice && earlyNotices.remove(notice.message())) {
            return; // already queued from engine.notices()
        }
        inbox.add(signal);
        inboxSize.incrementAndGet();
    }

    private void loadHistory() {
        engine.query(readSide -> scanHistory(engine::readEvents)).thenAccept(startupResult::set);
    }

    private interface Pager {
        List<RecordedEvent> readAll(long after, int limit);
    }

    private Runnable scanHistory(Pager store) {
        List<Customer> found = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        TreeMap<Long, String> types = new TreeMap<>();
        Map<String, Long> versions = new java.util.HashMap<>();
        long after = 0;
        while (true) {
            List<RecordedEvent> page = store.readAll(after, 2_000);
            if (page.isEmpty()) {
                break;
            }
            for (RecordedEvent e : page) {
                collect(e, found, ids);
                types.put(e.position(), e.type());
                versions.merge(e.streamId(), e.streamVersion(), Math::max);
                if (types.size() > TYPES_KEPT) {
                    types.pollFirstEntry();
                }
            }
            after = page.get(page.size() - 1).position();
        }
        return () -> {
            for (Customer c : found) {
                addCustomer(c);
            }
            ids.forEach(this::noteId);
            // signals delivered before this scan finished may already know a later version
            versions.forEach(this::noteVersion);
            typesByPosition.putAll(types);
            trimTypes();
        };
    }

    private static void collect(RecordedEvent e, List<Customer> customers, List<String> ids) {
        if (e.event() instanceof CustomerRegistered r) {
            customers.add(new Customer(r.customerId(), r.name()));
            ids.add(r.customerId());
        } else if (e.event() instanceof OrderPlaced p) {
            ids.add(p.orderId());
        }
    }

    private static ReadModelsSnapshot read(ReadSide side) {
        var q = side.queries();
        List<OrderSummary> list = q.listOrders(QuerySource.READ_MODEL);
        List<OrderDetails> details = q.allDetails();
        Map<String, OrderDetails> truth = q.writeModel().allOrders();
        List<CustomerSales> sales = side.sales().all();
        return new ReadModelsSnapshot(list, details, truth, Staleness.ofList(list, truth),
                Staleness.ofDetails(details, truth), sales, Staleness.ofSales(sales, truth));
    }

    // ---- FX side

    private void frame(long now) {
        Runnable startup = startupResult.getAndSet(null);
        if (startup != null) {
            startup.run();
        }
        for (int i = 0; i < SIGNALS_PER_FRAME; i++) {
            FlowSignal s = inbox.poll();
            if (s == null) {
                break;
            }
            inboxSize.decrementAndGet();
            deliver(s);
        }
        for (Map.Entry<String, ProjectorStatus> e : latestStatus.entrySet()) {
            ProjectorStatus shown = statuses.get(e.getKey());
            if (shown != e.getValue()) {
                if (shown == null || shown.checkpoint() != e.getValue().checkpoint()) {
                    // a rebuild empties a read model without applying anything: read it again
                    readDirty = true;
                }
                statuses.put(e.getKey(), e.getValue());
                head.set(Math.max(head.get(), e.getValue().head()));
            }
        }
        if (readFailed.getAndSet(false)) {
            // Keep showing the last good picture and try again (reads are throttled per frame).
            readInFlight = false;
            readDirty = true;
        }
        ReadModelsSnapshot read = readResult.getAndSet(null);
        if (read != null) {
            readInFlight = false;
            showRead(read);
            if (!readDirty && inbox.isEmpty() && !settled.isDone()) {
                settled.complete(null);
            }
        }
        if (readDirty && !readInFlight && now - lastReadStart >= READ_REFRESH_NANOS) {
            readDirty = false;
            readInFlight = true;
            lastReadStart = now;
            // On the query thread: only hand the result over; the FX thread decides what to do with it.
            engine.query(FlowModel::read).whenComplete((r, failure) -> {
                if (r != null) {
                    readResult.set(r);
                } else {
                    readFailed.set(true);
                }
            });
        }
        for (Runnable r : frameListeners) {
            r.run();
        }
    }

    private void deliver(FlowSignal s) {
        if (s instanceof FlowSignal.EventAppended appended) {
            RecordedEvent e = appended.event();
            head.set(Math.max(head.get(), e.position()));
            typesByPosition.put(e.position(), e.type());
            trimTypes();
            noteVersion(e.streamId(), e.streamVersion());
            List<Customer> found = new ArrayList<>();
            List<String> ids = new ArrayList<>();
            collect(e, found, ids);
            found.forEach(this::addCustomer);
            ids.forEach(this::noteId);
            readDirty = true;
        } else if (s instanceof FlowSignal.EventApplied) {
            readDirty = true;
        }
        for (Consumer<FlowSignal> l : listeners) {
            l.accept(s);
        }
    }

    private void showRead(ReadModelsSnapshot read) {
        readModels.set(read);
        List<OrderSummary> truth = new ArrayList<>();
        for (OrderDetails d : read.truth().values()) {
            truth.add(d.summary());
        }
        truth.sort(java.util.Comparator.comparing(OrderSummary::placedAt).thenComparing(OrderSummary::orderId));
        if (!truth.equals(orders)) {
            orders.setAll(truth);
        }
    }

    private void noteVersion(String streamId, long version) {
        Long known = streamVersions.get(streamId);
        if (known == null || known < version) {
            streamVersions.put(streamId, version);
        }
    }

    private void addCustomer(Customer c) {
        for (Customer known : customers) {
            if (known.id().equals(c.id())) {
                return;
            }
        }
        customers.add(c);
    }

    private void noteId(String id) {
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

    private void trimTypes() {
        while (typesByPosition.size() > TYPES_KEPT) {
            typesByPosition.pollFirstEntry();
        }
    }
}
