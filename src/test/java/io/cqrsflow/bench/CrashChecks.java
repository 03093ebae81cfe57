package io.cqrsflow.bench;

import io.cqrsflow.flow.Engine;
import io.cqrsflow.sqlite.SqliteConnections;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What must hold after a crash, read straight from the files with SQLite (not through the app): no
 * acknowledged event lost, positions 1..head with no gap or duplicate, every stream's versions 1..n,
 * checkpoints at most the head (and equal to it once the app has caught up), read models equal to a fresh
 * rebuild, and {@code PRAGMA quick_check} ok on both files. Each method returns the problems found, in words.
 */
final class CrashChecks {
    private final Path data;
    private final Path fresh;
    private long head;

    CrashChecks(Path data, Path fresh) {
        this.data = data;
        this.fresh = fresh;
    }

    long head() {
        return head;
    }

    /** On the files as the kill left them. */
    List<String> afterKill(Map<Long, String> acknowledged) throws SQLException {
        List<String> problems = new ArrayList<>(eventsDb(acknowledged));
        Path read = data.resolve(Engine.READ_FILE);
        if (Files.exists(read)) {
            try (Connection c = open(read)) {
                quickCheck(c, "read.db", problems);
                checkpoints(c).forEach((projection, position) -> {
                    if (position > head) {
                        problems.add("checkpoint of " + projection + " at " + position + " is past the head " + head);
                    }
                });
            }
        }
        return problems;
    }

    /** Once the restarted app has caught up and exited. */
    List<String> afterCatchUp(Map<Long, String> acknowledged) throws Exception {
        List<String> problems = new ArrayList<>(eventsDb(acknowledged));
        Map<String, Long> checkpoints;
        try (Connection c = open(data.resolve(Engine.READ_FILE))) {
            quickCheck(c, "read.db", problems);
            checkpoints = checkpoints(c);
        }
        if (checkpoints.isEmpty()) {
            problems.add("read.db has no checkpoints after catching up");
        }
        checkpoints.forEach((projection, position) -> {
            if (position != head) {
                problems.add("checkpoint of " + projection + " at " + position + " after catching up, head " + head);
            }
        });
        problems.addAll(equalToFreshRebuild());
        return problems;
    }

    private List<String> eventsDb(Map<Long, String> acknowledged) throws SQLException {
        List<String> problems = new ArrayList<>();
        try (Connection c = open(data.resolve(Engine.EVENTS_FILE)); Statement s = c.createStatement()) {
            quickCheck(c, "events.db", problems);
            try (ResultSet rs = s.executeQuery("SELECT COUNT(*), COALESCE(MIN(position), 0), COALESCE(MAX(position), 0) FROM events")) {
                rs.next();
                long count = rs.getLong(1);
                head = rs.getLong(3);
                if (count != head || (count > 0 && rs.getLong(2) != 1)) {
                    problems.add("positions are not 1.." + head + " without gaps: " + count + " rows from " + rs.getLong(2));
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT stream_id, COUNT(*), MIN(stream_version), MAX(stream_version) FROM events"
                    + " GROUP BY stream_id HAVING COUNT(*) != MAX(stream_version) OR MIN(stream_version) != 1 LIMIT 3")) {
                while (rs.next()) {
                    problems.add("stream " + rs.getString(1) + " has versions " + rs.getLong(3) + ".." + rs.getLong(4)
                            + " in " + rs.getLong(2) + " events");
                }
            }
            Map<Long, String> types = new java.util.HashMap<>();
            long first = acknowledged.keySet().stream().mapToLong(Long::longValue).min().orElse(Long.MAX_VALUE);
            try (ResultSet rs = s.executeQuery("SELECT position, type FROM events WHERE position >= " + first)) {
                while (rs.next()) {
                    types.put(rs.getLong(1), rs.getString(2));
                }
            }
            int lost = 0;
            for (Map.Entry<Long, String> e : acknowledged.entrySet()) {
                if (!e.getValue().equals(types.get(e.getKey()))) {
                    if (lost++ < 3) {
                        problems.add("acknowledged event #" + e.getKey() + " (" + e.getValue() + ") is "
                                + (types.containsKey(e.getKey()) ? "a " + types.get(e.getKey()) : "missing"));
                    }
                }
            }
        }
        return problems;
    }

    /** Copies events.db to a folder of its own and lets the engine build read.db there from nothing. */
    private List<String> equalToFreshRebuild() throws Exception {
        Files.createDirectories(fresh);
        for (String name : List.of(Engine.EVENTS_FILE, Engine.READ_FILE, "events.db-wal", "events.db-shm", "read.db-wal", "read.db-shm")) {
            Files.deleteIfExists(fresh.resolve(name));
        }
        Files.copy(data.resolve(Engine.EVENTS_FILE), fresh.resolve(Engine.EVENTS_FILE), StandardCopyOption.REPLACE_EXISTING);
        try (Engine engine = Engine.open(fresh, Clock.systemUTC(), Map.of())) {
            if (!engine.awaitCaughtUp(Duration.ofMinutes(5))) {
                return List.of("the fresh rebuild did not catch up");
            }
        }
        List<String> problems = new ArrayList<>();
        try (Connection built = open(fresh.resolve(Engine.READ_FILE)); Connection kept = open(data.resolve(Engine.READ_FILE))) {
            List<String> tables = new ArrayList<>();
            try (Statement s = built.createStatement();
                 ResultSet rs = s.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%'"
                         + " AND name != 'checkpoints' ORDER BY name")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String table : tables) {
                String sql = "SELECT * FROM " + table + " ORDER BY 1";
                List<String> expected = rows(built, sql);
                List<String> actual = rows(kept, sql);
                if (!expected.equals(actual)) {
                    problems.add(table + " differs from a fresh rebuild (" + actual.size() + " rows, fresh " + expected.size() + ")");
                }
            }
            String sql = "SELECT projection, position, log_hash FROM checkpoints ORDER BY 1";
            if (!rows(built, sql).equals(rows(kept, sql))) {
                problems.add("checkpoints differ from a fresh rebuild's: " + rows(kept, sql) + " vs " + rows(built, sql));
            }
        }
        return problems;
    }

    private static List<String> rows(Connection c, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            ResultSetMetaData meta = rs.getMetaData();
            while (rs.next()) {
                StringBuilder b = new StringBuilder();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    b.append(rs.getString(i)).append('|');
                }
                rows.add(b.toString());
            }
        }
        return rows;
    }

    private static Map<String, Long> checkpoints(Connection c) throws SQLException {
        Map<String, Long> checkpoints = new LinkedHashMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT projection, position FROM checkpoints")) {
            while (rs.next()) {
                checkpoints.put(rs.getString(1), rs.getLong(2));
            }
        }
        return checkpoints;
    }

    private static void quickCheck(Connection c, String name, List<String> problems) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA quick_check")) {
            rs.next();
            if (!"ok".equals(rs.getString(1))) {
                problems.add(name + " quick_check: " + rs.getString(1));
            }
        }
    }

    /** A plain connection, as any SQLite tool would open the file (it recovers the WAL a kill left behind). */
    private static Connection open(Path file) throws SQLException {
        return SqliteConnections.connect(file);
    }
}
