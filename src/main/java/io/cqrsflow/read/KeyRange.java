package io.cqrsflow.read;

import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Keys after {@code after} up to {@code upTo}, either bound open (null), as SQL: only the bounds given
 * are written, since a bound written as {@code ? IS NULL OR key > ?} keeps SQLite from using the key's
 * index — every chunk would then scan the whole table.
 */
public record KeyRange(String after, String upTo) {

    /** {@code " WHERE key > ? AND key <= ?"}, or less, or nothing. */
    public String where(String column) {
        if (after == null && upTo == null) {
            return "";
        }
        return " WHERE " + (after == null ? "" : column + " > ?") + (after != null && upTo != null ? " AND " : "")
                + (upTo == null ? "" : column + " <= ?");
    }

    /** Binds the bounds {@link #where} wrote, from parameter {@code first}; returns the next free one. */
    public int bind(PreparedStatement ps, int first) throws SQLException {
        int i = first;
        if (after != null) {
            ps.setString(i++, after);
        }
        if (upTo != null) {
            ps.setString(i++, upTo);
        }
        return i;
    }
}
