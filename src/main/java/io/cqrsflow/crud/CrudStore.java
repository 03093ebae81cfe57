package io.cqrsflow.crud;

import io.cqrsflow.domain.CancelOrder;
import io.cqrsflow.domain.Command;
import io.cqrsflow.domain.CustomerDecider;
import io.cqrsflow.domain.CustomerRegistered;
import io.cqrsflow.domain.CustomerState;
import io.cqrsflow.domain.Decision;
import io.cqrsflow.domain.Event;
import io.cqrsflow.domain.OrderCancelled;
import io.cqrsflow.domain.OrderDecider;
import io.cqrsflow.domain.OrderPaid;
import io.cqrsflow.domain.OrderPlaced;
import io.cqrsflow.domain.OrderShipped;
import io.cqrsflow.domain.OrderState;
import io.cqrsflow.domain.OrderStatus;
import io.cqrsflow.domain.PayOrder;
import io.cqrsflow.domain.PlaceOrder;
import io.cqrsflow.domain.RegisterCustomer;
import io.cqrsflow.domain.ShipOrder;
import io.cqrsflow.sqlite.FileHeader;
import io.cqrsflow.sqlite.SingleWriter;
import io.cqrsflow.sqlite.SqliteConnections;
import io.cqrsflow.sqlite.SqliteProblem;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The plain CRUD model beside CQRS: one {@code orders} table (and the {@code customers} it checks names
 * against) in crud.db, updated in place and at once, in the same transaction as the check. It decides with
 * the domain's own deciders, so it accepts and refuses exactly what the write model would on the same data;
 * but it keeps only the current row — no events, no history — so nothing can be replayed or rebuilt from it,
 * and it is never rebuilt from events.db either (that would give it the history it does not have).
 *
 * <p>One connection, used by one caller at a time: the engine's command thread writes, its query thread reads.
 */
public final class CrudStore implements AutoCloseable {
    public static final String FILE = "crud.db";
    static final int APPLICATION_ID = 0x43514643; // "CQFC"
    static final int SCHEMA_VERSION = 1;
    static final String IF_CORRUPT = "It holds no history and nothing is derived from it: move it away (or delete"
            + " it) and switch CRUD on again. events.db is not affected.";

    private final Path file;
    private final Clock clock;
    private final Connection connection;

    private CrudStore(Path file, Clock clock, Connection connection) {
        this.file = file;
        this.clock = clock;
        this.connection = connection;
    }

