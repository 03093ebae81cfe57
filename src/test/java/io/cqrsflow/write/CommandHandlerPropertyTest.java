package io.cqrsflow.write;

import io.cqrsflow.domain.CancelOrder;
import io.cqrsflow.domain.Command;
import io.cqrsflow.domain.CustomerDecider;
import io.cqrsflow.domain.CustomerRegistered;
import io.cqrsflow.domain.CustomerState;
import io.cqrsflow.domain.Event;
import io.cqrsflow.domain.OrderDecider;
import io.cqrsflow.domain.OrderLine;
import io.cqrsflow.domain.OrderPlaced;
import io.cqrsflow.domain.OrderState;
import io.cqrsflow.domain.OrderStatus;
import io.cqrsflow.domain.PayOrder;
import io.cqrsflow.domain.PlaceOrder;
import io.cqrsflow.domain.RegisterCustomer;
import io.cqrsflow.domain.Rule;
import io.cqrsflow.domain.ShipOrder;
import io.cqrsflow.domain.Streams;
import io.cqrsflow.eventstore.RecordedEvent;
import io.cqrsflow.eventstore.SqliteEventStore;
import io.cqrsflow.eventstore.TestClock;
import io.cqrsflow.testing.PropertyCheck;
import io.cqrsflow.testing.Seeded;
import io.cqrsflow.testing.SimplerCommands;
import io.cqrsflow.testing.TempFolders;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random command sequences over a small pool of ids, so that id collisions, rejections and whole order
 * lives all happen, run through the real handler on a real events.db. The properties are about what can
 * be observed, not a second copy of the rules (those have their given/when/then tests in the domain):
 * <ul>
 * <li>a rejected command appends nothing: the head and its stream's version stay where they were;</li>
 * <li>an accepted command appends to its own stream, at the next positions and versions, and its effect
 * holds in the folded state (the customer is registered under that name; the order is pending with
 * those items and their total; paid; shipped; cancelled for that reason);</li>
 * <li>the store never holds an order life outside pending → paid → shipped, pending|paid → cancelled, nor
 * an order that breaks the shape rules (no items, quantity below 1, negative price, a customer not
 * registered before it), however the commands went;</li>
 * <li>positions are 1..head with no gap, the head is the number of accepted events, and every stream's
 * versions run 1..n;</li>
 * <li>reopening the file and folding every stream gives the state seen live;</li>
 * <li>a coarse model of which customers and orders exist and each order's status agrees throughout:
 * a taken id is never accepted again, and pay/ship/cancel are accepted exactly when the order's status
 * allows that move.</li>
 * </ul>
 * The shared harness ({@link PropertyCheck}) runs the seeds, shrinks a failure (fewer commands, shorter
 * ids, fewer items, smaller quantities and prices) and names the seed, replayed with {@code -Dcqrsflow.seed=N}.
 *
 * <p>Longer than 300 lines on purpose: the command generator, its shrinking and the properties belong
 * together.
 */
class CommandHandlerPropertyTest {

    private static final int TRIES = 60;
    private static final long FIRST_SEED = 20240301L;

    private static final List<String> ORDER_LIFE = List.of(
            "OrderPlaced",
            "OrderPlaced OrderPaid",
            "OrderPlaced OrderPaid OrderShipped",
            "OrderPlaced OrderCancelled",
            "OrderPlaced OrderPaid OrderCancelled");

    /** The moves a status allows, as the design's lifecycle draws them. */
    private static final Map<String, Map<OrderStatus, OrderStatus>> MOVES = Map.of(
            "PayOrder", Map.of(OrderStatus.PENDING, OrderStatus.PAID),
            "ShipOrder", Map.of(OrderStatus.PAID, OrderStatus.SHIPPED),
            "CancelOrder", Map.of(OrderStatus.PENDING, OrderStatus.CANCELLED, OrderStatus.PAID, OrderStatus.CANCELLED));

