package io.cqrsflow.eventstore;

import io.cqrsflow.domain.CancelOrder;
import io.cqrsflow.domain.Command;
import io.cqrsflow.domain.CustomerDecider;
import io.cqrsflow.domain.CustomerState;
import io.cqrsflow.domain.Decision;
import io.cqrsflow.domain.Event;
import io.cqrsflow.domain.OrderDecider;
import io.cqrsflow.domain.OrderLine;
import io.cqrsflow.domain.OrderPlaced;
import io.cqrsflow.domain.PayOrder;
import io.cqrsflow.domain.PlaceOrder;
import io.cqrsflow.domain.RegisterCustomer;
import io.cqrsflow.domain.ShipOrder;
import io.cqrsflow.domain.Streams;
import io.cqrsflow.testing.Seeded;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No value the deciders accept can produce an event that cannot be read back: commands full of extreme
 * values (1e1001, 0.0000000001, 201-character ids, lone surrogates, control characters, 101 items) are
 * decided against their streams, and every accepted event must survive encode → UTF-8 (as SQLite stores
 * TEXT) → decode unchanged, with its money in plain digits.
 *
 * <p>Each try is one seed; a failure names it, and {@code -Dcqrsflow.seed=N} replays just that one.
 */
class AcceptedEventsRoundTripPropertyTest {
    private static final long FIRST_SEED = 1;
    private static final int TRIES = 400;
    private static final int COMMANDS_PER_TRY = 40;

    private final EventCodec codec = new EventCodec();

    @Test
    void everyAcceptedCommandsEventsRoundTripThroughTheCodec() {
        String only = System.getProperty("cqrsflow.seed");
        Map<String, Integer> outcomes = new TreeMap<>();
        long first = only == null ? FIRST_SEED : Long.parseLong(only);
        int tries = only == null ? TRIES : 1;
        for (long seed = first; seed < first + tries; seed++) {
            try {
                check(seed, outcomes);
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError("seed " + seed + " (replay: -Dcqrsflow.seed=" + seed + "): "
                        + e.getMessage(), e);
            }
        }
        System.out.println("AcceptedEventsRoundTripPropertyTest: " + tries * COMMANDS_PER_TRY
                + " commands decided: " + outcomes);
        if (only == null) {
            // The generator must reach both sides of every limit, or the property proves little.
            assertThat(outcomes).containsKeys("accepted OrderPlaced", "accepted CustomerRegistered",
                    "accepted OrderCancelled", "PRICE_TOO_LARGE", "PRICE_TOO_PRECISE", "TOTAL_TOO_LARGE",
                    "TEXT_TOO_LONG", "TEXT_NOT_PRINTABLE", "QUANTITY_TOO_LARGE", "TOO_MANY_ITEMS");
        }
    }

    private void check(long seed, Map<String, Integer> outcomes) {
        Values values = new Values(new Random(seed));
        Map<String, List<Event>> streams = new HashMap<>();
        for (int i = 0; i < COMMANDS_PER_TRY; i++) {
            Command command = values.command();
            Decision decision = decide(command, streams);
            if (decision instanceof Decision.Rejected rejected) {
                outcomes.merge(rejected.rule().name(), 1, Integer::sum);
                continue;
            }
            for (Event event : ((Decision.Accepted) decision).events()) {
                outcomes.merge("accepted " + event.type(), 1, Integer::sum);
                String json = codec.encode(event);
                String stored = new String(json.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
                assertThat(stored).as("%s survives UTF-8", json).isEqualTo(json);
                assertThat(codec.decode(event.type(), stored)).as(json).isEqualTo(event);
                if (event instanceof OrderPlaced placed) {
                    assertThat(json).as("money in plain digits").contains("\"total\":\"" + placed.total().toPlainString() + "\"");
                    assertThat(placed.total().toString()).isEqualTo(placed.total().toPlainString());
                }
                streams.computeIfAbsent(command.streamId(), k -> new ArrayList<>()).add(event);
            }
        }
    }

    private static Decision decide(Command command, Map<String, List<Event>> streams) {
        List<Event> own = streams.getOrDefault(command.streamId(), List.of());
        if (command instanceof RegisterCustomer register) {
            return CustomerDecider.decide(register, CustomerDecider.fold(own));
        }
        CustomerState customer = null;
        if (command instanceof PlaceOrder place) {
            customer = CustomerDecider.fold(streams.getOrDefault(Streams.customer(place.customerId()), List.of()));
        }
        return OrderDecider.decide(command, OrderDecider.fold(own), customer);
    }

    /** Commands over a small pool of ids, mostly ordinary, often at or just past a limit. */
    private static final class Values {
        private final Random random;
        private final Seeded seeded;

        Values(Random random) {
            this.random = random;
            this.seeded = new Seeded(random);
        }

        Command command() {
            switch (random.nextInt(5)) {
                case 0:
                    return new RegisterCustomer(id("c-"), text());
                case 1:
                    return new PlaceOrder(id("o-"), id("c-"), items());
                case 2:
                    return new PayOrder(id("o-"));
                case 3:
                    return new ShipOrder(id("o-"));
                default:
                    return new CancelOrder(id("o-"), seeded.mostly(2, () -> "changed mind", this::text));
            }
        }

        private String id(String prefix) {
            return seeded.mostly(4, () -> prefix + (1 + random.nextInt(3)), this::text);
        }

        private String text() {
            return seeded.oneOf(
                    "Ada Lovelace", "", "  ", "x".repeat(200), "x".repeat(201), "é".repeat(200),
                    "\uD83D\uDE00".repeat(100), "\uD83D\uDE00".repeat(101), "Ada\u001b[2J", "Ada\rBob", "Ada\u0000",
                    "Ada \u202Eecalevol", "c-\uD800", "\uDC00", "tab\tinside", "\"quoted\" \\ back", randomText());
        }

        /** Any UTF-16 code units, surrogate halves included. */
        private String randomText() {
            StringBuilder b = new StringBuilder();
            int length = random.nextInt(seeded.oneOf(8, 220));
            for (int i = 0; i < length; i++) {
                b.append((char) (random.nextBoolean() ? 0x20 + random.nextInt(0x60) : random.nextInt(0x10000)));
            }
            return b.toString();
        }

        private List<OrderLine> items() {
            int count = seeded.mostly(6, () -> 1 + random.nextInt(3), () -> seeded.oneOf(0, 99, 100, 101));
            List<OrderLine> lines = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                String sku = seeded.mostly(6, () -> "SKU-" + random.nextInt(5), this::text);
                lines.add(new OrderLine(sku, quantity(), price()));
            }
            return lines;
        }

        private int quantity() {
            return seeded.mostly(3, () -> 1 + random.nextInt(5),
                    () -> seeded.oneOf(0, -1, 10_000, 10_001, Integer.MAX_VALUE, Integer.MIN_VALUE, random.nextInt()));
        }

        private BigDecimal price() {
            return seeded.mostly(2, () -> BigDecimal.valueOf(random.nextInt(100_000), 2),
                    () -> seeded.mostly(1, () -> new BigDecimal(seeded.oneOf("999999999999.99", "1000000000000",
                            "1e1001", "-1e1001", "1e999999999", "0.0000000001", "1.5E+3", "1E+11", "12.500", "0",
                            "-0.01")), this::anyDecimal));
        }

        /** Any unscaled value up to 40 digits at any scale from -30 to 30. */
        private BigDecimal anyDecimal() {
            return new BigDecimal(new BigInteger(random.nextInt(133), random), random.nextInt(61) - 30);
        }
    }
}
