package io.cqrsflow.read;

import io.cqrsflow.domain.CancelOrder;
import io.cqrsflow.domain.Command;
import io.cqrsflow.domain.OrderLine;
import io.cqrsflow.domain.PayOrder;
import io.cqrsflow.domain.PlaceOrder;
import io.cqrsflow.domain.RegisterCustomer;
import io.cqrsflow.domain.ShipOrder;
import io.cqrsflow.eventstore.RecordedEvent;
import io.cqrsflow.eventstore.SqliteEventStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The truth a window compares with, folded in windows of events (orders evolved in memory, written once) —
 * equal to {@link WriteModelFold}'s whichever way it is folded; and the truth kept in truth.db between runs,
 * used again only on the very log it was folded from (same position, same log hash), folded again from the
 * start on a fork or a shorter log, and never written into a file that is not ours.
 */
class KeptTruthTest {
    @TempDir
    Path dir;

    @Test
    void theFoldedTruthEqualsTheWriteModelFoldAllAtOnceOrAFewEventsAtATime() {
        for (int t = 0; t < 10; t++) {
            try (ReadSideFixture f = new ReadSideFixture(dir.resolve("try-" + t)).openStore()) {
                play(f, new Random(20261202L + t), 120);
                Map<String, OrderDetails> expected = writeModelFold(f.store);
                assertThat(expected).isNotEmpty();
                try (TruthTable whole = TruthTable.fold(f.store); TruthTable steps = TruthTable.empty()) {
                    while (steps.position() < f.store.head()) {
                        steps.advance(f.store, 1 + t % 4); // orders placed in one fold, paid in a later one
                    }
                    assertThat(all(whole)).as("try %d, all at once", t).isEqualTo(expected);
                    assertThat(all(steps)).as("try %d, a few at a time", t).isEqualTo(expected);
                    assertThat(whole.latestOrders(5).keySet()).isEqualTo(steps.latestOrders(5).keySet());
                }
            }
        }
    }

    @Test
    void aTruthKeptForThisLogIsUsedAgainAndFoldsOnlyTheEventsSince() {
        try (ReadSideFixture f = new ReadSideFixture(dir).openStore()) {
            play(f, new Random(7), 60);
            Path file = dir.resolve(KeptTruth.FILE);
            long folded;
            try (TruthTable kept = KeptTruth.open(file, f.store)) {
                assertThat(kept.position()).isZero();
                folded = kept.advance(f.store, Long.MAX_VALUE);
            }
            f.given(new RegisterCustomer("c-new", "Grace"), new PlaceOrder("o-new", "c-new", line()));

            try (TruthTable again = KeptTruth.open(file, f.store)) {
                // then it starts where it stopped, and folds on to the same truth as the log's own fold
                assertThat(again.position()).isEqualTo(folded).isPositive();
                again.advance(f.store, Long.MAX_VALUE);
                assertThat(all(again)).isEqualTo(writeModelFold(f.store)).containsKey("o-new");
            }
        }
    }

    @Test
    void aTruthKeptForAnotherLogOfTheSameLengthIsFoldedAgainFromTheStart() throws Exception {
        Path a = dir.resolve("a");
        Path b = dir.resolve("b");
        try (ReadSideFixture fa = new ReadSideFixture(a).openStore()) {
            fa.given(new RegisterCustomer("c-1", "Ada"), new PlaceOrder("o-1", "c-1", line()), new PayOrder("o-1"));
            try (TruthTable kept = KeptTruth.open(a.resolve(KeptTruth.FILE), fa.store)) {
                kept.advance(fa.store, Long.MAX_VALUE);
            }
        }
        // a fork: the same number of events, the same types, one name different
        Files.createDirectories(b);
        Files.copy(a.resolve(KeptTruth.FILE), b.resolve(KeptTruth.FILE));
        try (ReadSideFixture fb = new ReadSideFixture(b).openStore()) {
            fb.given(new RegisterCustomer("c-1", "Bob"), new PlaceOrder("o-1", "c-1", line()), new PayOrder("o-1"));
            try (TruthTable kept = KeptTruth.open(b.resolve(KeptTruth.FILE), fb.store)) {
                assertThat(kept.position()).isZero();
                kept.advance(fb.store, Long.MAX_VALUE);
                assertThat(kept.orders(List.of("o-1")).get("o-1").customerName()).isEqualTo("Bob");
                assertThat(all(kept)).isEqualTo(writeModelFold(fb.store));
            }
        }
    }

