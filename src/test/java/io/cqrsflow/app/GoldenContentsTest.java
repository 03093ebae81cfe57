package io.cqrsflow.app;

import io.cqrsflow.read.ProjectionNames;
import io.cqrsflow.scenario.Scenario;
import io.cqrsflow.scenario.ScenarioLibrary;
import io.cqrsflow.scenario.ScenarioParser;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Behaviour preservation: every built-in scenario and every file in docs/examples, played through the real
 * engine into a fresh data folder, leaves events.db and read.db exactly as the committed dump under
 * {@code src/test/resources/golden/} says — every table, every column, checkpoints included, plus each
 * file's application id, schema version and schema. Refactors must keep these dumps unchanged.
 *
 * <p>What differs from run to run is replaced by placeholders: every ISO instant by {@code <instant>}, and
 * the command, correlation and causation ids in metadata by {@code <id-N>}, numbered by first appearance,
 * so that "these events share one command" is still checked.
 *
 * <p>After an intended change of behaviour, regenerate the dumps and review their diff:
 * {@code ./mvnw -B -q test -Dtest=GoldenContentsTest -Dgolden.update=true}.
 */
@Timeout(120)
class GoldenContentsTest {
    private static final Path GOLDEN = Path.of("src", "test", "resources", "golden");
    private static final Path EXAMPLES = Path.of("docs", "examples");
    /** Fast enough to keep the whole test to a few seconds; the final contents do not depend on speed. */
    private static final double SPEED = 100;
    private static final Pattern INSTANT =
            Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z");
    private static final Pattern METADATA_ID =
            Pattern.compile("\"(commandId|correlationId|causationId)\"\\s*:\\s*\"([^\"]*)\"");

    @TempDir
    Path dir;

    /** Built-in ids, then "examples/<file name without .json>". */
    static Stream<String> scenarios() throws IOException {
        List<String> names = new ArrayList<>(new ScenarioLibrary().ids());
        try (Stream<Path> files = Files.list(EXAMPLES)) {
            files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".json")).sorted()
                    .forEach(n -> names.add("examples/" + n.substring(0, n.length() - ".json".length())));
        }
        return names.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void playingAScenarioLeavesTheDatabasesAsBefore(String name) throws Exception {
        // given
        ScenarioParser parser = new ScenarioParser(new HashSet<>(ProjectionNames.ALL));
        Scenario scenario = name.startsWith("examples/")
                ? parser.parse(EXAMPLES.resolve(name.substring("examples/".length()) + ".json"))
                : new ScenarioLibrary().load(name, parser);
        Path data = dir.resolve("data");

        // when: the headless runner plays it and waits until every projector has caught up
        try {
            new HeadlessRunner(new PrintStream(OutputStream.nullOutputStream())).run(data, scenario, SPEED, true, false);
        } catch (HeadlessRunner.ExpectationsFailed tooFastForTheLessonsClaims) {
            // At 100x a lesson's timing claims need not hold; LessonsHoldTest checks them at 1x and 4x.
        }

        // then
        String actual = dump(data);
        Path expectedFile = GOLDEN.resolve(name.replace('/', '-') + ".txt");
        if (Boolean.getBoolean("golden.update")) {
            Files.createDirectories(GOLDEN);
            Files.writeString(expectedFile, actual, StandardCharsets.UTF_8);
        }
        assertThat(expectedFile).as("golden dump (create it with -Dgolden.update=true)").exists();
        assertThat(actual).isEqualTo(Files.readString(expectedFile, StandardCharsets.UTF_8));
    }

    /** Both files (and crud.db, when there is one) as canonical text. */
    static String dump(Path data) throws SQLException {
        Placeholders ids = new Placeholders();
        StringBuilder out = new StringBuilder();
        dumpFile(data.resolve("events.db"), ids, out);
        dumpFile(data.resolve("read.db"), ids, out);
        if (Files.exists(data.resolve("crud.db"))) {
            // only a lesson that lists the "crud" panel makes one
            dumpFile(data.resolve("crud.db"), ids, out);
        }
        return out.toString();
    }

    private static void dumpFile(Path file, Placeholders ids, StringBuilder out) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
             Statement s = c.createStatement()) {
            out.append("# ").append(file.getFileName()).append('\n');
            out.append("application_id ").append(scalar(s, "PRAGMA application_id")).append('\n');
            out.append("user_version ").append(scalar(s, "PRAGMA user_version")).append('\n');
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT type, name, sql FROM sqlite_master"
                    + " WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name")) {
                while (rs.next()) {
                    out.append(rs.getString(1)).append(' ').append(rs.getString(2)).append(": ")
                            .append(String.valueOf(rs.getString(3)).replaceAll("\\s+", " ")).append('\n');
                    if ("table".equals(rs.getString(1))) {
                        tables.add(rs.getString(2));
                    }
                }
            }
            for (String table : tables) {
                dumpTable(s, table, ids, out);
            }
            out.append('\n');
        }
    }

    private static void dumpTable(Statement s, String table, Placeholders ids, StringBuilder out) throws SQLException {
        // Sorted by the primary key (the rowid for a table without one), so that insertion order does not matter.
        List<String> key = new ArrayList<>();
        try (ResultSet rs = s.executeQuery("PRAGMA table_info(\"" + table + "\")")) {
            Map<Integer, String> byOrdinal = new HashMap<>();
            while (rs.next()) {
                if (rs.getInt("pk") > 0) {
                    byOrdinal.put(rs.getInt("pk"), "\"" + rs.getString("name") + "\"");
                }
            }
            for (int i = 1; i <= byOrdinal.size(); i++) {
                key.add(byOrdinal.get(i));
            }
        }
        String orderBy = key.isEmpty() ? "rowid" : String.join(", ", key);
        try (ResultSet rs = s.executeQuery("SELECT * FROM \"" + table + "\" ORDER BY " + orderBy)) {
            int columns = rs.getMetaData().getColumnCount();
            out.append("\n## ").append(table).append(" (");
            for (int i = 1; i <= columns; i++) {
                out.append(i > 1 ? ", " : "").append(rs.getMetaData().getColumnName(i));
            }
            out.append(")\n");
            while (rs.next()) {
                for (int i = 1; i <= columns; i++) {
                    out.append(i > 1 ? " | " : "").append(value(rs.getObject(i), ids));
                }
                out.append('\n');
            }
        }
    }

    private static String value(Object v, Placeholders ids) {
        if (v == null) {
            return "NULL";
        }
        if (!(v instanceof String text)) {
            return v.getClass().getSimpleName() + ":" + v;
        }
        String normalised = INSTANT.matcher(text).replaceAll("<instant>");
        Matcher m = METADATA_ID.matcher(normalised);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(b, Matcher.quoteReplacement("\"" + m.group(1) + "\":\"" + ids.of(m.group(2)) + "\""));
        }
        m.appendTail(b);
        return "'" + b.toString().replace("\\", "\\\\").replace("\n", "\\n") + "'";
    }

    private static String scalar(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return String.valueOf(rs.getObject(1));
        }
    }

    /** Run-specific ids, each replaced by the ordinal of its first appearance. */
    private static final class Placeholders {
        private final Map<String, String> ids = new HashMap<>();

        String of(String id) {
            return ids.computeIfAbsent(id, k -> "<id-" + (ids.size() + 1) + ">");
        }
    }
}
