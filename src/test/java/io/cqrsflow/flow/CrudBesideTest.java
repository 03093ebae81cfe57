package io.cqrsflow.flow;

import io.cqrsflow.crud.CrudAnswer;
import io.cqrsflow.crud.CrudOrder;
import io.cqrsflow.domain.CancelOrder;
import io.cqrsflow.domain.Command;
import io.cqrsflow.domain.OrderLine;
import io.cqrsflow.domain.PlaceOrder;
import io.cqrsflow.domain.RegisterCustomer;
import io.cqrsflow.write.CommandEnvelope;
import io.cqrsflow.write.CommandResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The CRUD model beside the engine: off until switched on, then fed every command after the write model. */
@Timeout(30)
class CrudBesideTest {
    @TempDir
    Path dir;

    private int commands;

    private CommandResult submit(FlowClient client, Command command) {
        return client.submit(CommandEnvelope.of("cmd-" + (++commands), command)).toCompletableFuture().join();
    }

    private static PlaceOrder order(String orderId) {
        return new PlaceOrder(orderId, "c-1", List.of(new OrderLine("BOOK-1", 1, new BigDecimal("12.50"))));
    }

    @Test
    void off_until_switched_on_then_every_command_is_answered_by_both() throws Exception {
        try (Engine engine = Engine.open(dir, Clock.systemUTC(), Map.of())) {
            FlowClient client = engine.client();
            List<FlowSignal.CrudAnswered> answers = new CopyOnWriteArrayList<>();
            engine.subscribe(s -> {
                if (s instanceof FlowSignal.CrudAnswered a) {
                    answers.add(a);
                }
            });
            // given a command while CRUD is off: no crud.db, no answer
            submit(client, new RegisterCustomer("c-0", "Before"));
            assertThat(dir.resolve("crud.db")).doesNotExist();
            assertThatThrownBy(() -> client.crudOrders().toCompletableFuture().join())
                    .hasRootCauseInstanceOf(IllegalStateException.class).hasMessageContaining("the CRUD model is off");

            // when it is switched on and commands follow
            client.startCrud().toCompletableFuture().join();
            submit(client, new RegisterCustomer("c-1", "Ada Lovelace"));
            submit(client, order("o-1"));
            submit(client, new CancelOrder("o-1", "changed mind"));
            CommandResult again = submit(client, new CancelOrder("o-1", "twice"));

            // then the table holds the current row only, and each answer came with its command
            assertThat(client.crudOrders().toCompletableFuture().join()).extracting(CrudOrder::orderId, CrudOrder::status)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("o-1", "cancelled"));
            assertThat(engine.awaitCaughtUp(Duration.ofSeconds(10))).isTrue();
            assertThat(answers).extracting(a -> a.answer().outcome()).containsExactly(CrudAnswer.Outcome.UPDATED,
                    CrudAnswer.Outcome.UPDATED, CrudAnswer.Outcome.UPDATED, CrudAnswer.Outcome.REJECTED);
            assertThat(answers.get(3).answer().message())
                    .isEqualTo(((CommandResult.Rejected) again).message());
            // and the event store, not the CRUD table, still has the history
            assertThat(client.eventTypes("order-o-1").toCompletableFuture().join())
                    .containsExactly("OrderPlaced", "OrderCancelled");
        }
    }

    @Test
    void a_broken_crud_db_is_named_and_no_event_is_lost() throws Exception {
        // given a crud.db that is not a database
        Files.writeString(dir.resolve("crud.db"), "this is not a database");
        try (Engine engine = Engine.open(dir, Clock.systemUTC(), Map.of())) {
            FlowClient client = engine.client();

            // when CRUD is switched on
            assertThatThrownBy(() -> client.startCrud().toCompletableFuture().join())
                    .isInstanceOf(CompletionException.class).hasMessageContaining(dir.resolve("crud.db").toString());

            // then the user is told, naming the file, and commands are stored as ever
            assertThat(engine.notices()).anySatisfy(n -> assertThat(n).startsWith("CRUD stays off: ")
                    .contains(dir.resolve("crud.db").toString()));
            assertThat(submit(client, new RegisterCustomer("c-1", "Ada Lovelace")))
                    .isInstanceOf(CommandResult.Accepted.class);
            assertThat(engine.head()).isEqualTo(1);
            assertThat(Files.readString(dir.resolve("crud.db"))).isEqualTo("this is not a database");
        }
    }

    @Test
    void start_fresh_moves_crud_db_aside_with_the_others() throws Exception {
        // given
        try (Engine engine = Engine.open(dir, Clock.systemUTC(), Map.of())) {
            engine.startCrud().join();
            submit(engine.client(), new RegisterCustomer("c-1", "Ada Lovelace"));
        }

        // when
        List<Path> moved = DataFolder.moveAside(dir, java.time.Instant.parse("2024-03-01T10:00:00Z"));

        // then
        assertThat(moved).extracting(p -> p.getFileName().toString()).contains("events.db", "read.db", "crud.db");
        assertThat(dir.resolve("crud.db")).doesNotExist();
    }
}