    @Test
    void aTruthKeptFurtherThanTheLogGoesIsFoldedAgain() throws Exception {
        Path longer = dir.resolve("longer");
        Path shorter = dir.resolve("shorter");
        try (ReadSideFixture f = new ReadSideFixture(longer).openStore()) {
            f.given(new RegisterCustomer("c-1", "Ada"), new PlaceOrder("o-1", "c-1", line()), new PayOrder("o-1"));
            try (TruthTable kept = KeptTruth.open(longer.resolve(KeptTruth.FILE), f.store)) {
                kept.advance(f.store, Long.MAX_VALUE);
            }
        }
        Files.createDirectories(shorter);
        Files.copy(longer.resolve(KeptTruth.FILE), shorter.resolve(KeptTruth.FILE));
        try (ReadSideFixture f = new ReadSideFixture(shorter).openStore()) {
            f.given(new RegisterCustomer("c-1", "Ada"), new PlaceOrder("o-1", "c-1", line()));
            try (TruthTable kept = KeptTruth.open(shorter.resolve(KeptTruth.FILE), f.store)) {
                assertThat(kept.position()).isZero();
                kept.advance(f.store, Long.MAX_VALUE);
                assertThat(kept.orders(List.of("o-1")).get("o-1").status()).isEqualTo(io.cqrsflow.domain.OrderStatus.PENDING);
            }
        }
    }

    @Test
    void aFileThatIsNotOursIsLeftAsItWas() throws Exception {
        Path file = dir.resolve(KeptTruth.FILE);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.execute("PRAGMA application_id = 42");
            s.execute("CREATE TABLE notes(text TEXT)");
        }
        byte[] before = Files.readAllBytes(file);
        try (ReadSideFixture f = new ReadSideFixture(dir).openStore()) {
            f.given(new RegisterCustomer("c-1", "Ada"), new PlaceOrder("o-1", "c-1", line()));
            try (TruthTable truth = KeptTruth.open(file, f.store)) {
                truth.advance(f.store, Long.MAX_VALUE);
                assertThat(all(truth)).isEqualTo(writeModelFold(f.store)); // a temporary truth instead
            }
        }
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
    }

    /** Random commands, accepted or not, over a few customers and orders (so events of one order come apart). */
    private static void play(ReadSideFixture f, Random random, int commands) {
        for (int i = 0; i < commands; i++) {
            String customer = "c-" + random.nextInt(4);
            String order = "o-" + random.nextInt(25);
            Command c = switch (random.nextInt(6)) {
                case 0 -> new RegisterCustomer(customer, "Customer " + random.nextInt(100));
                case 1, 2 -> new PlaceOrder(order, customer, line());
                case 3 -> new PayOrder(order);
                case 4 -> new ShipOrder(order);
                default -> new CancelOrder(order, "reason " + random.nextInt(3));
            };
            f.handle(c);
        }
    }

    private static List<OrderLine> line() {
        return List.of(new OrderLine("BOOK-1", 2, new BigDecimal("12.50")));
    }

    private static Map<String, OrderDetails> writeModelFold(SqliteEventStore store) {
        WriteModelFold fold = new WriteModelFold();
        List<RecordedEvent> events = new ArrayList<>(store.readAll(0, (int) store.head()));
        events.forEach(fold::apply);
        return Map.copyOf(fold.orders());
    }

    private static Map<String, OrderDetails> all(TruthTable truth) {
        return Map.copyOf(truth.ordersAfter(null, 1_000_000).orders());
    }
}