    @Test
    void accepted_commands_take_effect_rejected_ones_change_nothing_and_the_file_replays_to_what_was_seen() {
        Set<String> reached = new PropertyCheck<>("the command handler's properties",
                (Random random) -> new Generator(random).commands(), SimplerCommands::of)
                .tries(TRIES).firstSeed(FIRST_SEED)
                .run(CommandHandlerPropertyTest::holds);

        // The tries must reach every accept and every rule, or the properties above prove little.
        if (!PropertyCheck.replaying()) {
            Set<String> expected = new TreeSet<>();
            for (String type : List.of("RegisterCustomer", "PlaceOrder", "PayOrder", "ShipOrder", "CancelOrder")) {
                expected.add("accepted " + type);
            }
            // The input limits' rules are reached by AcceptedEventsRoundTripPropertyTest's extreme values.
            for (Rule rule : java.util.EnumSet.complementOf(java.util.EnumSet.copyOf(io.cqrsflow.domain.Limits.RULES))) {
                expected.add("rejected " + rule);
            }
            assertThat(reached).containsAll(expected);
        }
    }

    private static void holds(List<Command> commands, Set<String> reached) {
        Path dir = TempFolders.create("cqrsflow-property-");
        Path file = dir.resolve("events.db");
        try {
            Lives lives = new Lives();
            Map<String, CustomerState> liveCustomers = new HashMap<>();
            Map<String, OrderState> liveOrders = new HashMap<>();
            long accepted = 0;
            try (SqliteEventStore store = SqliteEventStore.open(file, TestClock.at("2024-03-01T10:00:00Z"))) {
                CommandHandler handler = new CommandHandler(store);
                for (int i = 0; i < commands.size(); i++) {
                    Command command = commands.get(i);
                    String as = "step " + i + ": " + command;
                    String stream = streamOf(command);
                    long headBefore = store.head();
                    long versionBefore = store.readStream(stream).size();
                    Boolean mustAccept = lives.mustAccept(command);

                    CommandResult result = handler.handle(CommandEnvelope.of("cmd-" + i, command));

                    if (result instanceof CommandResult.Rejected rejected) {
                        reached.add("rejected " + rejected.rule());
                        if (Boolean.TRUE.equals(mustAccept)) {
                            throw new AssertionError(as + " was rejected (" + rejected.message() + "), though "
                                    + lives.describe(command));
                        }
                        assertThat(rejected.message()).as(as).isNotBlank();
                        assertThat(store.head()).as(as + ": head after a rejection").isEqualTo(headBefore);
                        assertThat(store.readStream(stream)).as(as + ": stream after a rejection").hasSize((int) versionBefore);
                        continue;
                    }
                    assertThat(result).as(as).isInstanceOf(CommandResult.Accepted.class);
                    reached.add("accepted " + command.type());
                    if (Boolean.FALSE.equals(mustAccept)) {
                        throw new AssertionError(as + " was accepted, though " + lives.describe(command));
                    }
                    List<RecordedEvent> events = ((CommandResult.Accepted) result).events();
                    assertThat(events).as(as).isNotEmpty();
                    for (int k = 0; k < events.size(); k++) {
                        RecordedEvent e = events.get(k);
                        assertThat(e.streamId()).as(as).isEqualTo(stream);
                        assertThat(e.position()).as(as + ": position").isEqualTo(headBefore + k + 1);
                        assertThat(e.streamVersion()).as(as + ": version").isEqualTo(versionBefore + k + 1);
                    }
                    assertThat(store.head()).as(as + ": head").isEqualTo(headBefore + events.size());
                    accepted += events.size();
                    List<Event> appended = events.stream().map(RecordedEvent::event).toList();
                    if (command instanceof RegisterCustomer c) {
                        CustomerState state = liveCustomers.getOrDefault(c.customerId(), CustomerDecider.initialState());
                        for (Event e : appended) {
                            state = CustomerDecider.evolve(state, e);
                        }
                        liveCustomers.put(c.customerId(), state);
                        assertThat(state).as(as).isEqualTo(new CustomerState(c.customerId(), c.name()));
                    } else {
                        String orderId = orderIdOf(command);
                        OrderState state = liveOrders.getOrDefault(orderId, OrderDecider.initialState());
                        for (Event e : appended) {
                            state = OrderDecider.evolve(state, e);
                        }
                        liveOrders.put(orderId, state);
                        assertEffect(command, state, as);
                    }
                    lives.accepted(command);
                }
            }

            // reopened, the file holds exactly what was seen live
            try (SqliteEventStore store = SqliteEventStore.open(file, TestClock.at("2024-03-02T10:00:00Z"))) {
                List<RecordedEvent> all = store.readAll(0, Integer.MAX_VALUE);
                assertThat(store.head()).as("head is the number of accepted events").isEqualTo(accepted).isEqualTo(all.size());
                Map<String, Long> versions = new HashMap<>();
                Set<String> registeredSoFar = new HashSet<>();
                for (int i = 0; i < all.size(); i++) {
                    RecordedEvent e = all.get(i);
                    assertThat(e.position()).as("positions without gaps").isEqualTo(i + 1);
                    long expected = versions.merge(e.streamId(), 1L, Long::sum);
                    assertThat(e.streamVersion()).as("%s at position %d", e.streamId(), e.position()).isEqualTo(expected);
                    if (e.event() instanceof CustomerRegistered r) {
                        assertThat(r.customerId()).isNotBlank();
                        assertThat(r.name()).isNotBlank();
                        registeredSoFar.add(r.customerId());
                    } else if (e.event() instanceof OrderPlaced placed) {
                        assertWellFormed(placed, registeredSoFar);
                    }
                }
                for (Map.Entry<String, CustomerState> c : liveCustomers.entrySet()) {
                    assertThat(CustomerDecider.fold(events(store, Streams.customer(c.getKey()))))
                            .as("customer %s replayed", c.getKey()).isEqualTo(c.getValue());
                }
                Map<String, OrderStatus> statuses = new LinkedHashMap<>();
                for (Map.Entry<String, OrderState> o : liveOrders.entrySet()) {
                    List<RecordedEvent> stream = store.readStream(Streams.order(o.getKey()));
                    String life = String.join(" ", stream.stream().map(RecordedEvent::type).toList());
                    assertThat(ORDER_LIFE).as("life of order %s", o.getKey()).contains(life);
                    OrderState replayed = OrderDecider.fold(stream.stream().map(RecordedEvent::event).toList());
                    assertThat(replayed).as("order %s replayed", o.getKey()).isEqualTo(o.getValue());
                    statuses.put(o.getKey(), replayed.status());
                }
                assertThat(statuses).as("orders and their status").isEqualTo(lives.orders);
                assertThat(liveCustomers.keySet()).as("registered customers").isEqualTo(lives.customers);
            }
        } finally {
            TempFolders.deleteRecursively(dir);
        }
    }

