package io.cqrsflow.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cqrsflow.read.ReadDbContents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code kill -9} in the middle of a long scenario, in a real child JVM: no event whose acceptance was
 * printed is lost, and starting again on the same folder leaves read models equal to a rebuild, every
 * checkpoint at the head.
 */
@Timeout(60)
class CrashRecoveryTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int ORDERS = 1_500;
    private static final int KILL_AFTER_ACCEPTED = 300;

    @TempDir
    Path dir;

    /** Five customers, then an order every 4 ms with payments and cancellations; sales-by-customer added on the way. */
    private static String longScenario() {
        StringBuilder steps = new StringBuilder();
        for (int c = 1; c <= 5; c++) {
            steps.append(String.format("{ \"atMs\": %d, \"command\": { \"type\": \"RegisterCustomer\", \"customerId\": \"c-%d\","
                    + " \"name\": \"Customer %d\" } },%n", c, c, c));
        }
        for (int k = 1; k <= ORDERS; k++) {
            int at = 10 + 4 * k;
            steps.append(String.format("{ \"atMs\": %d, \"command\": { \"type\": \"PlaceOrder\", \"orderId\": \"o-%d\","
                    + " \"customerId\": \"c-%d\", \"items\": [ { \"sku\": \"SKU-%d\", \"quantity\": %d, \"unitPrice\": \"%d.50\" } ] } },%n",
                    at, k, 1 + k % 5, k % 9, 1 + k % 4, k % 20));
            if (k % 2 == 0) {
                steps.append(String.format("{ \"atMs\": %d, \"command\": { \"type\": \"PayOrder\", \"orderId\": \"o-%d\" } },%n",
                        at, k - 1));
            }
            if (k % 7 == 0) {
                steps.append(String.format("{ \"atMs\": %d, \"command\": { \"type\": \"CancelOrder\", \"orderId\": \"o-%d\","
                        + " \"reason\": \"changed mind\" } },%n", at, k - 3));
            }
            if (k == 50) {
                steps.append(String.format("{ \"atMs\": %d, \"addProjection\": { \"projection\": \"sales-by-customer\" } },%n", at));
            }
        }
        steps.append(String.format("{ \"atMs\": %d, \"note\": \"the end\" }%n", 20 + 4 * ORDERS));
        return "{ \"name\": \"Long\", \"projectors\": { \"order-list\": { \"delayMs\": 1000 },"
                + " \"order-detail\": { \"delayMs\": 0 }, \"sales-by-customer\": { \"delayMs\": 300 } },\n"
                + " \"steps\": [\n" + steps + "] }";
    }

    /** An accepted command as the child printed it: the positions and event types it was told. */
    private record Acknowledged(List<Long> positions, List<String> types) {
    }

    @Test
    void killingTheRunnerLosesNoAcknowledgedEventAndTheNextStartCatchesUpToARebuild() throws Exception {
        // given a child JVM playing a long scenario
        Path data = dir.resolve("data");
        Path scenario = Files.writeString(dir.resolve("long.json"), longScenario());
        Path childErr = dir.resolve("child.err");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Djava.awt.headless=true",
                Main.class.getName(), "--headless", "--data", data.toString(), "--scenario", scenario.toString(), "--json")
                .redirectError(childErr.toFile())
                .start();
        List<Acknowledged> acknowledged = new ArrayList<>();
        CountDownLatch firstAccepted = new CountDownLatch(1);
        CountDownLatch enoughAccepted = new CountDownLatch(1);
        Thread reader = new Thread(() -> readAcknowledged(child, acknowledged, firstAccepted, enoughAccepted), "child stdout");
        reader.start();
        try {
            assertThat(firstAccepted.await(20, TimeUnit.SECONDS)).as("the child accepted a command; its stderr: %s",
                    readQuietly(childErr)).isTrue();

            // while it runs, another process on the same folder is refused
            HeadlessRunnerTest.Result refused = HeadlessRunnerTest.run("--headless", "--data", data.toString(), "--json");
            assertThat(refused.code()).isEqualTo(1);
            assertThat(refused.err()).contains("is in use by another running copy of CQRS Flow");

            // when it is killed with SIGKILL in the middle of the scenario
            assertThat(enoughAccepted.await(20, TimeUnit.SECONDS)).as("the child accepted %d commands",
                    KILL_AFTER_ACCEPTED).isTrue();
            child.destroyForcibly();
            assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
            reader.join(5_000);
        } finally {
            child.destroyForcibly();
        }
        List<Acknowledged> told;
        synchronized (acknowledged) {
            told = List.copyOf(acknowledged);
        }
        assertThat(told).hasSizeGreaterThanOrEqualTo(KILL_AFTER_ACCEPTED);
        assertThat(told.size()).as("killed in the middle, not at the end").isLessThan(ORDERS);

        // then every event it acknowledged is in events.db, where and as it was told
        Map<Long, String> stored = new LinkedHashMap<>();
        for (List<Object> row : ReadDbContents.rows(data.resolve("events.db"),
                "SELECT position, type FROM events ORDER BY position")) {
            stored.put(((Number) row.get(0)).longValue(), (String) row.get(1));
        }
        for (Acknowledged a : told) {
            for (int i = 0; i < a.positions().size(); i++) {
                assertThat(stored.get(a.positions().get(i))).as("event at position %d", a.positions().get(i))
                        .isEqualTo(a.types().get(i));
            }
        }
        assertThat(new ArrayList<>(stored.keySet())).as("positions 1..head without a gap")
                .isEqualTo(LongStream.rangeClosed(1, stored.size()).boxed().toList());

        // when the runner starts again on the same folder, with no scenario
        HeadlessRunnerTest.Result restarted = HeadlessRunnerTest.run("--headless", "--data", data.toString(), "--json");

        // then it catches up: every checkpoint at the head, no stale row
        assertThat(restarted.code()).as(restarted.err()).isZero();
        JsonNode summary = restarted.summary();
        long head = summary.path("head").asLong();
        assertThat(head).isEqualTo(stored.size());
        List<String> projectors = new ArrayList<>();
        summary.path("checkpoints").fieldNames().forEachRemaining(projectors::add);
        assertThat(projectors).containsExactlyInAnyOrder("order-list", "order-detail", "sales-by-customer");
        summary.path("checkpoints").forEach(c -> assertThat(c.asLong()).isEqualTo(head));
        assertThat(summary.path("staleRows").asInt()).isZero();

        // and the read models equal a rebuild of a copy of the folder
        Path copy = Files.createDirectory(dir.resolve("copy"));
        Files.copy(data.resolve("events.db"), copy.resolve("events.db"));
        Files.copy(data.resolve("read.db"), copy.resolve("read.db"));
        HeadlessRunnerTest.Result rebuilt = HeadlessRunnerTest.run("--headless", "--data", copy.toString(), "--rebuild");
        assertThat(rebuilt.code()).as(rebuilt.err()).isZero();
        Map<String, List<List<Object>>> recovered = ReadDbContents.tables(data.resolve("read.db"));
        assertThat(recovered.get("order_list")).hasSizeGreaterThan(KILL_AFTER_ACCEPTED / 2);
        assertThat(recovered).isEqualTo(ReadDbContents.tables(copy.resolve("read.db")));
        assertThat(ReadDbContents.checkpoints(data.resolve("read.db")))
                .isEqualTo(Map.of("order-list", head, "order-detail", head, "sales-by-customer", head));
    }

    private static void readAcknowledged(Process child, List<Acknowledged> acknowledged, CountDownLatch first,
                                         CountDownLatch enough) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                JsonNode node;
                try {
                    node = JSON.readTree(line);
                } catch (IOException e) {
                    continue; // a line cut short by the kill
                }
                if (!"command".equals(node.path("kind").asText()) || !"accepted".equals(node.path("result").asText())) {
                    continue;
                }
                List<Long> positions = new ArrayList<>();
                node.path("positions").forEach(p -> positions.add(p.asLong()));
                List<String> types = new ArrayList<>();
                node.path("events").forEach(t -> types.add(t.asText()));
                int count;
                synchronized (acknowledged) {
                    acknowledged.add(new Acknowledged(positions, types));
                    count = acknowledged.size();
                }
                first.countDown();
                if (count >= KILL_AFTER_ACCEPTED) {
                    enough.countDown();
                }
            }
        } catch (IOException e) {
            // the pipe closes when the child is killed
        }
    }

    private static String readQuietly(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }
}
