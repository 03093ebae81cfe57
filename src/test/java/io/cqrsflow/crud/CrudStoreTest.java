package io.cqrsflow.crud;

import io.cqrsflow.domain.CancelOrder;
import io.cqrsflow.domain.Command;
import io.cqrsflow.domain.OrderLine;
import io.cqrsflow.domain.PayOrder;
import io.cqrsflow.domain.PlaceOrder;
import io.cqrsflow.domain.RegisterCustomer;
import io.cqrsflow.domain.Rule;
import io.cqrsflow.domain.ShipOrder;
import io.cqrsflow.eventstore.SqliteEventStore;
import io.cqrsflow.eventstore.TestClock;
import io.cqrsflow.write.CommandEnvelope;
import io.cqrsflow.write.CommandHandler;
import io.cqrsflow.write.CommandResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The CRUD table on a real crud.db: in place, the write model's rules and words, and no history. */
class CrudStoreTest {
    private static final List<OrderLine> BOOKS = List.of(new OrderLine("BOOK-1", 2, new BigDecimal("12.50")));

    @TempDir
    Path dir;
    TestClock clock = TestClock.at("2024-03-01T10:00:00Z");
    CrudStore crud;

    @BeforeEach
    void open() {
        crud = CrudStore.open(dir.resolve("crud.db"), clock);
    }

    @AfterEach
    void close() {
        crud.close();
    }

    @Test
    void an_order_is_one_row_overwritten_in_place() throws Exception {
        // given
        crud.apply(new RegisterCustomer("c-1", "Ada Lovelace"));
        crud.apply(new PlaceOrder("o-1", "c-1", BOOKS));

        // when
        clock.advance(Duration.ofSeconds(5));
        CrudAnswer paid = crud.apply(new PayOrder("o-1"));
        clock.advance(Duration.ofSeconds(5));
        CrudAnswer cancelled = crud.apply(new CancelOrder("o-1", "changed mind"));

        // then
        assertThat(paid.outcome()).isEqualTo(CrudAnswer.Outcome.UPDATED);
        assertThat(paid.message()).isEqualTo("orders row o-1 status pending overwritten with paid");
        assertThat(cancelled.message()).isEqualTo("orders row o-1 status paid overwritten with cancelled");
        assertThat(crud.orders()).containsExactly(new CrudOrder("o-1", "c-1", "Ada Lovelace", new BigDecimal("25.00"),
                "cancelled", "changed mind", Instant.parse("2024-03-01T10:00:10Z")));
        // and nothing else is kept: two tables, one row per order, no trace of "paid"
        assertThat(sql("SELECT group_concat(name) FROM (SELECT name FROM sqlite_master ORDER BY name)"))
                .isEqualTo("customers,orders,sqlite_autoindex_customers_1,sqlite_autoindex_orders_1");
        assertThat(sql("SELECT COUNT(*) FROM orders")).isEqualTo("1");
        assertThat(sql("SELECT COUNT(*) FROM orders WHERE status = 'paid' OR cancel_reason IS NULL")).isEqualTo("0");
    }

    @Test
    void it_accepts_and_refuses_exactly_what_the_write_model_does_in_the_same_words() {
        // given the write model on a real events.db beside it
        SqliteEventStore store = SqliteEventStore.open(dir.resolve("events.db"), clock);
        CommandHandler handler = new CommandHandler(store);
        List<Command> commands = List.of(
                new RegisterCustomer("c-1", "Ada Lovelace"),
                new RegisterCustomer("c-1", "Grace Hopper"),
                new RegisterCustomer(" ", "Nobody"),
                new RegisterCustomer("c-2", "  "),
                new PlaceOrder("o-1", "c-9", BOOKS),
                new PlaceOrder("o-1", "c-1", List.of()),
                new PlaceOrder("o-1", "c-1", List.of(new OrderLine("BOOK-1", 0, BigDecimal.ONE))),
                new PlaceOrder("o-1", "c-1", List.of(new OrderLine("BOOK-1", 1, new BigDecimal("-1")))),
                new PlaceOrder("o-1", "c-1", List.of(new OrderLine(" ", 1, BigDecimal.ONE))),
                new PlaceOrder("o-1", "c-1", BOOKS),
                new PlaceOrder("o-1", "c-1", BOOKS),
                new PayOrder("o-9"),
                new ShipOrder("o-1"),
                new PayOrder("o-1"),
                new PayOrder("o-1"),
                new ShipOrder("o-1"),
                new CancelOrder("o-1", "too late"),
                new PlaceOrder("o-2", "c-1", BOOKS),
                new CancelOrder("o-2", "changed mind"),
                new CancelOrder("o-2", "again"),
                new PayOrder("o-2"));
        List<String> cqrs = new ArrayList<>();
        List<String> plain = new ArrayList<>();
        List<Rule> rules = new ArrayList<>();

        // when each command goes to both
        try {
            int n = 0;
            for (Command c : commands) {
                CommandResult result = handler.handle(CommandEnvelope.of("cmd-" + n++, c));
                CrudAnswer answer = crud.apply(c);
                cqrs.add(result instanceof CommandResult.Rejected r ? r.rule() + ": " + r.message() : "accepted");
                plain.add(answer.outcome() == CrudAnswer.Outcome.REJECTED ? answer.rule() + ": " + answer.message()
                        : answer.outcome().label().replace("updated", "accepted"));
                if (result instanceof CommandResult.Rejected r) {
                    rules.add(r.rule());
                }
            }
        } finally {
            store.close();
        }

        // then every outcome and every reason is the same, over every rule the domain has for these commands
        assertThat(plain).containsExactlyElementsOf(cqrs);
        assertThat(rules).contains(Rule.CUSTOMER_ID_TAKEN, Rule.BLANK_ID, Rule.BLANK_NAME, Rule.UNKNOWN_CUSTOMER,
                Rule.NO_ITEMS, Rule.QUANTITY_BELOW_ONE, Rule.NEGATIVE_PRICE, Rule.BLANK_SKU, Rule.ORDER_ID_TAKEN,
                Rule.UNKNOWN_ORDER, Rule.NOT_PAID, Rule.NOT_PENDING, Rule.ALREADY_SHIPPED, Rule.ALREADY_CANCELLED);
        assertThat(crud.orders()).extracting(CrudOrder::orderId, CrudOrder::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("o-1", "shipped"),
                        org.assertj.core.groups.Tuple.tuple("o-2", "cancelled"));
    }

