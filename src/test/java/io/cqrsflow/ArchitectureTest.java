package io.cqrsflow;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps DESIGN.md's dependency direction true with a plain scan of src/main/java: every import, and every
 * fully-qualified name in code (comments and string literals do not count), must point down the table.
 * A package not in the table fails too: add it to DESIGN.md and here, on purpose.
 */
class ArchitectureTest {

    private static final String ROOT = "io.cqrsflow";

    /** Who may use whom, straight from DESIGN.md. A layer may always use itself and its sub-packages. */
    static final Map<String, Set<String>> MAY_USE = Map.of(
            "app", Set.of("ui", "scenario", "flow", "write", "read", "eventstore", "domain"),
            "ui", Set.of("flow", "scenario", "read", "write", "domain"),
            "scenario", Set.of("flow", "write", "read", "domain"),
            "flow", Set.of("write", "read", "eventstore", "domain"),
            "write", Set.of("eventstore", "domain"),
            "read", Set.of("eventstore", "domain"),
            "eventstore", Set.of("domain"),
            "domain", Set.of());

    /**
     * Value records the engine hands to the UI (an event as recorded, its metadata). The UI may read them;
     * it may not use the store itself, which stays behind the engine.
     */
    static final Set<String> HANDED_OUT_TO_UI = Set.of(
            "io.cqrsflow.eventstore.RecordedEvent", "io.cqrsflow.eventstore.EventMetadata");

    /** What a pure decider must not touch: no UI, no JDBC, no files, no clock, no randomness. */
    private static final List<String> DOMAIN_FORBIDDEN_PREFIXES = List.of(
            "javafx.", "java.sql.", "javax.sql.", "java.io.", "java.nio.file.", "java.awt.", "java.net.",
            "com.fasterxml.", "org.sqlite.");
    private static final Set<String> DOMAIN_FORBIDDEN_TYPES = Set.of(
            "java.time.Clock", "java.time.InstantSource", "java.util.Random", "java.util.concurrent.ThreadLocalRandom",
            "java.security.SecureRandom", "java.util.random.RandomGenerator", "java.util.SplittableRandom",
            "java.time.*", "java.util.*", "java.util.concurrent.*", "java.security.*");
    private static final Pattern DOMAIN_FORBIDDEN_CALLS = Pattern.compile(
            "\\.now\\s*\\(|currentTimeMillis|nanoTime|Math\\.random|randomUUID|\\bnew\\s+Random\\b|ThreadLocalRandom"
                    + "|SecureRandom|\\bClock\\b|javafx\\.|java\\.sql\\.|java\\.io\\.|java\\.nio\\.file\\.");

    private static final Pattern IMPORT = Pattern.compile("^\\s*import\\s+(?:static\\s+)?([\\w.]+(?:\\.\\*)?)\\s*;",
            Pattern.MULTILINE);
    private static final Pattern OUR_NAME = Pattern.compile("\\bio\\.cqrsflow\\.(\\w+)");

    static List<SourceFile> sources;

