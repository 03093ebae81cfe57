package io.cqrsflow.eventstore;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The events.db file as a learner sees it in any SQLite browser: plain JDBC, no pragmas, no store code.
 * Every call opens and closes its own connection, so it sees only what was committed.
 */
public final class EventsDb {
    private final Path file;

    public EventsDb(Path file) {
        this.file = file;
    }

    public List<Map<String, Object>> rows(String sql) {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            List<Map<String, Object>> rows = new ArrayList<>();
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= columns; i++) {
                    row.put(rs.getMetaData().getColumnLabel(i), rs.getObject(i));
                }
                rows.add(row);
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot query " + file + ": " + sql, e);
        }
    }

    public Object scalar(String sql) {
        return rows(sql).get(0).values().iterator().next();
    }

    public long count() {
        return ((Number) scalar("SELECT COUNT(*) FROM events")).longValue();
    }

    public void execute(String sql) {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
             Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot execute on " + file + ": " + sql, e);
        }
    }
}