    /** What an accepted command must have done to its order. */
    private static void assertEffect(Command command, OrderState state, String as) {
        if (command instanceof PlaceOrder c) {
            assertThat(state.orderId()).as(as).isEqualTo(c.orderId());
            assertThat(state.customerId()).as(as).isEqualTo(c.customerId());
            assertThat(state.items()).as(as).isEqualTo(c.items());
            assertThat(state.total()).as(as).isEqualByComparingTo(c.items().stream()
                    .map(OrderLine::lineTotal).reduce(BigDecimal.ZERO, BigDecimal::add));
            assertThat(state.status()).as(as).isEqualTo(OrderStatus.PENDING);
        } else if (command instanceof PayOrder) {
            assertThat(state.status()).as(as).isEqualTo(OrderStatus.PAID);
        } else if (command instanceof ShipOrder) {
            assertThat(state.status()).as(as).isEqualTo(OrderStatus.SHIPPED);
        } else if (command instanceof CancelOrder c) {
            assertThat(state.status()).as(as).isEqualTo(OrderStatus.CANCELLED);
            assertThat(state.cancelReason()).as(as).isEqualTo(c.reason().strip());
        }
    }

    /** However the commands went, no stored order breaks the shape of an order. */
    private static void assertWellFormed(OrderPlaced placed, Set<String> registeredBefore) {
        String as = "stored " + placed;
        assertThat(placed.orderId()).as(as).isNotBlank();
        assertThat(registeredBefore).as(as + ": its customer was registered before it").contains(placed.customerId());
        assertThat(placed.items()).as(as).isNotEmpty();
        for (OrderLine line : placed.items()) {
            assertThat(line.sku()).as(as).isNotBlank();
            assertThat(line.quantity()).as(as).isGreaterThanOrEqualTo(1);
            assertThat(line.unitPrice().signum()).as(as).isGreaterThanOrEqualTo(0);
        }
        assertThat(placed.total()).as(as).isEqualByComparingTo(placed.items().stream()
                .map(OrderLine::lineTotal).reduce(BigDecimal.ZERO, BigDecimal::add));
    }

    private static List<Event> events(SqliteEventStore store, String stream) {
        return store.readStream(stream).stream().map(RecordedEvent::event).toList();
    }

