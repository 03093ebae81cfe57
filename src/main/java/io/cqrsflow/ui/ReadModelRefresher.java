package io.cqrsflow.ui;

import io.cqrsflow.flow.FlowClient;
import io.cqrsflow.read.ReadModelsSnapshot;
import io.cqrsflow.read.RowWindow;

import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Re-reads the read models (the rows in each panel's window, and the write model's truth for them) when
 * something changed, or a panel scrolled to rows it was not given, at most once per
 * {@value #REFRESH_NANOS} ns and one read at a time, so a burst of events costs a few reads, not one
 * per event. The read runs on the engine's query thread; its result comes back on the FX thread.
 * Every method is for the FX thread.
 */
final class ReadModelRefresher {
    /**
     * How often the read models are re-read at most while events keep coming: as often as a reading is shown
     * under load ({@link Pace#BUSY_GAP_NANOS}); reading more often only took the cores from the rest.
     */
    static final long REFRESH_NANOS = Pace.BUSY_GAP_NANOS;

    private final FlowClient client;
    private final Consumer<ReadModelsSnapshot> show;
    private final Supplier<Map<String, RowWindow>> windows;
    private boolean dirty = true;
    private boolean inFlight;
    private long lastStart = Long.MIN_VALUE / 2;
    /** Bumped on every completed read, so a waiter can tell a read that started after it asked. */
    private long completedReads;
    private long startedReads;
    /** Whether the first, progress-only reading has been asked for. */
    private boolean progressShown;

    ReadModelRefresher(FlowClient client, Consumer<ReadModelsSnapshot> show, Supplier<Map<String, RowWindow>> windows) {
        this.client = client;
        this.show = show;
        this.windows = windows;
    }

    /** Something changed: read again soon. */
    void requestRead() {
        dirty = true;
    }

    boolean isDirty() {
        return dirty;
    }

    boolean isInFlight() {
        return inFlight;
    }

    /** The number of the read the next start will be (for "a read that started after now"). */
    long nextReadNumber() {
        return startedReads + 1;
    }

    long completedReads() {
        return completedReads;
    }

    /** Called once per frame: starts a read when one is due. */
    void frame(long nowNanos) {
        if (!dirty || inFlight || nowNanos - lastStart < REFRESH_NANOS) {
            return;
        }
        if (completedReads == 0 && !progressShown) {
            // The first paint shows at once what is cheap to know (checkpoints against the head) and
            // "checking…" for the rows: a full reading can take seconds on a large store. It is not a
            // completed read (settle waits for a full one); the full reading follows at once.
            progressShown = true;
            inFlight = true;
            FxThread.whenDone(client.progressOnly(), (read, failure) -> {
                inFlight = false;
                if (read != null && completedReads == 0) {
                    show.accept(read);
                }
            });
            return;
        }
        dirty = false;
        inFlight = true;
        lastStart = nowNanos;
        long number = ++startedReads;
        FxThread.whenDone(client.readModels(windows.get()), (read, failure) -> {
            inFlight = false;
            if (read != null && read.readings().isEmpty() && !read.progress().isEmpty()) {
                // the truth of a large store is still being folded, a slice per reading: checking… still
                dirty = true;
                if (completedReads == 0) {
                    show.accept(read);
                }
            } else if (read != null) {
                completedReads = number;
                show.accept(read);
            } else {
                // Keep showing the last good picture and try again (reads are throttled per frame).
                dirty = true;
            }
        });
    }
}
