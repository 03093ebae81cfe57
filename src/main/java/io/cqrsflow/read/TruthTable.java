package io.cqrsflow.read;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.cqrsflow.domain.CustomerRegistered;
import io.cqrsflow.domain.Event;
import io.cqrsflow.domain.OrderLine;
import io.cqrsflow.domain.OrderPlaced;
import io.cqrsflow.domain.OrderStatus;
import io.cqrsflow.eventstore.EventStore;
import io.cqrsflow.eventstore.LogHash;
import io.cqrsflow.eventstore.MoneyJson;
import io.cqrsflow.eventstore.RecordedEvent;
import io.cqrsflow.eventstore.SqliteFiles;
import io.cqrsflow.sqlite.SqliteConnections;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The write model's truth — every order exactly as {@link WriteModelFold} folds it — kept in a temporary
 * SQLite file (deleted on close) instead of in memory, so that "how many rows are stale" can be answered
 * at any size: the log is read once in pages, and the truth is handed out a chunk of keys at a time.
 */
public final class TruthTable implements AutoCloseable {
    private static final ObjectMapper JSON = MoneyJson.mapper();
    private static final TypeReference<List<OrderLine>> LINES = new TypeReference<>() {
    };
    /** Made once: {@code readValue(json, LINES)} resolves the type again on every call, once per order. */
    private static final ObjectReader LINES_READER = JSON.readerFor(LINES);
    private static final ObjectWriter LINES_WRITER = JSON.writerFor(LINES);
    private static final int PAGE = 5_000;
    /** The temporary file's page cache: native memory, not heap; about what 200 000 orders take. */
    static final int CACHE_MB = 64;
    /** Events folded per transaction (and at most the orders held in memory while folding them). */
    static final int WINDOW = 20_000;
    private static final String COLUMNS = "order_id, customer_id, customer_name, items, total, status, placed_at,"
            + " paid_at, shipped_at, cancelled_at, cancel_reason";

    /** Keys after {@code after} (null: from the first) up to {@code upTo} (null: to the last), and their truth. */
    public record Chunk(String after, String upTo, Map<String, OrderDetails> orders) {
    }

    private final Connection c;
    private long position;
    /** The log's hash at {@link #position}, chained as events are folded; null: not kept (a temporary file). */
    private final LogHash hash;
    /** The log read a page ahead while a page is folded; made on the first fold, closed with this table. */
    private ReadAhead ahead;

    TruthTable(Connection c, long position, LogHash hash) {
        this.c = c;
        this.position = position;
        this.hash = hash;
    }

    /** Folds every event of the store, up to its head now, into a new temporary file. */
    public static TruthTable fold(EventStore store) {
        TruthTable t = empty();
        t.advance(store, Long.MAX_VALUE);
        return t;
    }

