package io.cqrsflow.scenario;

import io.cqrsflow.domain.Command;
import io.cqrsflow.domain.CustomerDecider;
import io.cqrsflow.domain.CustomerState;
import io.cqrsflow.domain.Decision;
import io.cqrsflow.domain.Event;
import io.cqrsflow.domain.OrderDecider;
import io.cqrsflow.domain.PlaceOrder;
import io.cqrsflow.domain.RegisterCustomer;
import io.cqrsflow.domain.Streams;
import io.cqrsflow.eventstore.EventCodec;
import io.cqrsflow.testing.Seeded;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzes the scenario check and the deciders with mutated copies of the built-in scenarios: extreme
 * numbers and strings put in place of real ones, characters dropped, inserted and repeated, nesting
 * piled up, the file cut short. Every input must, within a second, either be refused with a
 * {@link ScenarioException} naming the file, allocating less than 256 MB, or parse into steps whose commands the deciders decide
 * without an exception and whose accepted events round-trip through the codec.
 *
 * <p>Each input is one seed; a failure names it, and {@code -Dcqrsflow.seed=N} replays just that one.
 */
class ScenarioFuzzTest {
    private static final int INPUTS = 3_000;
    private static final long MOST_MS = 1_000;
    /** What one input may allocate at most (all of it, not only what is live at once): 256 MB. */
    private static final long MOST_BYTES = 256L << 20;
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
    private static final List<String> SEEDS = List.of("first-order", "rejected-commands",
            "two-clerks", "new-projection", "under-load");
    private static final String[] NUMBERS = {"1e1001", "1e99999999", "1e999999999", "-1e999999999", "1e-999999999",
            "1e9999999999", "9".repeat(40), "9".repeat(41), "-0", "0.0000000001", "999999999999.99", "1000000000000",
            "1.5e3", "10000", "10001", "86400001", "-1", "2147483648", "NaN", "+1", "01", "1.", "1e"};
    private static final String[] STRINGS = {"", " ", "x".repeat(200), "x".repeat(201), "\\u001b[2J", "a\\rb",
            "\\u0000", "\\ud800", "\\udc00x", "\\ud83d\\ude00", "\\u202e", "9".repeat(1001), "1e1001",
            "0.0000000001", "order-list", "PlaceOrder", "GetOrderById", "write-model", "n".repeat(10_001)};

    private final ScenarioParser parser = new ScenarioParser(Set.of("order-list", "order-detail", "sales-by-customer"));
    private final EventCodec codec = new EventCodec();

    @TempDir
    Path dir;