    /**
     * Opens crud.db at {@code file}, creating it when missing. A file that is not SQLite, another program's,
     * of another schema or damaged is left as it is.
     *
     * @throws CrudStoreException naming the file and what to do
     */
    public static CrudStore open(Path file, Clock clock) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new CrudStoreException("cannot create the folder for " + file + ": " + e.getMessage(), e);
        }
        if (!FileHeader.looksLikeSqlite(file)) {
            throw new CrudStoreException(file + " is not an SQLite database; CQRS Flow leaves it alone. " + IF_CORRUPT,
                    null);
        }
        Connection connection = null;
        try {
            connection = SqliteConnections.connect(file);
            FileHeader header = FileHeader.read(connection);
            boolean blank = header.isBlankFor(APPLICATION_ID);
            if (!blank && header.applicationId() != APPLICATION_ID) {
                throw new CrudStoreException(file + " is an SQLite database, but not CQRS Flow's CRUD table ("
                        + header.describe() + "); CQRS Flow leaves it alone. Move it away to use CRUD.", null);
            }
            if (!blank && header.userVersion() != SCHEMA_VERSION) {
                throw new CrudStoreException(file + " says schema version " + header.userVersion() + ", which this"
                        + " CQRS Flow does not write (it writes " + SCHEMA_VERSION + "). " + IF_CORRUPT, null);
            }
            String damage = FileHeader.integrityProblem(connection);
            if (damage != null) {
                throw new CrudStoreException(file + " is corrupt (" + damage + "). " + IF_CORRUPT, null);
            }
            SqliteConnections.configure(connection, SqliteConnections.Synchronous.NORMAL);
            if (blank) {
                SingleWriter.immediate(connection, CrudStore::createSchema);
            }
            return new CrudStore(file, clock, connection);
        } catch (SQLException e) {
            SqliteConnections.closeQuietly(connection);
            throw new CrudStoreException(SqliteProblem.describe(file, e, IF_CORRUPT), e);
        } catch (RuntimeException e) {
            SqliteConnections.closeQuietly(connection);
            throw e;
        }
    }

    private static Void createSchema(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE customers (customer_id TEXT PRIMARY KEY, name TEXT NOT NULL)");
            s.execute("CREATE TABLE orders (order_id TEXT PRIMARY KEY, customer_id TEXT NOT NULL, total TEXT NOT NULL,"
                    + " status TEXT NOT NULL, cancel_reason TEXT, updated_at TEXT NOT NULL)");
            s.execute("PRAGMA application_id = " + APPLICATION_ID);
            s.execute("PRAGMA user_version = " + SCHEMA_VERSION);
        }
        return null;
    }

    public Path file() {
        return file;
    }

    /**
     * Checks the command against the current rows with the domain's decider and, if it is accepted, updates
     * the rows in place — check and update in one transaction. Never throws for a storage problem: the
     * answer says {@link CrudAnswer.Outcome#FAILED} and names the file.
     */
    public synchronized CrudAnswer apply(Command command) {
        try {
            return SingleWriter.immediate(connection, c -> decideAndUpdate(command));
        } catch (SQLException e) {
            return new CrudAnswer(command.type(), CrudAnswer.Outcome.FAILED, null,
                    SqliteProblem.describe(file, e, IF_CORRUPT));
        } catch (RuntimeException e) {
            return new CrudAnswer(command.type(), CrudAnswer.Outcome.FAILED, null, unreadable(e));
        }
    }

    /** A row changed by hand into something this code never writes (a status, a total, a time). */
    private String unreadable(RuntimeException e) {
        return file + " has a row CQRS Flow cannot read (" + e.getMessage() + "): was it edited by hand? " + IF_CORRUPT;
    }

    private CrudAnswer decideAndUpdate(Command command) throws SQLException {
        Decision decision;
        if (command instanceof RegisterCustomer register) {
            decision = CustomerDecider.decide(register, customer(register.customerId()));
        } else {
            CustomerState customer = command instanceof PlaceOrder place ? customer(place.customerId()) : null;
            decision = OrderDecider.decide(command, order(orderIdOf(command)), customer);
        }
        if (decision instanceof Decision.Rejected rejected) {
            return new CrudAnswer(command.type(), CrudAnswer.Outcome.REJECTED, rejected.rule(), rejected.message());
        }
        List<String> changes = new ArrayList<>();
        for (Event event : ((Decision.Accepted) decision).events()) {
            changes.add(update(event));
        }
        return new CrudAnswer(command.type(), CrudAnswer.Outcome.UPDATED, null, String.join("; ", changes));
    }

    /** Writes what the event says into the row, over what was there; says what it did. */
    private String update(Event event) throws SQLException {
        String now = clock.instant().truncatedTo(ChronoUnit.MILLIS).toString();
        if (event instanceof CustomerRegistered r) {
            execute("INSERT INTO customers (customer_id, name) VALUES (?, ?)", r.customerId(), r.name());
            return "customers row " + r.customerId() + " inserted";
        }
        if (event instanceof OrderPlaced p) {
            execute("INSERT INTO orders (order_id, customer_id, total, status, cancel_reason, updated_at)"
                    + " VALUES (?, ?, ?, ?, NULL, ?)", p.orderId(), p.customerId(), p.total().toPlainString(),
                    OrderStatus.PENDING.label(), now);
            return "orders row " + p.orderId() + " inserted, status pending";
        }
        String orderId;
        OrderStatus status;
        String reason = null;
        if (event instanceof OrderPaid paid) {
            orderId = paid.orderId();
            status = OrderStatus.PAID;
        } else if (event instanceof OrderShipped shipped) {
            orderId = shipped.orderId();
            status = OrderStatus.SHIPPED;
        } else if (event instanceof OrderCancelled cancelled) {
            orderId = cancelled.orderId();
            status = OrderStatus.CANCELLED;
            reason = cancelled.reason();
        } else {
            throw new IllegalArgumentException("the CRUD model has no column for " + event);
        }
        String before = order(orderId).status().label();
        execute("UPDATE orders SET status = ?, cancel_reason = ?, updated_at = ? WHERE order_id = ?",
                status.label(), reason, now, orderId);
        return "orders row " + orderId + " status " + before + " overwritten with " + status.label();
    }

    private void execute(String sql, String... values) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                s.setString(i + 1, values[i]);
            }
            s.executeUpdate();
        }
    }

    private static String orderIdOf(Command command) {
        if (command instanceof PlaceOrder c) {
            return c.orderId();
        }
        if (command instanceof PayOrder c) {
            return c.orderId();
        }
        if (command instanceof ShipOrder c) {
            return c.orderId();
        }
        if (command instanceof CancelOrder c) {
            return c.orderId();
        }
        throw new IllegalArgumentException("not an order command: " + command);
    }

    private CustomerState customer(String customerId) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("SELECT name FROM customers WHERE customer_id = ?")) {
            s.setString(1, customerId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? new CustomerState(customerId, rs.getString(1)) : CustomerState.UNREGISTERED;
            }
        }
    }

    /** The row as an {@link OrderState} for the decider; the items are not kept, and no rule needs them. */
    private OrderState order(String orderId) throws SQLException {
        Optional<CrudOrder> row = select("WHERE o.order_id = ?", orderId).stream().findFirst();
        return row.map(o -> new OrderState(o.orderId(), o.customerId(), List.of(), o.total(),
                OrderStatus.fromLabel(o.status()), o.cancelReason())).orElse(OrderState.NONE);
    }

    /** Every order as it is now, in the order they were placed. */
    public synchronized List<CrudOrder> orders() {
        try {
            return select("", null);
        } catch (SQLException e) {
            throw new CrudStoreException(SqliteProblem.describe(file, e, IF_CORRUPT), e);
        } catch (RuntimeException e) {
            throw new CrudStoreException(unreadable(e), e);
        }
    }

    private List<CrudOrder> select(String where, String orderId) throws SQLException {
        String sql = "SELECT o.order_id, o.customer_id, c.name, o.total, o.status, o.cancel_reason, o.updated_at"
                + " FROM orders o LEFT JOIN customers c ON c.customer_id = o.customer_id " + where + " ORDER BY o.rowid";
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            if (orderId != null) {
                s.setString(1, orderId);
            }
            List<CrudOrder> rows = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(new CrudOrder(rs.getString(1), rs.getString(2), rs.getString(3),
                            new BigDecimal(rs.getString(4)), rs.getString(5), rs.getString(6),
                            Instant.parse(rs.getString(7))));
                }
            }
            return rows;
        }
    }

    @Override
    public synchronized void close() {
        SqliteConnections.closeQuietly(connection);
    }
}