    /** A new temporary file with no event folded yet: {@link #advance} folds the log into it. */
    public static TruthTable empty() {
        try {
            // An empty file name: SQLite's own temporary file on disk, deleted when the connection closes.
            Connection c = DriverManager.getConnection("jdbc:sqlite:");
            // No generated keys and a page cache that holds a million events' orders: folding the log is an
            // INSERT or an UPDATE by order id per event; with SQLite's 2 MB cache, once the orders outgrow it,
            // they read pages back from the file. (The WAL setting does nothing here: there is no journal.)
            SqliteConnections.tuneForBulkWrites(c, CACHE_MB, 8_000);
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA journal_mode = OFF");
                s.execute("PRAGMA synchronous = OFF");
                createTables(s);
            }
            return new TruthTable(c, 0, null);
        } catch (SQLException e) {
            throw new ReadModelException("could not make a temporary file for the write model: " + e.getMessage(), e);
        }
    }

    static void createTables(Statement s) throws SQLException {
        s.execute("CREATE TABLE IF NOT EXISTS customers(customer_id TEXT PRIMARY KEY, name TEXT NOT NULL)");
        s.execute("CREATE TABLE IF NOT EXISTS orders(order_id TEXT PRIMARY KEY, customer_id TEXT NOT NULL,"
                + " customer_name TEXT NOT NULL, items TEXT NOT NULL, total TEXT NOT NULL, status TEXT NOT NULL,"
                + " placed_at TEXT NOT NULL, paid_at TEXT, shipped_at TEXT, cancelled_at TEXT, cancel_reason TEXT)");
    }

    /**
     * Folds the events after the last one folded, at most {@code most} of them, up to the store's head now:
     * the log is append-only, so what was folded stays true. Returns the position now folded to.
     */
    public long advance(EventStore store, long most) {
        try {
            foldAll(store, Math.min(store.head(), position + Math.max(0, Math.min(most, Long.MAX_VALUE - position))));
            try (Statement s = c.createStatement()) {
                // once, after the first fold (an index kept while folding the whole log would slow it)
                s.execute("CREATE INDEX IF NOT EXISTS orders_by_customer ON orders(customer_id, order_id)");
            }
            return position;
        } catch (SQLException e) {
            throw new ReadModelException("could not fold the write model into a temporary file: " + e.getMessage(), e);
        }
    }

    /**
     * Folds {@value #WINDOW} events at a time: the orders they touch are read once (if placed before), evolved
     * in memory as {@link WriteModelFold} evolves them, and written once per window in one transaction with
     * one prepared batch per statement — an order placed, paid and shipped within a window is one insert, not
     * three statements. A kept truth writes its position and the log's hash there in the same transaction.
     */
    private void foldAll(EventStore store, long head) throws SQLException {
        c.setAutoCommit(false);
        try (PreparedStatement customer = c.prepareStatement("INSERT OR REPLACE INTO customers VALUES (?, ?)");
             PreparedStatement name = c.prepareStatement("SELECT name FROM customers WHERE customer_id = ?");
             PreparedStatement placed = c.prepareStatement("INSERT OR REPLACE INTO orders VALUES (?, ?, ?, ?, ?, ?, ?, ?,"
                     + " ?, ?, ?)");
             PreparedStatement changed = c.prepareStatement("UPDATE orders SET status = ?, paid_at = ?, shipped_at = ?,"
                     + " cancelled_at = ?, cancel_reason = ? WHERE order_id = ?");
             PreparedStatement folded = hash == null ? null
                     : c.prepareStatement("UPDATE folded SET position = ?, log_hash = ?")) {
            while (position < head) {
                long to = Math.min(head, position + WINDOW);
                Map<String, String> names = new HashMap<>();
                Map<String, OrderDetails> touched = new LinkedHashMap<>();
                Set<String> placedHere = new HashSet<>();
                long at = position;
                while (at < to) {
                    List<RecordedEvent> page = readAhead(store).readAll(at, (int) Math.min(PAGE, to - at));
                    if (page.isEmpty()) {
                        break;
                    }
                    for (RecordedEvent recorded : page) {
                        apply(recorded, name, names, touched, placedHere);
                        if (hash != null) {
                            hash.add(recorded);
                        }
                        at = recorded.position();
                    }
                }
                if (at == position) {
                    break;
                }
                for (Map.Entry<String, String> n : names.entrySet()) {
                    batch(customer, n.getKey(), n.getValue());
                }
                for (OrderDetails o : touched.values()) {
                    if (placedHere.contains(o.orderId())) {
                        batch(placed, o.orderId(), o.customerId(), o.customerName(), items(o.items()),
                                o.total().toPlainString(), o.status().label(), text(o.placedAt()), text(o.paidAt()),
                                text(o.shippedAt()), text(o.cancelledAt()), o.cancelReason());
                    } else {
                        batch(changed, o.status().label(), text(o.paidAt()), text(o.shippedAt()), text(o.cancelledAt()),
                                o.cancelReason(), o.orderId());
                    }
                }
                customer.executeBatch();
                placed.executeBatch();
                changed.executeBatch();
                position = at;
                if (folded != null) {
                    folded.setLong(1, position);
                    folded.setString(2, hash.value());
                    folded.executeUpdate();
                }
                c.commit();
            }
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }

    private ReadAhead readAhead(EventStore store) {
        if (ahead == null) {
            ahead = new ReadAhead(store);
        }
        return ahead;
    }

    /** One event into the window's orders and customers (the table is read for what came before the window). */
    private void apply(RecordedEvent recorded, PreparedStatement name, Map<String, String> names,
                       Map<String, OrderDetails> touched, Set<String> placedHere) throws SQLException {
        Event event = recorded.event();
        if (event instanceof CustomerRegistered e) {
            names.put(e.customerId(), e.name());
        } else if (event instanceof OrderPlaced e) {
            String customerName = names.containsKey(e.customerId()) ? names.get(e.customerId())
                    : nameOf(name, e.customerId());
            touched.remove(e.orderId()); // placed again (a store written with any version): a new row, as REPLACE makes
            touched.put(e.orderId(), new OrderDetails(e.orderId(), e.customerId(), customerName, e.items(), e.total(),
                    OrderStatus.PENDING, recorded.recordedAt(), null, null, null, null));
            placedHere.add(e.orderId());
        } else {
            String orderId = WriteModelFold.orderOf(event);
            if (orderId == null) {
                return;
            }
            OrderDetails o = touched.get(orderId);
            if (o == null) {
                o = query("SELECT " + COLUMNS + " FROM orders WHERE order_id = ?", List.of(orderId)).get(orderId);
            }
            if (o != null) { // an order never placed stays unknown, as in the write model
                touched.put(orderId, WriteModelFold.evolve(o, event, recorded.recordedAt()));
            }
        }
    }

    private static String nameOf(PreparedStatement name, String customerId) throws SQLException {
        name.setString(1, customerId);
        try (ResultSet rs = name.executeQuery()) {
            return rs.next() ? rs.getString(1) : "?";
        }
    }

    private static String text(Instant at) {
        return at == null ? null : SqliteFiles.formatInstant(at);
    }

    private static void batch(PreparedStatement ps, String... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            ps.setString(i + 1, values[i]);
        }
        ps.addBatch();
    }

    /** Compares two keys as SQLite's BINARY collation compares text: by their UTF-8 bytes. */
    public static int compareKeys(String a, String b) {
        return java.util.Arrays.compareUnsigned(a.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                b.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** Its connection, for {@link StaleKeys} to compare in SQL; the caller leaves it as it found it. */
    Connection connection() {
        return c;
    }

    /** The position of the last event folded. */
    public long position() {
        return position;
    }

    /** The next chunk of at most {@code size} orders after {@code after} (null: the first), by order id. */
    public Chunk ordersAfter(String after, int size) {
        KeyRange from = new KeyRange(after, null);
        Map<String, OrderDetails> orders = query("SELECT " + COLUMNS + " FROM orders" + from.where("order_id")
                + " ORDER BY order_id LIMIT " + size, bounds(from));
        String upTo = orders.size() < size ? null : last(orders).orderId();
        return new Chunk(after, upTo, orders);
    }

    /**
     * Every order of the next customers after {@code after} (null: the first), by customer id: at most
     * {@code size} customers, each with all its orders. Keys are customer ids.
     */
    public Chunk customersAfter(String after, int size) {
        KeyRange from = new KeyRange(after, null);
        String upTo = null;
        int customers = 0;
        try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT customer_id FROM orders"
                + from.where("customer_id") + " ORDER BY customer_id LIMIT " + size)) {
            from.bind(ps, 1);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    upTo = rs.getString(1);
                    customers++;
                }
            }
        } catch (SQLException e) {
            throw new ReadModelException("could not read the folded write model: " + e.getMessage(), e);
        }
        KeyRange range = new KeyRange(after, customers < size ? null : upTo);
        Map<String, OrderDetails> orders = query("SELECT " + COLUMNS + " FROM orders" + range.where("customer_id")
                + " ORDER BY customer_id, order_id", bounds(range));
        return new Chunk(after, range.upTo(), orders);
    }

    /** The truth of these orders (those the write model has), by order id. */
    public Map<String, OrderDetails> orders(java.util.Collection<String> orderIds) {
        return among("order_id", orderIds);
    }

    /** Every order of these customers, by order id. */
    public Map<String, OrderDetails> ordersOfCustomers(java.util.Collection<String> customerIds) {
        return among("customer_id", customerIds);
    }

    /** The {@code n} orders placed last, the newest first. */
    public Map<String, OrderDetails> latestOrders(int n) {
        return query("SELECT " + COLUMNS + " FROM orders ORDER BY rowid DESC LIMIT " + n, List.of());
    }

    private Map<String, OrderDetails> among(String column, java.util.Collection<String> keys) {
        Map<String, OrderDetails> orders = new LinkedHashMap<>();
        List<String> all = List.copyOf(new java.util.LinkedHashSet<>(keys));
        for (int from = 0; from < all.size(); from += 500) { // SQLite binds at most 999 parameters
            List<String> some = all.subList(from, Math.min(all.size(), from + 500));
            String marks = String.join(", ", java.util.Collections.nCopies(some.size(), "?"));
            orders.putAll(query("SELECT " + COLUMNS + " FROM orders WHERE " + column + " IN (" + marks + ")",
                    some));
        }
        return orders;
    }

    /** How many orders the truth has in each status. */
    public Map<OrderStatus, Integer> ordersPerStatus() {
        Map<OrderStatus, Integer> counts = new EnumMap<>(OrderStatus.class);
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT status, COUNT(*) FROM orders GROUP BY status")) {
            while (rs.next()) {
                counts.put(OrderStatus.fromLabel(rs.getString(1)), rs.getInt(2));
            }
        } catch (SQLException e) {
            throw new ReadModelException("could not read the folded write model: " + e.getMessage(), e);
        }
        return counts;
    }

    /** The bounds {@link KeyRange#where} writes, in the order it writes them. */
    private static List<String> bounds(KeyRange range) {
        List<String> values = new java.util.ArrayList<>(2);
        if (range.after() != null) {
            values.add(range.after());
        }
        if (range.upTo() != null) {
            values.add(range.upTo());
        }
        return values;
    }

    private Map<String, OrderDetails> query(String sql, List<String> values) {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < values.size(); i++) {
                ps.setString(i + 1, values.get(i));
            }
            Map<String, OrderDetails> orders = new LinkedHashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    OrderDetails o = new OrderDetails(rs.getString(1), rs.getString(2), rs.getString(3),
                            lines(rs.getString(4)), new BigDecimal(rs.getString(5)), OrderStatus.fromLabel(rs.getString(6)),
                            instant(rs.getString(7)), instant(rs.getString(8)), instant(rs.getString(9)),
                            instant(rs.getString(10)), rs.getString(11));
                    orders.put(o.orderId(), o);
                }
            }
            return orders;
        } catch (SQLException e) {
            throw new ReadModelException("could not read the folded write model: " + e.getMessage(), e);
        }
    }

    private static OrderDetails last(Map<String, OrderDetails> orders) {
        OrderDetails last = null;
        for (OrderDetails o : orders.values()) {
            last = o;
        }
        return last;
    }

    private static Instant instant(String text) {
        return text == null ? null : SqliteFiles.parseInstant(text);
    }

    private static String items(List<OrderLine> items) {
        try {
            return LINES_WRITER.writeValueAsString(items);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write items as JSON", e);
        }
    }

    private static List<OrderLine> lines(String json) {
        try {
            return LINES_READER.readValue(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("items of the folded write model are not JSON: " + e.getOriginalMessage(), e);
        }
    }

    @Override
    public void close() {
        if (ahead != null) {
            ahead.close();
        }
        try {
            c.close();
        } catch (SQLException e) {
            // a temporary file: nothing of the user's is lost
        }
    }
}
