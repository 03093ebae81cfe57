package io.cqrsflow.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cqrsflow.read.History;
import io.cqrsflow.read.ReadDbContents;
import io.cqrsflow.scenario.ScenarioLibrary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The headless runner through {@code Main.run}, on real files in a temporary folder: what a teacher's
 * script sees — exit codes, one JSON object per line, the read-your-writes lesson in the trace, bad
 * scenario files refused without touching anything, rebuild, fresh, and a folder already in use.
 *
 * <p>Longer than 300 lines on purpose: one case per option and exit code a teacher's script relies on.
 */
@Timeout(60)
class HeadlessRunnerTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /** What one run printed, and how it ended. */
    record Result(int code, String out, String err) {
        List<String> lines() {
            return out.isEmpty() ? List.of() : Arrays.asList(out.split("\\R"));
        }

        /** Every line as JSON; fails unless each one is a JSON object with a kind. */
        List<JsonNode> json() {
            List<JsonNode> nodes = new ArrayList<>();
            for (String line : lines()) {
                JsonNode node;
                try {
                    node = JSON.readTree(line);
                } catch (IOException e) {
                    throw new AssertionError("not a JSON line: " + line, e);
                }
                assertThat(node.isObject()).as(line).isTrue();
                assertThat(node.path("kind").isTextual()).as("kind of " + line).isTrue();
                nodes.add(node);
            }
            return nodes;
        }

        List<JsonNode> kind(String kind) {
            return json().stream().filter(n -> n.path("kind").asText().equals(kind)).toList();
        }

        JsonNode summary() {
            List<JsonNode> summaries = kind("summary");
            assertThat(summaries).as("one summary line").hasSize(1);
            return summaries.get(0);
        }
    }

    static Result run(PrintStream out, ByteArrayOutputStream outBytes, String... args) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, out, new PrintStream(err, true, StandardCharsets.UTF_8));
        out.flush();
        return new Result(code, outBytes.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        return run(new PrintStream(out, true, StandardCharsets.UTF_8), out, args);
    }

    private Path data() {
        return dir.resolve("data");
    }

    private Path scenarioFile(String name, String json) {
        try {
            return Files.writeString(dir.resolve(name), json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every checkpoint equals the head, and no row differs from the write model. */
    private static void assertCaughtUp(JsonNode summary, String... projectors) {
        long head = summary.path("head").asLong();
        assertThat(head).isPositive();
        List<String> names = new ArrayList<>();
        summary.path("checkpoints").fieldNames().forEachRemaining(names::add);
        assertThat(names).containsExactlyInAnyOrder(projectors);
        summary.path("checkpoints").forEach(c -> assertThat(c.asLong()).isEqualTo(head));
        assertThat(summary.path("staleRows").asInt()).isZero();
    }

    private static Map<String, Long> everyCheckpointAt(long head, String... projectors) {
        Map<String, Long> expected = new TreeMap<>();
        for (String p : projectors) {
            expected.put(p, head);
        }
        return expected;
    }

    private long eventCount() {
        return ((Number) ReadDbContents.rows(data().resolve("events.db"), "SELECT COUNT(*) FROM events").get(0).get(0))
                .longValue();
    }

    // ---------------------------------------------------------------- the lesson, in the trace

    @Test
    void readYourWritesShowsEachSideAnsweringDifferentlyThenAgreeing() {
        // when (at 2×: the list's delay is 1.25 s)
        Result r = run("--headless", "--data", data().toString(), "--scenario", "read-your-writes", "--json",
                "--speed", "2");

        // then
        assertThat(r.err()).isEmpty();
        assertThat(r.code()).isZero();
        List<JsonNode> queries = r.kind("query");
        assertThat(queries).extracting(q -> q.path("type").asText() + " from " + q.path("from").asText()).containsExactly(
                "ListOrders from read-model", "GetOrderById from read-model", "GetOrderById from write-model",
                "ListOrders from read-model", "ListOrders from read-model");
        // the list read model does not have the new order yet
        assertThat(queries.get(0).path("result").isArray()).isTrue();
        assertThat(queries.get(0).path("result")).isEmpty();
        // the detail read model already has it
        assertThat(queries.get(1).path("result").path("orderId").asText()).isEqualTo("o-1");
        assertThat(queries.get(1).path("result").path("status").asText()).isEqualTo("pending");
        // the write model does
        assertThat(queries.get(2).path("result").path("orderId").asText()).isEqualTo("o-1");
        assertThat(queries.get(2).path("result").path("total").asText()).isEqualTo("12.50");
        // and later the list does too, then both orders
        assertThat(queries.get(3).path("result")).hasSize(1);
        assertThat(queries.get(3).path("result").get(0).path("orderId").asText()).isEqualTo("o-1");
        assertThat(queries.get(3).path("result").get(0).path("customerName").asText()).isEqualTo("Ada Lovelace");
        assertThat(queries.get(4).path("result")).hasSize(2);

        // every command was accepted, and the list applied nothing before its delay
        assertThat(r.kind("command")).extracting(c -> c.path("result").asText())
                .containsExactly("accepted", "accepted", "accepted");
        List<JsonNode> listApplied = r.kind("applied").stream()
                .filter(a -> a.path("projector").asText().equals("order-list")).toList();
        assertThat(listApplied).extracting(a -> a.path("position").asLong()).containsExactly(1L, 2L, 3L);
        assertThat(listApplied).allSatisfy(a -> assertThat(a.path("lagMs").asLong()).isGreaterThanOrEqualTo(1_250));
        JsonNode summary = r.summary();
        assertCaughtUp(summary, "order-list", "order-detail");
        assertThat(summary.path("head").asLong()).isEqualTo(3);
        assertThat(eventCount()).isEqualTo(3);
        assertThat(ReadDbContents.checkpoints(data().resolve("read.db")))
                .isEqualTo(everyCheckpointAt(3, "order-detail", "order-list"));
    }

    @Test
    void speedFourPlaysTheSameScenarioFourTimesFasterWithDelaysScaledAlike() {
        // when
        Result r = run("--headless", "--data", data().toString(), "--scenario", "read-your-writes", "--json",
                "--speed", "4");

        // then
        assertThat(r.err()).isEmpty();
        assertThat(r.code()).isZero();
        JsonNode summary = r.summary();
        assertCaughtUp(summary, "order-list", "order-detail");
        assertThat(summary.path("elapsedMs").asLong()).as("14.1 s of scenario at speed 4").isLessThan(6_000);
        List<JsonNode> queries = r.kind("query");
        assertThat(queries.get(0).path("result")).as("the list still lags").isEmpty();
        assertThat(queries.get(2).path("result").path("orderId").asText()).isEqualTo("o-1");
        assertThat(r.kind("projector")).filteredOn(p -> p.path("projector").asText().equals("order-list"))
                .isNotEmpty().allSatisfy(p -> assertThat(p.path("delayMs").asLong()).isEqualTo(625));
        assertThat(r.kind("applied")).filteredOn(a -> a.path("projector").asText().equals("order-list"))
                .allSatisfy(a -> assertThat(a.path("lagMs").asLong()).isBetween(625L, 2_499L));
    }

    @Test
    void projectorControlsActAndTheNewProjectionCatchesUpFromHistory() {
        // when
        Result rebuilt = run("--headless", "--data", data().toString(), "--scenario", "rebuild-from-history",
                "--json", "--speed", "4");
        Result r = run("--headless", "--data", data().toString(), "--fresh", "--scenario", "new-projection",
                "--json", "--speed", "4");

        // then
        assertThat(rebuilt.code()).as(rebuilt.err()).isZero();
        assertThat(r.code()).as(r.err()).isZero();
        for (String kind : List.of("rebuild", "pause", "resume")) {
            assertThat(rebuilt.kind(kind)).as(kind).isNotEmpty()
                    .allSatisfy(n -> assertThat(n.has("failed")).as(n.toString()).isFalse());
        }
        // the paced rebuild replays the list one event at a time, from position 1
        assertThat(rebuilt.kind("applied")).filteredOn(a -> a.path("projector").asText().equals("order-list"))
                .extracting(a -> a.path("position").asLong()).endsWith(23L, 24L, 25L);
        for (String kind : List.of("addProjection", "pause", "resume")) {
            assertThat(r.kind(kind)).as(kind).isNotEmpty()
                    .allSatisfy(n -> assertThat(n.has("failed")).as(n.toString()).isFalse());
        }
        assertThat(r.kind("notice")).extracting(n -> n.path("message").asText()).contains(
                "added projection sales-by-customer: it starts at position 0 and catches up from history");
        assertThat(r.kind("applied")).filteredOn(a -> a.path("projector").asText().equals("sales-by-customer"))
                .extracting(a -> a.path("position").asLong()).startsWith(1L, 2L, 3L);
        assertCaughtUp(r.summary(), "order-list", "order-detail", "sales-by-customer");
    }

    @Test
    void withoutAScenarioTheRunnerCatchesUpAndExits() {
        // given a store whose read models were never built
        long head = History.withOrders(data(), Clock.systemUTC(), 40);

        // when
        Result r = run("--headless", "--data", data().toString(), "--json");

        // then
        assertThat(r.code()).isZero();
        assertThat(r.kind("notice")).extracting(n -> n.path("message").asText())
                .containsExactly("read.db does not exist yet: building the read models from events.db");
        assertThat(r.summary().path("head").asLong()).isEqualTo(head);
        assertCaughtUp(r.summary(), "order-list", "order-detail");
        // when the projectors started, and from where: the benchmark's catch-up rate is timed from this line
        assertThat(r.kind("start")).singleElement().satisfies(s -> {
            assertThat(s.path("head").asLong()).isEqualTo(head);
            assertThat(s.path("checkpoints").path("order-list").asLong()).isZero();
            assertThat(s.path("checkpoints").path("order-detail").asLong()).isZero();
        });
    }

    @Test
    void theStartLineSaysWhenTheProjectorsStartedAndIsLeftOutWhenNothingIsBehind() {
        // given a store whose read models were never built
        long head = History.withOrders(data(), Clock.systemUTC(), 40);

        // when it is caught up, then opened again
        Result first = run("--headless", "--data", data().toString());
        Result again = run("--headless", "--data", data().toString());

        // then
        assertThat(first.code()).isZero();
        assertThat(first.out()).containsPattern("\\d+\\.\\d{3} s  start     catching up to position " + head
                + ": order-list from 0, order-detail from 0\n");
        assertThat(again.code()).isZero();
        assertThat(again.out()).doesNotContain("start ").contains("stale rows: 0");
    }

    @Test
    void theReadableTraceTellsTheSameStory() {
        // when
        Result r = run("--headless", "--data", data().toString(), "--scenario", "lagging-list",
                "--speed", "2");

        // then
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("Scenario: The list lags behind (23 steps, speed 2.0)")
                .contains("accepted -> #1 CustomerRegistered (customer-c-1 v1)")
                .contains("query GetOrderById o-1 from read-model -> o-1 for Ada Lovelace, 25.00, cancelled (\"changed mind\")")
                .contains("note      \"Why does the list still say pending? It is one event behind")
                .contains("expect    step 13: order-detail o-1 status is \"cancelled\" ✓")
                .contains("question  \"The cancel was accepted and the order detail says cancelled.")
                .contains("answer: pending — OrderCancelled is in the event store")
                .contains("live state agrees ✓")
                .contains("done      head at position 3; checkpoints: order-list=3 order-detail=3; stale rows: 0");
    }

    // ---------------------------------------------------------------- bad input

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            malformed JSON       | { "name": "Lesson", "steps": [ { "atMs": 0, "note": "a" } ] | line 1, column
            unknown command type | { "name": "Lesson", "steps": [ { "atMs": 0, "note": "a" }, { "atMs": 5, "command": { "type": "ShipIt", "orderId": "o-1" } } ] } | step 2: field "command.type": unknown command type "ShipIt"
            wrong field type     | { "name": "Lesson", "steps": [ { "atMs": 0, "command": { "type": "PayOrder", "orderId": 17 } } ] } | step 1: field "command.orderId": must be a string, got 17
            missing field        | { "name": "Lesson", "steps": [ { "atMs": 0, "command": { "type": "RegisterCustomer", "customerId": "c-1" } } ] } | step 1: field "command.name": missing
            """)
    void aBadScenarioExitsTwoWithOneLineAndCreatesNothing(String what, String json, String says) {
        // given
        Path file = scenarioFile("lesson.json", json);

        // when
        Result r = run("--headless", "--data", data().toString(), "--scenario", file.toString(), "--json");

        // then
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().strip()).doesNotContain("\n").startsWith("cqrs-flow: " + file + ": ").contains(says);
        assertThat(data()).doesNotExist();
    }

    @Test
    void aBadScenarioLeavesExistingDatabasesUntouched() throws IOException {
        // given a folder with both databases
        assertThat(run("--headless", "--data", data().toString(), "--scenario", "lagging-list",
                "--speed", "4").code()).isZero();
        Map<Path, byte[]> before = new HashMap<>();
        Map<Path, FileTime> modified = new HashMap<>();
        for (Path f : List.of(data().resolve("events.db"), data().resolve("read.db"))) {
            before.put(f, Files.readAllBytes(f));
            modified.put(f, Files.getLastModifiedTime(f));
        }
        Path file = scenarioFile("lesson.json", """
                { "name": "Lesson", "steps": [
                  { "atMs": 0, "command": { "type": "RegisterCustomer", "customerId": "c-2", "name": "Grace Hopper" } },
                  { "atMs": 5, "command": { "type": "PlaceOrder", "orderId": "o-2", "customerId": "c-2",
                                            "items": [ { "sku": "A", "quantity": "two", "unitPrice": "1.00" } ] } } ] }
                """);

        // when the second step is bad, and the first is good
        Result r = run("--headless", "--data", data().toString(), "--scenario", file.toString(), "--fresh");

        // then nothing ran, nothing moved, nothing changed
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo("cqrs-flow: " + file
                + ": step 2: field \"command.items[0].quantity\": must be a whole number, got \"two\"");
        for (Path f : before.keySet()) {
            assertThat(Files.readAllBytes(f)).as(f.toString()).isEqualTo(before.get(f));
            assertThat(Files.getLastModifiedTime(f)).as(f.toString()).isEqualTo(modified.get(f));
        }
        try (Stream<Path> files = Files.list(data())) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("old-"));
        }
    }

    @Test
    void anUnknownScenarioNameAndABadOptionExitTwo() {
        Result unknown = run("--headless", "--data", data().toString(), "--scenario", "no-such-lesson");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).startsWith("cqrs-flow: no scenario file or built-in scenario named no-such-lesson;");

        Result badSpeed = run("--headless", "--data", data().toString(), "--speed", "0");
        assertThat(badSpeed.code()).isEqualTo(2);
        assertThat(badSpeed.err().strip()).isEqualTo("cqrs-flow: --speed must be between 0.1 and 20, got 0.0");

        Result unknownOption = run("--headless", "--colour");
        assertThat(unknownOption.code()).isEqualTo(2);
        assertThat(unknownOption.err()).contains("--colour").contains("(see --help)");
        assertThat(data()).doesNotExist();
    }

    // ---------------------------------------------------------------- rebuild and fresh

    @Test
    void rebuildReproducesBothReadModelsRowForRow() {
        // given read models built while a scenario played, with every step kind
        assertThat(run("--headless", "--data", data().toString(), "--scenario", "new-projection",
                "--speed", "4").code()).isZero();
        Map<String, List<List<Object>>> played = ReadDbContents.tables(data().resolve("read.db"));
        long head = eventCount();

        // when
        Result r = run("--headless", "--data", data().toString(), "--rebuild", "--json");

        // then
        assertThat(r.code()).isZero();
        assertThat(r.kind("projector")).extracting(p -> p.path("state").asText()).contains("rebuilding");
        assertCaughtUp(r.summary(), "order-list", "order-detail", "sales-by-customer");
        assertThat(ReadDbContents.tables(data().resolve("read.db"))).isEqualTo(played);
        assertThat(ReadDbContents.checkpoints(data().resolve("read.db")))
                .isEqualTo(everyCheckpointAt(head, "order-detail", "order-list", "sales-by-customer"));
    }

    @Test
    void rebuildOfAHistoryLongerThanABatchFinishesBeforeTheRunnerExits() {
        // given more than a projector's batch of events, projected once
        long head = History.withOrders(data(), Clock.systemUTC(), 1_200);
        assertThat(run("--headless", "--data", data().toString()).code()).isZero();
        Map<String, List<List<Object>>> projected = ReadDbContents.tables(data().resolve("read.db"));
        assertThat(projected.get("order_list")).hasSize(1_200);

        // when
        Result r = run("--headless", "--data", data().toString(), "--rebuild", "--json");

        // then
        assertThat(r.code()).isZero();
        assertCaughtUp(r.summary(), "order-list", "order-detail");
        assertThat(ReadDbContents.checkpoints(data().resolve("read.db")))
                .isEqualTo(everyCheckpointAt(head, "order-detail", "order-list"));
        assertThat(ReadDbContents.tables(data().resolve("read.db"))).isEqualTo(projected);
    }

    @Test
    void rebuildOfAnEmptyStoreFinishesAtOnce() {
        Result r = run("--headless", "--data", data().toString(), "--rebuild", "--json");

        assertThat(r.err()).isEmpty();
        assertThat(r.code()).isZero();
        assertThat(r.summary().path("head").asLong()).isZero();
        assertThat(r.summary().path("elapsedMs").asLong()).isLessThan(5_000);
    }

    @Test
    void aScenarioEndingInARebuildOrAPauseStillEndsCaughtUp() {
        // given a long history, and a scenario whose last steps rebuild one projector and pause the other
        long head = History.withOrders(data(), Clock.systemUTC(), 1_200);
        assertThat(run("--headless", "--data", data().toString()).code()).isZero();
        Map<String, List<List<Object>>> projected = ReadDbContents.tables(data().resolve("read.db"));
        Path file = scenarioFile("ending.json", """
                { "name": "Ending", "steps": [
                  { "atMs": 0, "rebuild": { "projector": "order-list" } },
                  { "atMs": 0, "rebuild": { "projector": "order-detail" } },
                  { "atMs": 0, "pause": { "projector": "order-detail" } } ] }
                """);

        // when
        Result r = run("--headless", "--data", data().toString(), "--scenario", file.toString(), "--json");

        // then
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.kind("notice")).extracting(n -> n.path("message").asText())
                .contains("order-detail was left paused; resuming it so that it catches up");
        assertCaughtUp(r.summary(), "order-list", "order-detail");
        assertThat(ReadDbContents.checkpoints(data().resolve("read.db")))
                .isEqualTo(everyCheckpointAt(head, "order-detail", "order-list"));
        assertThat(ReadDbContents.tables(data().resolve("read.db"))).isEqualTo(projected);
    }

    @Test
    void freshMovesTheOldFilesAsideAndDeletesNothing() throws IOException {
        // given a folder with a played scenario
        assertThat(run("--headless", "--data", data().toString(), "--scenario", "lagging-list",
                "--speed", "4").code()).isZero();
        byte[] oldEvents = Files.readAllBytes(data().resolve("events.db"));
        Map<String, List<List<Object>>> oldRead = ReadDbContents.tables(data().resolve("read.db"));

        // when started fresh, twice
        Result first = run("--headless", "--data", data().toString(), "--fresh", "--json");
        Result second = run("--headless", "--data", data().toString(), "--fresh", "--scenario", "read-your-writes",
                "--speed", "20", "--json");

        // then every old file is kept in old-<time>/ and the trace stays pure JSON
        assertThat(first.code()).isZero();
        assertThat(second.code()).isZero();
        first.json();
        second.json();
        assertThat(first.err()).contains("moved aside: " + data().resolve("old-"));
        List<Path> kept;
        try (Stream<Path> files = Files.walk(data())) {
            kept = files.filter(p -> p.getParent().getFileName().toString().startsWith("old-")).toList();
        }
        List<Path> eventFiles = kept.stream().filter(p -> p.getFileName().toString().startsWith("events.db")
                && !p.getFileName().toString().endsWith("-wal") && !p.getFileName().toString().endsWith("-shm")).toList();
        List<Path> readFiles = kept.stream().filter(p -> p.getFileName().toString().startsWith("read.db")
                && !p.getFileName().toString().endsWith("-wal") && !p.getFileName().toString().endsWith("-shm")).toList();
        assertThat(eventFiles).as("the first store, and the empty one of the first fresh start").hasSize(2);
        assertThat(readFiles).hasSize(2);
        assertThat(eventFiles).anySatisfy(f -> assertThat(Files.readAllBytes(f)).isEqualTo(oldEvents));
        assertThat(readFiles).anySatisfy(f -> assertThat(ReadDbContents.tables(f)).isEqualTo(oldRead));
        assertThat(eventCount()).as("only the last scenario's events").isEqualTo(3);
        assertCaughtUp(second.summary(), "order-list", "order-detail");
    }

    // ---------------------------------------------------------------- one folder, one running copy

    @Test
    void aSecondRunOnTheSameFolderIsRefusedWhileTheFirstRuns() throws Exception {
        // given a run that is still playing its scenario
        Path file = scenarioFile("slow.json", """
                { "name": "Slow", "steps": [
                  { "atMs": 0, "command": { "type": "RegisterCustomer", "customerId": "c-1", "name": "Ada Lovelace" } },
                  { "atMs": 800, "note": "still here" } ] }
                """);
        CountDownLatch started = new CountDownLatch(1);
        ByteArrayOutputStream firstOut = new ByteArrayOutputStream();
        PrintStream signalling = new PrintStream(firstOut, true, StandardCharsets.UTF_8) {
            @Override
            public void println(String line) {
                super.println(line);
                if (line.contains("\"kind\":\"command\"")) {
                    started.countDown();
                }
            }
        };
        CompletableFuture<Result> first = CompletableFuture.supplyAsync(() -> run(signalling, firstOut,
                "--headless", "--data", data().toString(), "--scenario", file.toString(), "--json"));
        assertThat(started.await(20, TimeUnit.SECONDS)).as("the first run started").isTrue();

        // when
        Result second = run("--headless", "--data", data().toString(), "--json");
        Result fresh = run("--headless", "--data", data().toString(), "--fresh");

        // then
        assertThat(second.code()).isEqualTo(1);
        assertThat(second.err().strip()).doesNotContain("\n")
                .contains("is in use by another running copy of CQRS Flow");
        assertThat(fresh.code()).isEqualTo(1);
        assertThat(fresh.err()).contains("is in use by another running copy of CQRS Flow");
        Result firstResult = first.get(30, TimeUnit.SECONDS);
        assertThat(firstResult.code()).isZero();
        assertThat(eventCount()).isEqualTo(1);
        assertThat(Files.exists(data().resolve("events.db"))).isTrue();
    }

    // ---------------------------------------------------------------- help

    @Test
    void helpListsEveryOption() {
        // when
        Result r = run("--help");

        // then
        assertThat(r.code()).isZero();
        List<String> options = new ArrayList<>(List.of("--help", "--version"));
        for (Field f : Options.class.getDeclaredFields()) {
            CommandLine.Option option = f.getAnnotation(CommandLine.Option.class);
            if (option != null) {
                options.addAll(List.of(option.names()));
            }
        }
        assertThat(options).contains("--headless", "--data", "--scenario", "--json", "--speed", "--rebuild",
                "--fresh", "--list-scenarios", "--snapshot");
        for (String option : options) {
            assertThat(r.out()).as(option).contains(option);
        }
    }

    @Test
    void listScenariosNamesEveryBuiltInScenarioInOrder() {
        // when
        Result r = run("--list-scenarios");

        // then
        assertThat(r.code()).isZero();
        List<String> ids = new ScenarioLibrary().ids();
        List<String> listed = r.lines().stream().filter(l -> !l.startsWith(" ")).map(l -> l.split("\\s+")[0]).toList();
        assertThat(listed).isEqualTo(ids);
        for (ScenarioLibrary.Entry e : new ScenarioLibrary().list()) {
            assertThat(r.out()).contains(e.name());
        }
        assertThat(data()).doesNotExist();
    }
}
