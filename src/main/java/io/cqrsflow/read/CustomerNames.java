package io.cqrsflow.read;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * A projection's own memory of customer names, from CustomerRegistered, so that it can copy the name
 * into its rows (denormalize) without asking any other read model. Each projection has its own table:
 * read models stay independent and can be rebuilt one at a time.
 */
public final class CustomerNames implements AutoCloseable {
    private final PreparedStatement upsert;
    private final PreparedStatement lookup;

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
        upsert.setString(1, customerId);
        upsert.setString(2, name);
        upsert.executeUpdate();
    }

    /** The name, or "?" for a customer this projection has not seen (cannot happen in order). */
    public String nameOf(String customerId) throws SQLException {
        lookup.setString(1, customerId);
        try (ResultSet rs = lookup.executeQuery()) {
            return rs.next() ? rs.getString(1) : "?";
        }
    }

    @Override
    public void close() throws SQLException {
        upsert.close();
        lookup.close();
    }
}
