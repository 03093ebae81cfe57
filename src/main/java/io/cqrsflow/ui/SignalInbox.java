package io.cqrsflow.ui;

import io.cqrsflow.flow.FlowClient;
import io.cqrsflow.flow.FlowSignal;
import io.cqrsflow.read.ProjectorStatus;

import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Where the engine's signals wait for the FX thread. They arrive on the engine's signals thread and
 * are queued; a projector's status is not queued but kept as the latest one per projector (only the
 * newest matters to the screen). The FX thread drains a bounded number per frame.
 */
final class SignalInbox {
    private final Queue<FlowSignal> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger size = new AtomicInteger();
    private final Map<String, ProjectorStatus> latestStatus = new ConcurrentHashMap<>();
    /** Notices queued from {@link FlowClient#notices()} that the subscription may deliver a second time. */
    private final Set<String> earlyNotices = ConcurrentHashMap.newKeySet();
    private final Runnable unsubscribe;

    SignalInbox(FlowClient client) {
        this.unsubscribe = client.subscribe(this::receive);
        // Notices from opening the data folder (read.db rebuilt, and why) came before anyone subscribed.
        for (String message : client.notices()) {
            earlyNotices.add(message);
            add(new FlowSignal.Notice(message, client.clock().instant()));
        }
        client.projectors().thenAccept(list -> list.forEach(this::offerStatus));
    }

    /** Keeps a status unless a newer one for the same projector is already here. */
    void offerStatus(ProjectorStatus status) {
        latestStatus.merge(status.name(), status, (old, neu) -> neu.at().isBefore(old.at()) ? old : neu);
    }

    /** The newest status of every projector heard of so far. */
    Map<String, ProjectorStatus> latestStatuses() {
        return latestStatus;
    }

    /** Hands at most {@code max} queued signals to {@code to}, oldest first. */
    void drain(int max, Consumer<FlowSignal> to) {
        for (int i = 0; i < max; i++) {
            FlowSignal s = queue.poll();
            if (s == null) {
                return;
            }
            size.decrementAndGet();
            to.accept(s);
        }
    }

    int size() {
        return size.get();
    }

    boolean isEmpty() {
        return queue.isEmpty();
    }

    void close() {
        unsubscribe.run();
    }

    private void receive(FlowSignal signal) {
        if (signal instanceof FlowSignal.LagChanged lag) {
            offerStatus(lag.status());
            return;
        }
        if (signal instanceof FlowSignal.Notice notice && earlyNotices.remove(notice.message())) {
            return; // already queued from client.notices()
        }
        add(signal);
    }

    private void add(FlowSignal signal) {
        queue.add(signal);
        size.incrementAndGet();
    }
}
