package io.cqrsflow.read;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A read model's count of stale rows, SQLite finding the candidates: read.db is attached to the truth's file,
 * one query ({@link ReadModelModule#mayBeStaleSql}) joins the read model's table with the truth's by key and
 * returns the keys where some column differs, and only those keys are compared in Java
 * ({@link ReadModelModule#staleOf}), a chunk at a time. The same count as {@link ReadModelModule#staleRowCount}:
 * a key the query leaves out has the truth's values in every column the comparison reads, so it is not stale;
 * a key it returns is judged by the comparison itself. After a catch-up there are none, and neither side's rows
 * are parsed at all (at a million events about 0.5 s a read model instead of 2–3 s). The truth is still folded
 * from events.db alone, never from what it is compared with.
 */
final class StaleKeys {
    private static final String READ_DB = "r";

    private StaleKeys() {
    }

    /** Its stale and missing rows, as {@link ReadModelModule#staleRowCount} counts them. */
    static int count(ReadModelModule<?> m, ReadDatabase db, TruthTable truth, int chunk) {
        String sql = m.mayBeStaleSql();
        if (sql == null) {
            return m.staleRowCount(db, truth, chunk);
        }
        Connection c = truth.connection();
        try {
            try (PreparedStatement attach = c.prepareStatement("ATTACH DATABASE ? AS " + READ_DB)) {
                attach.setString(1, db.file().toAbsolutePath().toString());
                attach.execute();
            }
            try {
                int stale = 0;
                List<String> keys = new ArrayList<>(chunk);
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
                    while (rs.next()) {
                        keys.add(rs.getString(1));
                        if (keys.size() == chunk) {
                            stale += m.staleOf(db, truth, keys).size();
                            keys.clear();
                        }
                    }
                }
                return keys.isEmpty() ? stale : stale + m.staleOf(db, truth, keys).size();
            } finally {
                try (Statement s = c.createStatement()) {
                    s.execute("DETACH DATABASE " + READ_DB);
                }
            }
        } catch (SQLException e) {
            throw new ReadModelException("could not compare " + m.name() + " with the write model: " + e.getMessage(), e);
        }
    }
}
