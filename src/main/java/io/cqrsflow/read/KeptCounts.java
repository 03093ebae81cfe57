package io.cqrsflow.read;

import io.cqrsflow.domain.CustomerRegistered;
import io.cqrsflow.domain.Event;
import io.cqrsflow.domain.OrderCancelled;
import io.cqrsflow.domain.OrderPaid;
import io.cqrsflow.domain.OrderPlaced;
import io.cqrsflow.domain.OrderShipped;
import io.cqrsflow.eventstore.EventStore;
import io.cqrsflow.eventstore.RecordedEvent;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Per read model, its whole table's count of stale and missing rows, kept from one reading to the next
 * ({@link PagedReadModels}) with what it was counted against — the read model's checkpoint and the truth's
 * position — and which keys were stale or missing, in a temporary SQLite file (deleted on close) so that the
 * heap stays bounded at any size.
 *
 * <p>The next count reads the events after the older of those two positions up to the truth's position now,
 * asks the read model which keys they touch ({@link ReadModelModule#keysTouched}), and for those keys only
 * takes the old verdict out and puts the new one in ({@link ReadModelModule#staleOf}); every other key's row
 * and truth are as they were. It counts the whole table again, a chunk of keys at a time, the first time,
 * when the checkpoint or the truth went back (a rebuild, a reset), when more than {@link #MOST_EVENTS} events (or touched keys)
 * came between, when the read model cannot tell which keys an event touches, and on anything unexpected.
 * Either way the answer is the whole table's count. This relies on a read model's rows at a checkpoint being
 * what its projection makes of the events up to it, whichever way they got there (a rebuild that climbed
 * past the old checkpoint between two readings gives the same rows).
 */
final class KeptCounts implements AutoCloseable {
    /** Most events between two readings counted key by key; more, and the whole table is counted again. */
    static final long MOST_EVENTS = 20_000;
    private static final int PAGE = 5_000;

    /** A whole table's count, and its first missing rows by key (the rows a window cannot show, but can name). */
    record Count(StaleCount count, List<? extends StaleRow<?>> missing) {
    }

    private record Kept(long checkpoint, long truthPosition, Count count) {
    }

    /** Per event after {@code from} up to {@code to}, the order it is about, or the customer it registers. */
    private record Touches(long from, long to, long[] positions, String[] orders, String[] customers) {
    }

    private final EventStore store;
    private final long mostEvents;
    private final Map<String, Kept> kept = new HashMap<>();
    private Connection c;
    private PreparedStatement insert;
    private Touches touches;
    private long fullCounts;
    private long keyCounts;

    KeptCounts(EventStore store) {
        this(store, MOST_EVENTS);
    }

    /** @param mostEvents most events between two readings counted key by key (tests make it small) */
    KeptCounts(EventStore store, long mostEvents) {
        this.store = store;
        this.mostEvents = mostEvents;
    }

    /** How many times a whole table was counted (for tests and the benchmark). */
    long fullCounts() {
        return fullCounts;
    }

    /** How many times a count was made from the last one and the keys touched since. */
    long keyCounts() {
        return keyCounts;
    }

    /** The whole table's count of {@code m} at {@code checkpoint} against {@code truth} at {@code position}. */
    <R> Count countOf(ReadModelModule<R> m, ReadDatabase db, TruthTable truth, long checkpoint, long position) {
        Kept k = kept.get(m.name());
        if (k != null && k.checkpoint() == checkpoint && k.truthPosition() == position) {
            return k.count();
        }
        Count count = k == null || checkpoint < k.checkpoint() || position < k.truthPosition() ? null
                : counted(m, db, truth, Math.min(k.checkpoint(), k.truthPosition()), position, k.count().count());
        if (count == null) {
            count = countedWhole(m, db, truth);
        }
        kept.put(m.name(), new Kept(checkpoint, position, count));
        return count;
    }

    /** Forgets the read models not running now. */
    void retain(Set<String> names) {
        kept.keySet().retainAll(names);
    }

    /** Counted again only at the keys touched after {@code from}; null: count the whole table. */
    private <R> Count counted(ReadModelModule<R> m, ReadDatabase db, TruthTable truth, long from, long position,
                              StaleCount before) {
        if (position - from > mostEvents) {
            return null;
        }
        Touches t = touches(from, position);
        if (t == null) {
            return null;
        }
        Set<String> orders = new HashSet<>();
        Set<String> customers = new HashSet<>();
        for (int i = 0; i < t.positions().length; i++) {
            if (t.positions()[i] > from) {
                add(orders, t.orders()[i]);
                add(customers, t.customers()[i]);
            }
        }
        Set<String> keys = m.keysTouched(orders, customers, truth);
        if (keys == null || keys.size() > mostEvents) {
            return null;
        }
        try {
            connection().setAutoCommit(false);
            try {
                int[] old = forget(m.name(), keys);
                int stale = before.stale() - old[0];
                int missing = before.missing() - old[1];
                for (StaleRow<R> r : m.staleOf(db, truth, keys).values()) {
                    if (!keys.contains(r.key())) {
                        c.rollback();
                        return null; // a verdict for a key not asked about: count whole
                    }
                    remember(m.name(), r);
                    stale += r.shown() == null ? 0 : 1;
                    missing += r.shown() == null ? 1 : 0;
                }
                List<StaleRow<R>> first = firstMissing(m, db, truth);
                if (stale < 0 || missing < 0 || first == null || first.size() != Math.min(missing, RowWindow.MOST)) {
                    c.rollback();
                    return null;
                }
                c.commit();
                keyCounts++;
                return new Count(new StaleCount(stale, missing), List.copyOf(first));
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new ReadModelException("could not keep the stale rows' count in a temporary file: " + e.getMessage(), e);
        }
    }

    /** Every key counted again: the old verdicts of this read model go, the new ones are written. */
    private <R> Count countedWhole(ReadModelModule<R> m, ReadDatabase db, TruthTable truth) {
        fullCounts++;
        try {
            connection().setAutoCommit(false);
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM verdicts WHERE model = ?")) {
                delete.setString(1, m.name());
                delete.executeUpdate();
                int[] staleAndMissing = new int[2];
                List<StaleRow<R>> first = new ArrayList<>();
                m.eachStaleRow(db, truth, ReadSide.STALE_CHUNK, r -> {
                    remember(m.name(), r);
                    if (r.shown() != null) {
                        staleAndMissing[0]++;
                    } else if (staleAndMissing[1]++ < RowWindow.MOST) {
                        first.add(r);
                    }
                });
                c.commit();
                return new Count(new StaleCount(staleAndMissing[0], staleAndMissing[1]), List.copyOf(first));
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new ReadModelException("could not keep the stale rows' count in a temporary file: " + e.getMessage(), e);
        }
    }

    /** The first missing rows by key, as they stand now; null when one is not missing any more (a doubt). */
    private <R> List<StaleRow<R>> firstMissing(ReadModelModule<R> m, ReadDatabase db, TruthTable truth)
            throws SQLException {
        List<String> keys = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT key FROM verdicts WHERE model = ? AND missing = 1"
                + " ORDER BY key LIMIT " + RowWindow.MOST)) {
            ps.setString(1, m.name());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    keys.add(rs.getString(1));
                }
            }
        }
        Map<String, StaleRow<R>> now = m.staleOf(db, truth, keys);
        List<StaleRow<R>> first = new ArrayList<>(keys.size());
        for (String key : keys) {
            StaleRow<R> r = now.get(key);
            if (r == null || r.shown() != null) {
                return null;
            }
            first.add(r);
        }
        return first;
    }

    /** Takes these keys' verdicts out; returns how many of them were stale and how many missing. */
    private int[] forget(String model, Set<String> keys) throws SQLException {
        int[] staleAndMissing = new int[2];
        List<String> all = List.copyOf(keys);
        for (int from = 0; from < all.size(); from += KeyRange.IN_AT_ONCE) {
            List<String> some = all.subList(from, Math.min(all.size(), from + KeyRange.IN_AT_ONCE));
            String in = " WHERE model = ? AND key IN (" + String.join(", ", Collections.nCopies(some.size(), "?")) + ")";
            try (PreparedStatement ps = c.prepareStatement("SELECT missing FROM verdicts" + in);
                 PreparedStatement delete = c.prepareStatement("DELETE FROM verdicts" + in)) {
                for (PreparedStatement s : List.of(ps, delete)) {
                    s.setString(1, model);
                    for (int i = 0; i < some.size(); i++) {
                        s.setString(i + 2, some.get(i));
                    }
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        staleAndMissing[rs.getInt(1) == 1 ? 1 : 0]++;
                    }
                }
                delete.executeUpdate();
            }
        }
        return staleAndMissing;
    }

    private void remember(String model, StaleRow<?> r) {
        try {
            insert.setString(1, model);
            insert.setString(2, r.key());
            insert.setInt(3, r.shown() == null ? 1 : 0);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new ReadModelException("could not keep the stale rows' count in a temporary file: " + e.getMessage(), e);
        }
    }

    /** The events after {@code from} up to {@code to}, kept for the next read model of the same reading. */
    private Touches touches(long from, long to) {
        if (touches != null && touches.to() == to && touches.from() <= from) {
            return touches;
        }
        int n = (int) (to - from);
        long[] positions = new long[n];
        String[] orders = new String[n];
        String[] customers = new String[n];
        int i = 0;
        long at = from;
        while (at < to) {
            List<RecordedEvent> page = store.readAll(at, (int) Math.min(PAGE, to - at));
            if (page.isEmpty()) {
                return null; // the log ends before the truth's position: not the log it was folded from
            }
            for (RecordedEvent recorded : page) {
                if (i == n || recorded.position() <= at) {
                    return null;
                }
                Event e = recorded.event();
                positions[i] = recorded.position();
                if (e instanceof CustomerRegistered r) {
                    customers[i] = r.customerId();
                } else if (e instanceof OrderPlaced p) {
                    orders[i] = p.orderId(); // its customer is the truth's: read there when a read model asks
                } else if (e instanceof OrderPaid p) {
                    orders[i] = p.orderId();
                } else if (e instanceof OrderShipped s) {
                    orders[i] = s.orderId();
                } else if (e instanceof OrderCancelled x) {
                    orders[i] = x.orderId();
                } else {
                    return null;
                }
                i++;
                at = recorded.position();
            }
        }
        touches = new Touches(from, to, java.util.Arrays.copyOf(positions, i), java.util.Arrays.copyOf(orders, i),
                java.util.Arrays.copyOf(customers, i));
        return touches;
    }

    private static void add(Set<String> to, String key) {
        if (key != null) {
            to.add(key);
        }
    }

    private Connection connection() throws SQLException {
        if (c == null) {
            // An empty file name: SQLite's own temporary file on disk, deleted when the connection closes.
            c = DriverManager.getConnection("jdbc:sqlite:");
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA journal_mode = OFF");
                s.execute("PRAGMA synchronous = OFF");
                s.execute("CREATE TABLE verdicts(model TEXT NOT NULL, key TEXT NOT NULL, missing INTEGER NOT NULL,"
                        + " PRIMARY KEY (model, key)) WITHOUT ROWID");
            }
            insert = c.prepareStatement("INSERT OR REPLACE INTO verdicts VALUES (?, ?, ?)");
        }
        return c;
    }

    @Override
    public void close() {
        kept.clear();
        touches = null;
        if (c != null) {
            try {
                c.close();
            } catch (SQLException e) {
                // a temporary file: nothing of the user's is lost
            }
            c = null;
            insert = null;
        }
    }
}
