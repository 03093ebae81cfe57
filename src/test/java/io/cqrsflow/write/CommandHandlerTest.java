package io.cqrsflow.write;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cqrsflow.domain.CancelOrder;
import io.cqrsflow.domain.Command;
import io.cqrsflow.domain.CustomerRegistered;
import io.cqrsflow.domain.OrderLine;
import io.cqrsflow.domain.OrderPaid;
import io.cqrsflow.domain.OrderPlaced;
import io.cqrsflow.domain.OrderShipped;
import io.cqrsflow.domain.PayOrder;
import io.cqrsflow.domain.PlaceOrder;
import io.cqrsflow.domain.RegisterCustomer;
import io.cqrsflow.domain.Rule;
import io.cqrsflow.domain.ShipOrder;
import io.cqrsflow.eventstore.EventsDb;
import io.cqrsflow.eventstore.RecordedEvent;
import io.cqrsflow.eventstore.SqliteEventStore;
import io.cqrsflow.eventstore.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class CommandHandlerTest {

    private static final List<OrderLine> BOOKS = List.of(new OrderLine("BOOK-1", 2, new BigDecimal("12.50")));

    @TempDir
    Path dir;
    SqliteEventStore store;
    CommandHandler handler;
    EventsDb db;
    int commandCounter;

    @BeforeEach
    void open() {
        store = SqliteEventStore.open(dir.resolve("events.db"), TestClock.at("2024-03-01T10:00:00Z"));
        handler = new CommandHandler(store);
        db = new EventsDb(dir.resolve("events.db"));
    }

    @AfterEach
    void close() {
        store.close();
    }

    private CommandResult handle(Command command) {
        return handler.handle(CommandEnvelope.of("cmd-" + (++commandCounter), command));
    }

    private CommandResult.Accepted accepted(Command command) {
        CommandResult result = handle(command);
        assertThat(result).as("%s", command).isInstanceOf(CommandResult.Accepted.class);
        return (CommandResult.Accepted) result;
    }

    private CommandResult.Rejected rejected(Command command) {
        CommandResult result = handle(command);
        assertThat(result).as("%s", command).isInstanceOf(CommandResult.Rejected.class);
        return (CommandResult.Rejected) result;
    }

    @Test
    void an_accepted_command_returns_its_recorded_events() {
        CommandResult.Accepted registered = accepted(new RegisterCustomer("c-1", "Ada"));
        CommandResult.Accepted placed = accepted(new PlaceOrder("o-1", "c-1", BOOKS));

        assertThat(registered.events()).singleElement().satisfies(e -> {
            assertThat(e.position()).isEqualTo(1);
            assertThat(e.streamId()).isEqualTo("customer-c-1");
            assertThat(e.streamVersion()).isEqualTo(1);
            assertThat(e.event()).isEqualTo(new CustomerRegistered("c-1", "Ada"));
        });
        assertThat(placed.events()).singleElement().satisfies(e -> {
            assertThat(e.position()).isEqualTo(2);
            assertThat(e.streamId()).isEqualTo("order-o-1");
            assertThat(e.streamVersion()).isEqualTo(1);
            assertThat(e.event()).isEqualTo(new OrderPlaced("o-1", "c-1", BOOKS, new BigDecimal("25.00")));
        });
        assertThat(store.readAll(0, 10)).containsExactly(registered.events().get(0), placed.events().get(0));
        assertThat(placed.command().commandId()).isEqualTo("cmd-2");
    }

    @Test
    void a_whole_order_life_goes_through() {
        accepted(new RegisterCustomer("c-1", "Ada"));
        accepted(new PlaceOrder("o-1", "c-1", BOOKS));
        accepted(new PayOrder("o-1"));
        CommandResult.Accepted shipped = accepted(new ShipOrder("o-1"));

        assertThat(shipped.events().get(0).streamVersion()).isEqualTo(3);
        assertThat(shipped.events().get(0).event()).isEqualTo(new OrderShipped("o-1"));
        assertThat(rejected(new CancelOrder("o-1", "too late")).rule()).isEqualTo(Rule.ALREADY_SHIPPED);
        assertThat(store.readStream("order-o-1")).extracting(RecordedEvent::type)
                .containsExactly("OrderPlaced", "OrderPaid", "OrderShipped");
    }

    @Test
    void a_rejected_command_writes_nothing_and_says_why() {
        accepted(new RegisterCustomer("c-1", "Ada"));
        long head = store.head();

        CommandResult.Rejected result = rejected(new RegisterCustomer("c-1", "Grace"));

        assertThat(result.rule()).isEqualTo(Rule.CUSTOMER_ID_TAKEN);
        assertThat(result.message()).contains("c-1");
        assertThat(result.command().command()).isEqualTo(new RegisterCustomer("c-1", "Grace"));
        assertThat(store.head()).isEqualTo(head);
        assertThat(db.count()).isEqualTo(1);
    }

    @Test
    void ordering_for_a_registered_customer_works() {
        accepted(new RegisterCustomer("c-1", "Ada"));

        accepted(new PlaceOrder("o-1", "c-1", BOOKS));
    }

    @Test
    void ordering_for_an_unregistered_customer_is_rejected_from_the_write_model() {
        accepted(new RegisterCustomer("c-2", "Grace")); // a customer, but not this one

        CommandResult.Rejected result = rejected(new PlaceOrder("o-1", "c-1", BOOKS));

        assertThat(result.rule()).isEqualTo(Rule.UNKNOWN_CUSTOMER);
        assertThat(result.message()).contains("o-1", "c-1");
        assertThat(store.readStream("order-o-1")).isEmpty();
        assertThat(db.count()).isEqualTo(1);
    }

    @Test
    void ordering_without_a_customer_id_is_rejected() {
        assertThat(rejected(new PlaceOrder("o-1", null, BOOKS)).rule()).isEqualTo(Rule.UNKNOWN_CUSTOMER);
        assertThat(db.count()).isZero();
    }

    @Test
    void a_stale_expected_version_is_a_conflict_and_writes_nothing() {
        accepted(new RegisterCustomer("c-1", "Ada"));
        accepted(new PlaceOrder("o-1", "c-1", BOOKS));
        // the user looked at the order at version 1, someone else paid it meanwhile
        accepted(new PayOrder("o-1"));

        CommandResult result = handler.handle(CommandEnvelope.of("late", new CancelOrder("o-1", "changed mind"))
                .expecting(1));

        assertThat(result).isInstanceOfSatisfying(CommandResult.Conflict.class, conflict -> {
            assertThat(conflict.streamId()).isEqualTo("order-o-1");
            assertThat(conflict.expectedVersion()).isEqualTo(1);
            assertThat(conflict.actualVersion()).isEqualTo(2);
            assertThat(conflict.message()).contains("order-o-1", "expected version 1", "at 2");
        });
        assertThat(db.count()).isEqualTo(3);
        assertThat(store.head()).isEqualTo(3);
    }

    @Test
    void an_up_to_date_expected_version_is_accepted() {
        accepted(new RegisterCustomer("c-1", "Ada"));
        accepted(new PlaceOrder("o-1", "c-1", BOOKS));

        CommandResult result = handler.handle(CommandEnvelope.of("pay", new PayOrder("o-1")).expecting(1));

        assertThat(result).isInstanceOfSatisfying(CommandResult.Accepted.class,
                a -> assertThat(a.events().get(0).streamVersion()).isEqualTo(2));
    }

    @Test
    void a_new_stream_is_expected_at_version_zero() {
        CommandEnvelope envelope = CommandEnvelope.of("r", new RegisterCustomer("c-1", "Ada"));

        assertThat(handler.handle(envelope.expecting(0))).isInstanceOf(CommandResult.Accepted.class);
        assertThat(handler.handle(CommandEnvelope.of("r2", new RegisterCustomer("c-1", "Ada")).expecting(0)))
                .isInstanceOf(CommandResult.Conflict.class);
        assertThat(db.count()).isEqualTo(1);
    }

    @Test
    void stores_command_correlation_and_causation_ids_as_json_metadata() throws Exception {
        CommandEnvelope envelope = new CommandEnvelope("cmd-42", "conversation-7", "click-3",
                new RegisterCustomer("c-1", "Ada"), OptionalLong.empty());

        CommandResult.Accepted result = (CommandResult.Accepted) handler.handle(envelope);

        JsonNode metadata = new ObjectMapper().readTree((String) db.scalar("SELECT metadata FROM events"));
        assertThat(metadata.get("commandId").asText()).isEqualTo("cmd-42");
        assertThat(metadata.get("correlationId").asText()).isEqualTo("conversation-7");
        assertThat(metadata.get("causationId").asText()).isEqualTo("click-3");
        assertThat(result.events().get(0).metadata().commandId()).isEqualTo("cmd-42");
    }

    @Test
    void racing_identical_orders_place_exactly_one() throws Exception {
        accepted(new RegisterCustomer("c-1", "Ada"));
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 50; round++) {
                String orderId = "o-race-" + round;
                CountDownLatch start = new CountDownLatch(1);
                List<Future<CommandResult>> racers = new ArrayList<>();
                for (int r = 0; r < 2; r++) {
                    String commandId = "race-" + round + "-" + r;
                    racers.add(threads.submit(() -> {
                        start.await();
                        return handler.handle(CommandEnvelope.of(commandId, new PlaceOrder(orderId, "c-1", BOOKS)));
                    }));
                }
                start.countDown();
                List<CommandResult> results = List.of(racers.get(0).get(10, TimeUnit.SECONDS),
                        racers.get(1).get(10, TimeUnit.SECONDS));

                // The loser either lost the append (conflict) or already saw the winner's event (id taken).
                assertThat(results).as("round %d", round)
                        .filteredOn(r -> r instanceof CommandResult.Accepted).hasSize(1);
                assertThat(results).filteredOn(r -> !(r instanceof CommandResult.Accepted)).singleElement()
                        .satisfies(loser -> {
                            if (loser instanceof CommandResult.Rejected rejected) {
                                assertThat(rejected.rule()).isEqualTo(Rule.ORDER_ID_TAKEN);
                            } else {
                                assertThat(loser).isInstanceOf(CommandResult.Conflict.class);
                            }
                        });
                assertThat(store.readStream("order-" + orderId)).hasSize(1);
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void reads_its_history_from_the_store_not_from_memory() {
        accepted(new RegisterCustomer("c-1", "Ada"));
        accepted(new PlaceOrder("o-1", "c-1", BOOKS));
        // another handler on the same store sees the same write model
        CommandHandler other = new CommandHandler(store);

        CommandResult result = other.handle(CommandEnvelope.of("x", new PayOrder("o-1")));

        assertThat(result).isInstanceOf(CommandResult.Accepted.class);
        assertThat(((CommandResult.Accepted) result).events().get(0).event()).isEqualTo(new OrderPaid("o-1"));
    }

    @Test
    void an_order_for_a_customer_not_yet_registered_is_accepted_once_the_customer_is() {
        // given an order refused because its customer was unknown
        assertThat(rejected(new PlaceOrder("o-1", "c-1", BOOKS)).rule()).isEqualTo(Rule.UNKNOWN_CUSTOMER);
        // when the customer registers (here straight into the store, past the handler), then orders again
        store.append("customer-c-1", 0, List.of(new CustomerRegistered("c-1", "Ada")),
                io.cqrsflow.eventstore.EventMetadata.forCommand("elsewhere"));
        // then the handler reads the customer's stream again: "unknown" was not remembered
        accepted(new PlaceOrder("o-1", "c-1", BOOKS));
    }

    @Test
    void orders_for_a_customer_seen_before_are_still_decided_on_the_order_stream() {
        // given a registered customer with one order
        accepted(new RegisterCustomer("c-1", "Ada"));
        accepted(new PlaceOrder("o-1", "c-1", BOOKS));
        // when the same order id is placed again and another order is placed
        CommandResult.Rejected taken = rejected(new PlaceOrder("o-1", "c-1", BOOKS));
        CommandResult.Accepted second = accepted(new PlaceOrder("o-2", "c-1", BOOKS));
        // then the order stream still decides: taken is refused, the new one recorded at the next position
        assertThat(taken.rule()).isEqualTo(Rule.ORDER_ID_TAKEN);
        assertThat(second.events().get(0).position()).isEqualTo(3);
    }
}