    @Test
    void everyMutatedScenarioIsRefusedCleanlyOrDecidedAndStoredExactly() throws IOException {
        List<String> originals = new ArrayList<>();
        for (String id : SEEDS) {
            try (InputStream in = getClass().getResourceAsStream("/scenarios/" + id + ".json")) {
                originals.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        String only = System.getProperty("cqrsflow.seed");
        long first = only == null ? 1 : Long.parseLong(only);
        int count = only == null ? INPUTS : 1;
        int refused = 0;
        int parsed = 0;
        long slowest = 0;
        long most = 0;
        long me = Thread.currentThread().getId();
        for (long seed = first; seed < first + count; seed++) {
            Random random = new Random(seed);
            String text = mutate(originals.get(random.nextInt(originals.size())), random);
            long start = System.nanoTime();
            long allocatedBefore = THREADS.getThreadAllocatedBytes(me);
            try {
                boolean ok = tryOne(seed, text, random);
                parsed += ok ? 1 : 0;
                refused += ok ? 0 : 1;
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError("seed " + seed + " (replay: -Dcqrsflow.seed=" + seed + "): " + e, e);
            }
            long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            slowest = Math.max(slowest, ms);
            long bytes = THREADS.getThreadAllocatedBytes(me) - allocatedBefore;
            most = Math.max(most, bytes);
            assertThat(ms).as("milliseconds for seed " + seed).isLessThan(MOST_MS);
            assertThat(bytes).as("bytes allocated for seed " + seed).isLessThan(MOST_BYTES);
        }
        System.out.printf("ScenarioFuzzTest: %d inputs tried: %d refused, %d parsed and decided; slowest %d ms;"
                + " most allocated by one input %.1f MB%n", count, refused, parsed, slowest, most / 1048576.0);
        if (only == null) {
            assertThat(refused).as("refused").isGreaterThan(count / 10);
            assertThat(parsed).as("parsed").isGreaterThan(count / 10);
        }
    }

    /** @return true when the input parsed (and its commands were decided), false when it was refused */
    private boolean tryOne(long seed, String text, Random random) throws IOException {
        Scenario scenario;
        try {
            if (random.nextInt(20) == 0) { // now and then through a real file, as the command line reads it
                Path file = Files.writeString(dir.resolve("fuzz-" + seed + ".json"), text);
                scenario = parser.parse(file);
            } else {
                scenario = parser.parse("fuzz.json", text);
            }
        } catch (ScenarioException e) {
            assertThat(e.getMessage()).doesNotContain("\n").doesNotContain("Exception").doesNotContain("`")
                    .doesNotContain("BigInteger").matches("(fuzz\\.json|.*fuzz-\\d+\\.json): .+");
            return false;
        }
        decideAll(scenario);
        return true;
    }

    /** Plays the commands through the deciders on in-memory streams, as the write side would. */
    private void decideAll(Scenario scenario) {
        Map<String, List<Event>> streams = new HashMap<>();
        for (ScenarioStep step : scenario.steps()) {
            if (!(step instanceof CommandStep commandStep)) {
                continue;
            }
            Command command = commandStep.command();
            List<Event> own = streams.getOrDefault(command.streamId(), List.of());
            Decision decision;
            if (command instanceof RegisterCustomer register) {
                decision = CustomerDecider.decide(register, CustomerDecider.fold(own));
            } else {
                CustomerState customer = command instanceof PlaceOrder place
                        ? CustomerDecider.fold(streams.getOrDefault(Streams.customer(place.customerId()), List.of()))
                        : null;
                decision = OrderDecider.decide(command, OrderDecider.fold(own), customer);
            }
            if (decision instanceof Decision.Accepted accepted) {
                for (Event event : accepted.events()) {
                    assertThat(codec.decode(event.type(), codec.encode(event))).isEqualTo(event);
                    streams.computeIfAbsent(command.streamId(), k -> new ArrayList<>()).add(event);
                }
            }
        }
    }

    private static String mutate(String original, Random random) {
        Seeded seeded = new Seeded(random);
        String text = original;
        int mutations = 1 + random.nextInt(3);
        for (int i = 0; i < mutations; i++) {
            text = switch (random.nextInt(8)) {
                case 0, 1 -> replaceToken(text, random, "-?[0-9][0-9.eE+-]*", seeded.oneOf(NUMBERS));
                case 2, 3 -> replaceToken(text, random, "\"[^\"\\\\]*\"", "\"" + seeded.oneOf(STRINGS) + "\"");
                case 4 -> splice(text, random, "");
                case 5 -> splice(text, random, seeded.oneOf("{", "}", "[", "]", ",", ":", "\"", "\\", "\u0000",
                        "[".repeat(50), "{\"a\":".repeat(30), "\uFFFF", "/* */"));
                case 6 -> text.substring(0, random.nextInt(text.length() + 1));
                default -> repeatSome(text, random);
            };
        }
        return text;
    }

    /** Replaces one random match of {@code token} with {@code by}. */
    private static String replaceToken(String text, Random random, String token, String by) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(token).matcher(text);
        List<int[]> spans = new ArrayList<>();
        while (m.find()) {
            spans.add(new int[] {m.start(), m.end()});
        }
        if (spans.isEmpty()) {
            return text;
        }
        int[] span = spans.get(random.nextInt(spans.size()));
        return text.substring(0, span[0]) + by + text.substring(span[1]);
    }

    private static String splice(String text, Random random, String insert) {
        int at = random.nextInt(text.length() + 1);
        int cut = Math.min(text.length(), at + random.nextInt(4));
        return text.substring(0, at) + insert + text.substring(cut);
    }

    /** Repeats a slice many times: more steps, more items, longer strings. */
    private static String repeatSome(String text, Random random) {
        int from = random.nextInt(text.length());
        int to = Math.min(text.length(), from + 1 + random.nextInt(200));
        return text.substring(0, to) + text.substring(from, to).repeat(1 + random.nextInt(200)) + text.substring(to);
    }
}