    @BeforeAll
    static void scan() throws IOException {
        Path main = Path.of(System.getProperty("basedir", ".")).resolve("src/main/java");
        try (Stream<Path> files = Files.walk(main)) {
            sources = new ArrayList<>();
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                sources.add(SourceFile.parse(main.relativize(file).toString().replace('\\', '/'),
                        Files.readString(file, StandardCharsets.UTF_8)));
            }
        }
    }

    @Test
    void the_scanner_really_reads_the_code() {
        // so that this test cannot pass by finding nothing
        assertThat(sources).hasSizeGreaterThan(20);
        assertThat(sources).extracting(SourceFile::layer).contains("domain", "eventstore", "write", "app");
        SourceFile eventStore = sources.stream()
                .filter(s -> s.path().equals("io/cqrsflow/eventstore/EventStore.java")).findFirst().orElseThrow();
        assertThat(eventStore.imports()).contains("io.cqrsflow.domain.Event", "java.util.function.Consumer");
        SourceFile handler = sources.stream()
                .filter(s -> s.path().equals("io/cqrsflow/write/CommandHandler.java")).findFirst().orElseThrow();
        assertThat(handler.usedLayers()).contains("domain", "eventstore");
        assertThat(sources.stream().mapToInt(s -> s.imports().size()).sum()).isGreaterThan(50);
    }

    @Test
    void dependencies_point_down_the_table() {
        assertThat(sources.stream().flatMap(s -> violations(s).stream()).toList()).isEmpty();
    }

    @Test
    void the_domain_stays_pure() {
        assertThat(sources.stream().filter(s -> s.layer().equals("domain"))
                .flatMap(s -> domainViolations(s).stream()).toList()).isEmpty();
    }

    @Test
    void the_read_side_uses_no_javafx() {
        // read models describe how they look as plain data; the window alone makes controls of it
        assertThat(sources.stream().filter(s -> s.layer().equals("read"))
                .filter(s -> s.imports().stream().anyMatch(i -> i.startsWith("javafx."))
                        || s.codeWithoutImports().contains("javafx."))
                .map(SourceFile::path).toList()).isEmpty();
    }

    @Test
    void outside_the_read_side_read_models_are_known_only_through_the_registry() {
        // so that adding one is its own package plus a line in ReadModels, and no other layer changes
        Pattern readModelPackage = Pattern.compile("\\bio\\.cqrsflow\\.read\\.[a-z]+\\.");
        assertThat(sources.stream().filter(s -> !s.layer().equals("read"))
                .filter(s -> readModelPackage.matcher(s.code()).find())
                .map(SourceFile::path).toList()).isEmpty();
    }

    @Test
    void the_ui_may_read_recorded_events_but_not_use_the_store() {
        SourceFile reads = SourceFile.parse("io/cqrsflow/ui/Reads.java", """
                package io.cqrsflow.ui;

                import io.cqrsflow.eventstore.RecordedEvent;

                final class Reads {
                    RecordedEvent shown;
                }
                """);
        SourceFile writes = SourceFile.parse("io/cqrsflow/ui/Writes.java", """
                package io.cqrsflow.ui;

                import io.cqrsflow.eventstore.RecordedEvent;
                import io.cqrsflow.eventstore.SqliteEventStore;

                final class Writes {
                    SqliteEventStore store;
                }
                """);

        assertThat(violations(reads)).isEmpty();
        assertThat(violations(writes)).singleElement().asString().contains("ui must not use eventstore");
    }

    @Test
    void catches_what_it_is_meant_to_catch() {
        SourceFile sneaky = SourceFile.parse("io/cqrsflow/domain/Sneaky.java", """
                package io.cqrsflow.domain;

                import java.sql.Connection;
                import java.time.Clock;
                // import io.cqrsflow.ui.Commented;  comments do not count
                /* import io.cqrsflow.flow.AlsoCommented; */
                import static io.cqrsflow.eventstore.ExpectedVersion.ANY;

                final class Sneaky {
                    String s = "io.cqrsflow.app.InAString does not count";
                    io.cqrsflow.write.CommandHandler handler; // fully qualified does
                    long t = System.currentTimeMillis();
                    char quote = '"';
                    String after = "still io.cqrsflow.read.Nothing";
                }
                """);

        assertThat(sneaky.usedLayers()).containsExactlyInAnyOrder("eventstore", "write");
        assertThat(violations(sneaky)).hasSize(2)
                .anySatisfy(v -> assertThat(v).contains("domain", "eventstore"))
                .anySatisfy(v -> assertThat(v).contains("domain", "write"));
        assertThat(domainViolations(sneaky))
                .anySatisfy(v -> assertThat(v).contains("java.sql.Connection"))
                .anySatisfy(v -> assertThat(v).contains("java.time.Clock"))
                .anySatisfy(v -> assertThat(v).contains("currentTimeMillis"));

        SourceFile upward = SourceFile.parse("io/cqrsflow/read/orderlist/OrderListProjection.java", """
                package io.cqrsflow.read.orderlist;
                import io.cqrsflow.read.Checkpoints;
                import io.cqrsflow.flow.Signals;
                class OrderListProjection {}
                """);
        assertThat(violations(upward)).singleElement().asString().contains("read", "flow");

        SourceFile stray = SourceFile.parse("io/cqrsflow/util/Helper.java", "package io.cqrsflow.util;\nclass Helper {}");
        assertThat(violations(stray)).singleElement().asString().contains("util", "not in the table");

        SourceFile fine = SourceFile.parse("io/cqrsflow/app/Main.java", """
                package io.cqrsflow.app;
                import io.cqrsflow.ui.MainWindow;
                import io.cqrsflow.eventstore.SqliteEventStore;
                class Main {}
                """);
        assertThat(violations(fine)).isEmpty();
    }

    static List<String> violations(SourceFile source) {
        List<String> found = new ArrayList<>();
        if (!MAY_USE.containsKey(source.layer())) {
            found.add(source.path() + ": package '" + source.layer() + "' is not in the table in DESIGN.md");
            return found;
        }
        Set<String> usedLayers = source.layer().equals("ui") ? source.usedLayersIgnoring(HANDED_OUT_TO_UI) : source.usedLayers();
        for (String used : usedLayers) {
            if (!used.equals(source.layer()) && !MAY_USE.get(source.layer()).contains(used)) {
                found.add(source.path() + ": " + source.layer() + " must not use " + used);
            }
        }
        return found;
    }

    static List<String> domainViolations(SourceFile source) {
        List<String> found = new ArrayList<>();
        for (String imported : source.imports()) {
            if (DOMAIN_FORBIDDEN_TYPES.contains(imported)
                    || DOMAIN_FORBIDDEN_PREFIXES.stream().anyMatch(imported::startsWith)) {
                found.add(source.path() + ": the domain must not import " + imported);
            }
        }
        Matcher call = DOMAIN_FORBIDDEN_CALLS.matcher(source.codeWithoutImports());
        while (call.find()) {
            found.add(source.path() + ": the domain must not use " + call.group());
        }
        return found;
    }

    /** One source file: its layer, its imports, and its code with comments and literals blanked out. */
    record SourceFile(String path, String layer, List<String> imports, String code) {

        static SourceFile parse(String path, String text) {
            String[] parts = path.split("/");
            // io/cqrsflow/<layer>/...; a file right in io/cqrsflow has no layer
            String layer = parts.length > 3 && parts[0].equals("io") && parts[1].equals("cqrsflow")
                    ? parts[2] : "(" + String.join(".", List.of(parts).subList(0, parts.length - 1)) + ")";
            String code = codeOnly(text);
            List<String> imports = new ArrayList<>();
            Matcher m = IMPORT.matcher(code);
            while (m.find()) {
                imports.add(m.group(1));
            }
            return new SourceFile(path, layer, List.copyOf(imports), code);
        }

        /** The io.cqrsflow layers this file names, by import or by fully-qualified name in code. */
        Set<String> usedLayers() {
            return usedLayersIgnoring(Set.of());
        }

        /** The layers named in the code, not counting the given fully qualified type names. */
        Set<String> usedLayersIgnoring(Set<String> types) {
            String text = code.replaceFirst("(?m)^\\s*package\\s+[\\w.]+\\s*;", "");
            for (String type : types) {
                text = text.replaceAll("\\b" + Pattern.quote(type) + "\\b", "");
            }
            Set<String> layers = new TreeSet<>();
            Matcher m = OUR_NAME.matcher(text);
            while (m.find()) {
                layers.add(m.group(1));
            }
            return layers;
        }

        String codeWithoutImports() {
            return IMPORT.matcher(code).replaceAll("").replaceFirst("(?m)^\\s*package\\s+[\\w.]+\\s*;", "");
        }

        /** Blanks comments, string, char and text-block literals, keeping line structure. */
        static String codeOnly(String text) {
            StringBuilder out = new StringBuilder(text.length());
            int i = 0;
            while (i < text.length()) {
                if (text.startsWith("//", i)) {
                    while (i < text.length() && text.charAt(i) != '\n') {
                        i++;
                    }
                } else if (text.startsWith("/*", i)) {
                    int end = text.indexOf("*/", i + 2);
                    i = blank(text, i, end < 0 ? text.length() : end + 2, out);
                } else if (text.startsWith("\"\"\"", i)) {
                    int end = text.indexOf("\"\"\"", i + 3);
                    while (end > 0 && text.charAt(end - 1) == '\\') {
                        end = text.indexOf("\"\"\"", end + 1);
                    }
                    i = blank(text, i, end < 0 ? text.length() : end + 3, out);
                } else if (text.charAt(i) == '"' || text.charAt(i) == '\'') {
                    char quote = text.charAt(i);
                    int j = i + 1;
                    while (j < text.length() && text.charAt(j) != quote && text.charAt(j) != '\n') {
                        j += text.charAt(j) == '\\' ? 2 : 1;
                    }
                    i = blank(text, i, Math.min(j + 1, text.length()), out);
                } else {
                    out.append(text.charAt(i++));
                }
            }
            return out.toString();
        }

        private static int blank(String text, int from, int to, StringBuilder out) {
            for (int k = from; k < to; k++) {
                out.append(text.charAt(k) == '\n' ? '\n' : ' ');
            }
            return to;
        }
    }
}
