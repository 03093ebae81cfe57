package io.cqrsflow.ui.eventstore;

import io.cqrsflow.eventstore.RecordedEvent;
import io.cqrsflow.flow.FlowClient;
import io.cqrsflow.ui.FxThread;
import javafx.collections.ObservableListBase;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * All of events.db as a list, newest first, without holding it: the size is the head position, and a
 * row is read from SQLite (on the engine's query thread) a page at a time when a cell asks for it.
 * Only a bounded cache of rows is kept. Events just appended come in with their signal and need no read.
 */
final class PagedEvents extends ObservableListBase<EventRow> {
    static final int PAGE = 100;
    static final int CACHED = 3_000;

    private final FlowClient client;
    private final Map<Long, EventRow> cache = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, EventRow> eldest) {
            return size() > CACHED;
        }
    };
    private final Set<Long> loadingPages = new HashSet<>();
    private long size;

    PagedEvents(FlowClient client) {
        this.client = client;
    }

    @Override
    public int size() {
        return (int) Math.min(Integer.MAX_VALUE, size);
    }

    /** Index 0 is the newest event. */
    @Override
    public EventRow get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException(index);
        }
        long position = size - index;
        EventRow row = cache.get(position);
        if (row == null) {
            request((position - 1) / PAGE);
            return new EventRow(position, null, 0);
        }
        return row;
    }

    int indexOf(long position) {
        return (int) (size - position);
    }

    /** An event just appended: remember it (the list grows to it at the next {@link #grow}). */
    void appended(RecordedEvent e, long nowNanos) {
        cache.put(e.position(), new EventRow(e.position(), e, nowNanos));
    }

    /** The store's head moved (also when events arrive faster than their signals). */
    void grow(long head) {
        if (head <= size) {
            return;
        }
        long added = head - size;
        beginChange();
        size = head;
        nextAdd(0, (int) added);
        endChange();
    }

    private void request(long page) {
        if (!loadingPages.add(page)) {
            return;
        }
        long after = page * PAGE;
        FxThread.whenDone(client.readEvents(after, PAGE), (events, failure) -> loaded(page, events));
    }

    private void loaded(long page, List<RecordedEvent> events) {
        loadingPages.remove(page);
        if (events == null || events.isEmpty()) {
            return;
        }
        for (RecordedEvent e : events) {
            cache.putIfAbsent(e.position(), new EventRow(e.position(), e, 0));
        }
        long first = events.get(0).position();
        long last = events.get(events.size() - 1).position();
        int from = Math.max(0, indexOf(last));
        int to = Math.min(size(), indexOf(first) + 1);
        if (from < to) {
            beginChange();
            for (int i = from; i < to; i++) {
                nextUpdate(i);
            }
            endChange();
        }
    }
}