    private static String streamOf(Command command) {
        return command instanceof RegisterCustomer c ? Streams.customer(c.customerId()) : Streams.order(orderIdOf(command));
    }

    private static String orderIdOf(Command command) {
        if (command instanceof PlaceOrder c) {
            return c.orderId();
        }
        if (command instanceof PayOrder c) {
            return c.orderId();
        }
        if (command instanceof ShipOrder c) {
            return c.orderId();
        }
        return ((CancelOrder) command).orderId();
    }

    /**
     * Which customers and orders exist and each order's status — coarse facts, not the rules: it says a
     * taken id cannot be taken again, and that pay, ship and cancel follow the lifecycle's moves, and
     * otherwise leaves the outcome open (null).
     */
    private static final class Lives {
        final Set<String> customers = new HashSet<>();
        final Map<String, OrderStatus> orders = new LinkedHashMap<>();

        /** TRUE: must be accepted; FALSE: must be rejected; null: either. */
        Boolean mustAccept(Command command) {
            if (command instanceof RegisterCustomer c) {
                return customers.contains(c.customerId()) ? Boolean.FALSE : null;
            }
            if (command instanceof PlaceOrder c) {
                return orders.containsKey(c.orderId()) || !customers.contains(c.customerId()) ? Boolean.FALSE : null;
            }
            OrderStatus status = orders.get(orderIdOf(command));
            return status != null && MOVES.get(command.type()).containsKey(status);
        }

        /** What the model knows about the command's customer or order, for a failure message. */
        String describe(Command command) {
            if (command instanceof RegisterCustomer c) {
                return "customer " + c.customerId() + (customers.contains(c.customerId()) ? " was registered" : " was not registered");
            }
            String id = orderIdOf(command);
            String order = orders.containsKey(id) ? "order " + id + " was " + orders.get(id) : "order " + id + " did not exist";
            return command instanceof PlaceOrder c
                    ? order + " and customer " + c.customerId() + (customers.contains(c.customerId()) ? " was registered" : " was not")
                    : order;
        }

        void accepted(Command command) {
            if (command instanceof RegisterCustomer c) {
                customers.add(c.customerId());
            } else if (command instanceof PlaceOrder c) {
                orders.put(c.orderId(), OrderStatus.PENDING);
            } else {
                String id = orderIdOf(command);
                orders.put(id, MOVES.get(command.type()).get(orders.get(id)));
            }
        }
    }

    /** Random commands over a small pool of ids; mostly valid values, sometimes a broken one. */
    private static final class Generator {
        private final Random random;
        private final Seeded seeded;

        Generator(Random random) {
            this.random = random;
            this.seeded = new Seeded(random);
        }

        List<Command> commands() {
            int size = 1 + random.nextInt(50);
            List<Command> commands = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                commands.add(command());
            }
            return commands;
        }

        private Command command() {
            int pick = random.nextInt(13);
            if (pick < 2) {
                return new RegisterCustomer(customerId(), seeded.mostly(8, () -> seeded.oneOf("Ada Lovelace", "Grace Hopper"),
                        () -> seeded.oneOf("", "  ")));
            }
            if (pick < 5) {
                return new PlaceOrder(orderId(), customerId(), items());
            }
            if (pick < 8) {
                return new PayOrder(orderId());
            }
            if (pick < 11) {
                return new ShipOrder(orderId());
            }
            return new CancelOrder(orderId(), seeded.oneOf("changed mind", " ", "fraud"));
        }

        private String customerId() {
            return seeded.mostly(10, () -> seeded.oneOf("c-1", "c-2"), () -> seeded.oneOf("", " "));
        }

        private String orderId() {
            return seeded.mostly(12, () -> seeded.oneOf("o-1", "o-2"), () -> "");
        }

        private List<OrderLine> items() {
            if (random.nextInt(11) == 0) {
                return List.of();
            }
            int size = 1 + random.nextInt(3);
            List<OrderLine> lines = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                lines.add(new OrderLine(
                        seeded.mostly(12, () -> seeded.oneOf("BOOK-1", "PEN-1"), () -> " "),
                        seeded.mostly(12, () -> 1 + random.nextInt(5), () -> -random.nextInt(3)),
                        new BigDecimal(seeded.mostly(12, () -> seeded.oneOf("12.50", "0.10", "0.00", "99.99"), () -> "-0.01"))));
            }
            return lines;
        }
    }
}