    @Test
    void a_rejected_command_changes_nothing() throws Exception {
        // given
        crud.apply(new RegisterCustomer("c-1", "Ada Lovelace"));
        crud.apply(new PlaceOrder("o-1", "c-1", BOOKS));
        List<CrudOrder> before = crud.orders();

        // when
        clock.advance(Duration.ofSeconds(5));
        CrudAnswer answer = crud.apply(new ShipOrder("o-1"));

        // then
        assertThat(answer).isEqualTo(new CrudAnswer("ShipOrder", CrudAnswer.Outcome.REJECTED, Rule.NOT_PAID,
                "cannot ship order o-1: it is pending, not paid"));
        assertThat(crud.orders()).isEqualTo(before);
    }

    @Test
    void it_is_kept_across_opening_again() {
        // given
        crud.apply(new RegisterCustomer("c-1", "Ada Lovelace"));
        crud.apply(new PlaceOrder("o-1", "c-1", BOOKS));
        crud.close();

        // when
        crud = CrudStore.open(dir.resolve("crud.db"), clock);

        // then
        assertThat(crud.orders()).extracting(CrudOrder::orderId).containsExactly("o-1");
    }

    @Test
    void a_file_that_is_not_sqlite_or_not_ours_is_named_and_left_as_it_is() throws Exception {
        // given
        Path text = dir.resolve("notes/crud.db");
        Files.createDirectories(text.getParent());
        Files.writeString(text, "my notes, not a database", StandardCharsets.UTF_8);
        Path stranger = dir.resolve("other/crud.db");
        Files.createDirectories(stranger.getParent());
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + stranger);
             Statement s = c.createStatement()) {
            s.execute("PRAGMA application_id = 1234");
            s.execute("CREATE TABLE recipes (name TEXT)");
        }
        byte[] strangerBytes = Files.readAllBytes(stranger);

        // then
        assertThatThrownBy(() -> CrudStore.open(text, clock)).isInstanceOf(CrudStoreException.class)
                .hasMessageStartingWith(text + " is not an SQLite database; CQRS Flow leaves it alone.");
        assertThatThrownBy(() -> CrudStore.open(stranger, clock)).isInstanceOf(CrudStoreException.class)
                .hasMessageStartingWith(stranger + " is an SQLite database, but not CQRS Flow's CRUD table");
        assertThat(Files.readString(text)).isEqualTo("my notes, not a database");
        assertThat(Files.readAllBytes(stranger)).isEqualTo(strangerBytes);
    }

    @Test
    void a_damaged_file_is_named_with_what_to_do() throws Exception {
        // given a crud.db whose pages after the header are overwritten
        crud.apply(new RegisterCustomer("c-1", "Ada Lovelace"));
        crud.close();
        Path file = dir.resolve("crud.db");
        byte[] bytes = Files.readAllBytes(file);
        for (int i = 100; i < bytes.length; i++) {
            bytes[i] = (byte) 0xA5;
        }
        Files.write(file, bytes);
        Files.deleteIfExists(dir.resolve("crud.db-wal"));

        // then
        assertThatThrownBy(() -> crud = CrudStore.open(file, clock)).isInstanceOf(CrudStoreException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("move it away (or delete it) and switch CRUD on again");
        crud = CrudStore.open(dir.resolve("fresh.db"), clock); // for close()
    }

    private String sql(String query) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("crud.db"));
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(query)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
