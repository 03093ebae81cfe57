package io.cqrsflow.read;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A projection's own memory of customer names, from CustomerRegistered, so that it can copy the name
 * into its rows (denormalize) without asking any other read model. Each projection has its own table:
 * read models stay independent and can be rebuilt one at a time.
 *
 * <p>The table is the memory; the names most recently written or read are also kept in memory (up to
 * {@value #CACHED}), because a rebuild looks a name up for every order placed, and that query cost as much as
 * writing the order's row. What is cached is always what the table holds inside the current transaction;
 * whoever changes the table behind this object's back (a rolled-back transaction, a rebuild emptying it)
 * calls {@link #forgetCached()}.
 */
public final class CustomerNames implements AutoCloseable {
    static final int CACHED = 10_000;

    private final PreparedStatement upsert;
    private final PreparedStatement lookup;
    private final Map<String, String> cached = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > CACHED;
        }
    };

    private CustomerNames(PreparedStatement upsert, PreparedStatement lookup) {
        this.upsert = upsert;
        this.lookup = lookup;
    }

    /** CREATE TABLE for {@code table}(customer_id, name). */
    public static String schema(String table) {
        return "CREATE TABLE IF NOT EXISTS " + table + "(customer_id TEXT PRIMARY KEY, name TEXT NOT NULL)";
    }

    public static CustomerNames open(Connection c, String table) throws SQLException {
        PreparedStatement upsert = c.prepareStatement("INSERT OR REPLACE INTO " + table + "(customer_id, name) VALUES (?, ?)");
        try {
            return new CustomerNames(upsert, c.prepareStatement("SELECT name FROM " + table + " WHERE customer_id = ?"));
        } catch (SQLException e) {
            upsert.close();
            throw e;
        }
    }

    public void remember(String customerId, String name) throws SQLException {
        cached.remove(customerId); // should the write fail, nothing cached says otherwise than the table
        upsert.setString(1, customerId);
        upsert.setString(2, name);
        upsert.executeUpdate();
        cached.put(customerId, name);
    }

    /** The name, or "?" for a customer this projection has not seen (cannot happen in order). */
    public String nameOf(String customerId) throws SQLException {
        String name = cached.get(customerId);
        if (name != null) {
            return name;
        }
        lookup.setString(1, customerId);
        try (ResultSet rs = lookup.executeQuery()) {
            if (!rs.next()) {
                return "?";
            }
            name = rs.getString(1);
        }
        cached.put(customerId, name);
        return name;
    }

    /** Forgets every cached name: the table may have changed without this object (rolled back, emptied). */
    public void forgetCached() {
        cached.clear();
    }

    @Override
    public void close() throws SQLException {
        cached.clear();
        upsert.close();
        lookup.close();
    }
}
