package io.cqrsflow.read;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * read.db as a learner sees it in any SQLite browser: plain JDBC, no read-side code. Used to compare
 * whole read models, every table and every column, with a fresh rebuild.
 */
public final class ReadDbContents {
    /** Tables that say how far the read side got, not what it shows. */
    private static final List<String> BOOKKEEPING = List.of("checkpoints", "read_meta", "sqlite_sequence");

    private ReadDbContents() {
    }

    /** Every read-model table (not checkpoints), each as its rows in primary-key order. */
    public static Map<String, List<List<Object>>> tables(Path readDb) {
        Map<String, List<List<Object>>> tables = new TreeMap<>();
        for (String table : tableNames(readDb)) {
            if (!BOOKKEEPING.contains(table)) {
                tables.put(table, rows(readDb, "SELECT * FROM \"" + table + "\" ORDER BY 1"));
            }
        }
        return tables;
    }

    /** projection → position, as stored. */
    public static Map<String, Long> checkpoints(Path readDb) {
        Map<String, Long> checkpoints = new TreeMap<>();
        if (!tableNames(readDb).contains("checkpoints")) {
            return checkpoints;
        }
        for (List<Object> row : rows(readDb, "SELECT projection, position FROM checkpoints")) {
            checkpoints.put((String) row.get(0), ((Number) row.get(1)).longValue());
        }
        return checkpoints;
    }

    public static List<String> tableNames(Path readDb) {
        List<String> names = new ArrayList<>();
        for (List<Object> row : rows(readDb, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")) {
            names.add((String) row.get(0));
        }
        return names;
    }

    public static List<List<Object>> rows(Path file, String sql) {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            int columns = rs.getMetaData().getColumnCount();
            List<List<Object>> rows = new ArrayList<>();
            while (rs.next()) {
                List<Object> row = new ArrayList<>(columns);
                for (int i = 1; i <= columns; i++) {
                    row.add(rs.getObject(i));
                }
                rows.add(row);
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot query " + file + ": " + sql, e);
        }
    }

    public static void execute(Path file, String... sql) {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
             Statement s = c.createStatement()) {
            for (String statement : sql) {
                s.execute(statement);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot execute on " + file + ": " + String.join("; ", sql), e);
        }
    }
}
