package io.cqrsflow.ui;

import io.cqrsflow.eventstore.RecordedEvent;
import io.cqrsflow.flow.FlowClient;
import io.cqrsflow.flow.FlowSignal;
import io.cqrsflow.read.OrderDetails;
import io.cqrsflow.read.OrderSummary;
import io.cqrsflow.read.ProjectorStatus;
import io.cqrsflow.read.ReadModelsSnapshot;
import io.cqrsflow.read.RowWindow;
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
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The window's view of the engine, owned by the FX thread, and its only way to the engine: views ask
 * through {@link #client()} and listen through {@link #onSignal}. One {@link AnimationTimer} pulse per
 * frame drains the {@link SignalInbox} (a bounded number of signals), shows each projector's latest
 * status, and lets the {@link ReadModelRefresher} re-read the read models when something changed.
 * Everything it exposes is read-only; every method but {@link #client()} and {@link #backlog()} is for
 * the FX thread.
 */
public final class FlowModel {
    /** Most signals handed to panels in one frame; the rest wait for the next frame. */
    static final int SIGNALS_PER_FRAME = 400;

    public record Customer(String id, String name) {
        @Override
        public String toString() {
            return id + " · " + name;
        }
    }

    private final FlowClient client;
    private final SignalInbox inbox;
    private final KnownIds known = new KnownIds();
    private final ReadModelRefresher refresher;
    private final List<Consumer<FlowSignal>> listeners = new CopyOnWriteArrayList<>();
    private final List<Runnable> frameListeners = new CopyOnWriteArrayList<>();
    private final AnimationTimer pulse;

    // properties
    private final ObservableMap<String, ProjectorStatus> statuses = FXCollections.observableMap(new LinkedHashMap<>());
    /** The newest status each projector signalled; {@link #statuses} is these with the reading's figures. */
    private final Map<String, ProjectorStatus> signalled = new LinkedHashMap<>();
    private final ReadOnlyLongWrapper head = new ReadOnlyLongWrapper(this, "head");
    private final ObservableList<OrderSummary> orders = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<ReadModelsSnapshot> readModels =
            new ReadOnlyObjectWrapper<>(this, "readModels", ReadModelsSnapshot.EMPTY);
    private final DoubleProperty speed = new SimpleDoubleProperty(this, "speed", 1.0);
    // Read-only views, made once: an unmodifiable wrapper listens to its source weakly, so a wrapper made
    // per call would be collected with every listener a view added to it.
    private final ObservableMap<String, ProjectorStatus> statusesView = FXCollections.unmodifiableObservableMap(statuses);
    private final ObservableList<OrderSummary> ordersView = FXCollections.unmodifiableObservableList(orders);
    private final ObservableList<Customer> customersView = FXCollections.unmodifiableObservableList(known.customers());
    private final Map<String, Long> versionsView = java.util.Collections.unmodifiableMap(known.streamVersions());
    private final Map<String, OrderSummary> ordersById = new HashMap<>();
    /**
     * What keeps changing under load is drawn a few times a second, one thing per frame: the forms hear of
     * new customers and versions, a reading is shown, the views' own paced redraws (see {@link #drawInTurn}).
     */
    private final Pace.Turns turns = new Pace.Turns();
    private final Pace knownPace = Pace.busy();
    private final Pace readPace = Pace.busy();
    /** A reading that came back and waits for its turn to be shown. */
    private ReadModelsSnapshot readToShow;

    /** The rows each read-model panel wants read, by projector name (absent: its first rows). */
    private final Map<String, RowWindow> windows = new HashMap<>();
    /** Frames to paint before the history scan starts (0: started). */
    private int framesBeforeScan = 2;
    private CompletableFuture<Void> settled = CompletableFuture.completedFuture(null);
    private long settleAfterRead;

    public FlowModel(FlowClient client) {
        this.client = client;
        this.inbox = new SignalInbox(client);
        this.refresher = new ReadModelRefresher(client, this::readingCame, () -> Map.copyOf(windows));
        turns.add(readPace, () -> {
            ReadModelsSnapshot read = readToShow;
            readToShow = null;
            showRead(read);
        }, true);
        turns.add(knownPace, known::publish, true);
        head.set(client.head());
        this.pulse = new AnimationTimer() {
            @Override
            public void handle(long now) {
                frame(now);
            }
        };
        showStatuses();
    }

    /**
     * Reads the ids in the log once (a pass over every event: seconds at a million), started after the first
     * frames so that it does not compete with the window's first paint for the two cores.
     */
    private void scanHistory() {
        FxThread.whenDone(KnownIds.scan(client), (history, failure) -> {
            if (history != null) {
                known.merge(history);
                head.set(Math.max(head.get(), history.last()));
            }
        });
    }

    /** Starts delivering; call on the FX thread once the view is built. */
    public void start() {
        pulse.start();
    }

    public void dispose() {
        pulse.stop();
        inbox.close();
    }

    /** The door to the engine: every call returns a CompletionStage; bring results back with {@link FxThread}. */
    public FlowClient client() {
        return client;
    }

    // ---- properties

    /**
     * The latest status of every running projector, in the order they were started: state and delay as
     * signalled, checkpoint and "behind" as the latest {@link #readModelsProperty() reading} found them.
     */
    public ObservableMap<String, ProjectorStatus> statuses() {
        return statusesView;
    }

    public ReadOnlyLongProperty headProperty() {
        return head.getReadOnlyProperty();
    }

    /** Registered customers (from the event store, not a read model), in registration order. */
    public ObservableList<Customer> customers() {
        return customersView;
    }

    /**
     * The latest orders as the write model knows them (the last few hundred placed, as the latest reading
     * found them), oldest first: id suggestions for the forms and the query box, not a list of every order.
     */
    public ObservableList<OrderSummary> orders() {
        return ordersView;
    }

    /**
     * The version of every stream ("order-o-1" → 2) as the appended events announced it: what the write
     * model is at now, give or take a frame. For the version a command decides on, load the order. Look
     * again when {@link #versionsRevision()} moves.
     */
    public Map<String, Long> streamVersions() {
        return versionsView;
    }

    /** Moves when {@link #streamVersions()} changed: at most a few times a second under load. */
    public ReadOnlyLongProperty versionsRevision() {
        return known.versionsRevision();
    }

    /** A customer among the latest registered, or null. */
    public Customer customer(String id) {
        return known.customer(id);
    }

    /** An order among {@link #orders()}, or null. */
    public OrderSummary order(String id) {
        return ordersById.get(id);
    }

    /**
     * A view that redraws what keeps changing: {@code draw} runs in a frame once {@code pace} has a change
     * and its gap is over, taking turns with the other paced views (one per frame). {@link #settle()} waits
     * until every paced change is drawn, so a snapshot shows everything.
     */
    public void drawInTurn(Pace pace, Runnable draw) {
        turns.add(pace, draw, true);
    }

    /** As {@link #drawInTurn}, for what a snapshot need not wait for (a highlight that fades). */
    public void decorateInTurn(Pace pace, Runnable draw) {
        turns.add(pace, draw, false);
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
        return known.typeAt(position);
    }

    /** The engine's clock now: what "behind" figures are measured against. */
    public Instant now() {
        return client.clock().instant();
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

    /** Signals waiting to be delivered (a burst in progress). Any thread. */
    public int backlog() {
        return inbox.size();
    }

    public String nextOrderId() {
        return known.nextOrderId();
    }

    public String nextCustomerId() {
        return known.nextCustomerId();
    }

    /** Remembers an id the user just used, so the next suggestion moves on before its event arrives. */
    public void usedId(String id) {
        FxThread.check("usedId");
        known.noteId(id);
    }

    /** Starts showing a projector added at runtime, before its first signal arrives. */
    public void track(ProjectorStatus status) {
        inbox.offerStatus(status);
    }

    /**
     * The rows of a read model a panel shows (and a margin around them): the next readings read those, and
     * read again soon when they changed.
     */
    public void showRows(String projector, RowWindow window) {
        FxThread.check("showRows");
        if (!window.equals(windows.put(projector, window))) {
            refresher.requestRead();
        }
    }

    /** Asks for the read models to be read again soon. */
    public void requestRead() {
        refresher.requestRead();
    }

    /**
     * Completes on the FX thread once the inbox is empty and the read models shown reflect a read that
     * started after the call — for snapshots and tests.
     */
    public CompletableFuture<Void> settle() {
        FxThread.check("settle");
        if (settled.isDone()) {
            settled = new CompletableFuture<>();
        }
        settleAfterRead = refresher.nextReadNumber();
        refresher.requestRead();
        return settled;
    }

    // ---- the pulse

    private void frame(long now) {
        if (framesBeforeScan > 0 && --framesBeforeScan == 0) {
            scanHistory();
        }
        inbox.drain(SIGNALS_PER_FRAME, this::deliver);
        if (known.unpublished()) {
            knownPace.changed();
        }
        showStatuses();
        turns.frame(now);
        refresher.frame(now);
        if (!settled.isDone() && inbox.isEmpty() && !refresher.isDirty() && !refresher.isInFlight()
                && refresher.completedReads() >= settleAfterRead && !turns.pending()) {
            settled.complete(null);
        }
        for (Runnable r : frameListeners) {
            r.run();
        }
    }

    private void showStatuses() {
        boolean changed = false;
        for (Map.Entry<String, ProjectorStatus> e : inbox.latestStatuses().entrySet()) {
            ProjectorStatus before = signalled.put(e.getKey(), e.getValue());
            if (before != e.getValue()) {
                if (before == null || before.checkpoint() != e.getValue().checkpoint()) {
                    // the rows changed (or a rebuild emptied them without applying anything): read them again
                    refresher.requestRead();
                }
                head.set(Math.max(head.get(), e.getValue().head()));
                changed = true;
            }
        }
        if (changed) {
            publishStatuses();
        }
    }

    /**
     * What the window shows of each projector: its state and delay as signalled, its checkpoint and how far
     * behind it is as the latest reading found them — so the lanes, markers and chart agree with the rows.
     */
    private void publishStatuses() {
        ReadModelsSnapshot read = readModels.get();
        for (Map.Entry<String, ProjectorStatus> e : signalled.entrySet()) {
            ProjectorStatus shown = ShownStatus.of(e.getValue(), read.progress(e.getKey()));
            if (!shown.equals(statuses.get(e.getKey()))) {
                statuses.put(e.getKey(), shown);
            }
        }
    }

    /** Whether the projector's figures come from a reading yet (until then views say "checking…"). */
    public boolean checked(String projector) {
        return readModels.get().progress(projector) != null;
    }

    private void deliver(FlowSignal s) {
        if (s instanceof FlowSignal.EventAppended appended) {
            RecordedEvent e = appended.event();
            head.set(Math.max(head.get(), e.position()));
            known.appended(e);
            refresher.requestRead();
        } else if (s instanceof FlowSignal.EventsApplied) {
            refresher.requestRead();
        }
        for (Consumer<FlowSignal> l : listeners) {
            l.accept(s);
        }
    }

    /**
     * A reading came back: shown in its turn (the latest one, if several came between) — or at once while
     * the window still says "checking…", so the first comparison is not held back.
     */
    private void readingCame(ReadModelsSnapshot read) {
        if (readModels.get().readings().isEmpty()) {
            readToShow = null;
            showRead(read);
            return;
        }
        readToShow = read;
        readPace.changed();
    }

    private void showRead(ReadModelsSnapshot read) {
        readModels.set(read);
        publishStatuses();
        List<OrderSummary> truth = new ArrayList<>();
        for (OrderDetails d : read.truth().values()) {
            truth.add(d.summary());
        }
        truth.sort(Comparator.comparing(OrderSummary::placedAt).thenComparing(OrderSummary::orderId));
        if (!truth.equals(orders)) {
            orders.setAll(truth);
            ordersById.clear();
            for (OrderSummary o : truth) {
                ordersById.put(o.orderId(), o);
            }
        }
    }
}
