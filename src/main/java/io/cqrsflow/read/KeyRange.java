package io.cqrsflow.read;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Keys after {@code after} up to {@code upTo}, either bound open (null), as SQL: only the bounds given
 * are written, since a bound written as {@code ? IS NULL OR key > ?} keeps SQLite from using the key's
 * index — every chunk would then scan the whole table.
 */
public record KeyRange(String after, String upTo) {
    /** Keys bound in one {@code IN (…)} by {@link #among}. */
    public static final int IN_AT_ONCE = 500;

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

    /**
     * The rows of these keys, asked {@value #IN_AT_ONCE} keys at a time (SQLite binds at most 999 parameters):
     * {@code query} gets the keys and their {@code "?, ?, …"} for an {@code IN (…)}.
     */
    public static <T> List<T> among(Collection<String> keys, BiFunction<List<String>, String, List<T>> query) {
        List<String> all = List.copyOf(new LinkedHashSet<>(keys));
        List<T> rows = new ArrayList<>();
        for (int from = 0; from < all.size(); from += IN_AT_ONCE) {
            List<String> some = all.subList(from, Math.min(all.size(), from + IN_AT_ONCE));
            rows.addAll(query.apply(some, String.join(", ", Collections.nCopies(some.size(), "?"))));
        }
        return rows;
    }

    /** Binds these keys from parameter 1. */
    public static void bindAll(PreparedStatement ps, List<String> keys) throws SQLException {
        for (int i = 0; i < keys.size(); i++) {
            ps.setString(i + 1, keys.get(i));
        }
    }
}
