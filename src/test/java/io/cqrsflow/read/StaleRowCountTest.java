package io.cqrsflow.read;

import io.cqrsflow.domain.CancelOrder;
import io.cqrsflow.domain.Command;
import io.cqrsflow.domain.OrderLine;
import io.cqrsflow.domain.PayOrder;
import io.cqrsflow.domain.PlaceOrder;
import io.cqrsflow.domain.RegisterCustomer;
import io.cqrsflow.domain.ShipOrder;
import io.cqrsflow.read.ordersperstatus.OrdersPerStatusModule;
import io.cqrsflow.read.salesbycustomer.SalesByCustomerModule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The headless summary's stale-row count, read a chunk of keys at a time from a folded truth on disk,
 * equals the count of the whole-fold reading ({@code readModels().staleRows()}) on random stores whose
 * four read models stand at random points behind — for chunks of 1, 3 and 2 000 keys, and with ids whose
 * order differs between UTF-16 and SQLite's UTF-8 (a private-use character against an emoji).
 */
class StaleRowCountTest {
    private static final int TRIES = 25;
    private static final List<String> CUSTOMERS = List.of("c-1", "c-2", "c-10", "c-\uE000", "c-😀", "c-Ω");
    private static final List<String> ORDERS = List.of("o-1", "o-2", "o-10", "o-11", "o-100", "o-\uE000", "o-😀",
            "o-é", "o-Z", "o-a", "o-3", "o-30");

    @TempDir
    Path dir;

    @Test
    void theChunkedCountEqualsTheWholeFoldOnRandomStores() {
        int someStale = 0;
        int noneStale = 0;
        for (int t = 0; t < TRIES; t++) {
            long seed = 20261202L + t;
            Random random = new Random(seed);
            try (ReadSideFixture f = new ReadSideFixture(dir.resolve("try-" + t)).open()) {
                play(f, random);
                int whole = f.readSide.readModels().staleRows();
                for (int chunk : new int[] {1, 3, 2_000}) {
                    assertThat(f.readSide.staleRowCount(chunk)).as("seed %d, chunks of %d", seed, chunk).isEqualTo(whole);
                }
                if (whole > 0) {
                    someStale++;
                } else {
                    noneStale++;
                }
            }
        }
        // the tries must reach both answers, or the equality proves little
        assertThat(someStale).isGreaterThan(TRIES / 3);
        assertThat(noneStale).isPositive();
    }

    @Test
    void anEmptyStoreHasNoStaleRowsAndAReadModelAheadOfNothingIsCounted() {
        try (ReadSideFixture f = new ReadSideFixture(dir).open()) {
            assertThat(f.readSide.staleRowCount()).isZero();

            // given an order every read model shows
            f.given(new RegisterCustomer("c-1", "Ada"), new PlaceOrder("o-1", "c-1", line()));
            f.settle();
            assertThat(f.readSide.staleRowCount()).isZero();
            // when the list is paused and the order is cancelled
            f.readSide.projector(ProjectionNames.ORDER_LIST).pause();
            f.runAll();
            f.given(new CancelOrder("o-1", "changed mind"));
            f.runAll();

            // then the list's row is stale, the detail's is not
            assertThat(f.readSide.staleRowCount()).isEqualTo(1).isEqualTo(f.readSide.readModels().staleRows());
        }
    }

    @Test
    void theCountKeepsItsTruthInTruthDbAndTheNextRunFoldsOnlyWhatIsNew() {
        // given a store counted once, every read model in step
        try (ReadSideFixture f = new ReadSideFixture(dir).open()) {
            f.given(new RegisterCustomer("c-1", "Ada"), new PlaceOrder("o-1", "c-1", line()));
            f.settle();
            assertThat(f.readSide.staleRowCount()).isZero();
        }
        // then the truth it counted against is kept beside read.db, folded to the head (two events)
        try (ReadSideFixture f = new ReadSideFixture(dir).openStore();
             TruthTable kept = KeptTruth.open(dir.resolve(KeptTruth.FILE), f.store)) {
            assertThat(kept.position()).isEqualTo(2);
        }
        // when the app opens again, the list paused, and the order is cancelled
        try (ReadSideFixture f = new ReadSideFixture(dir).open()) {
            f.readSide.projector(ProjectionNames.ORDER_LIST).pause();
            f.runAll();
            f.given(new CancelOrder("o-1", "changed mind"));
            f.runAll();

            // then the count folds the new event into the kept truth and sees the list's row stale
            assertThat(f.readSide.staleRowCount()).isEqualTo(1);
        }
        try (ReadSideFixture f = new ReadSideFixture(dir).openStore();
             TruthTable kept = KeptTruth.open(dir.resolve(KeptTruth.FILE), f.store)) {
            assertThat(kept.position()).isEqualTo(3);
        }
    }

    /** Random commands, projectors paused, stepped and resumed at random, projections added at runtime. */
    private static void play(ReadSideFixture f, Random random) {
        List<String> added = new ArrayList<>();
        int steps = 20 + random.nextInt(60);
        for (int i = 0; i < steps; i++) {
            int dice = random.nextInt(20);
            if (dice < 12) {
                f.handle(command(random));
            } else if (dice < 15) {
                f.runAll();
            } else if (dice < 17) {
                Projector p = pick(random, f.readSide.projectors());
                if (random.nextBoolean()) {
                    p.pause();
                } else {
                    p.resume();
                }
                f.runAll();
            } else if (dice < 18) {
                pick(random, f.readSide.projectors()).step();
                f.runAll();
            } else {
                String name = random.nextBoolean() ? SalesByCustomerModule.NAME : OrdersPerStatusModule.NAME;
                if (!added.contains(name)) {
                    added.add(name);
                    f.readSide.addProjection(name, 0);
                    f.runAll();
                }
            }
        }
        if (random.nextInt(4) == 0) {
            f.settle();
        }
    }

    private static Command command(Random random) {
        String customer = pick(random, CUSTOMERS);
        String order = pick(random, ORDERS);
        return switch (random.nextInt(6)) {
            case 0 -> new RegisterCustomer(customer, "Name " + customer);
            case 1, 2 -> new PlaceOrder(order, customer, line());
            case 3 -> new PayOrder(order);
            case 4 -> new ShipOrder(order);
            default -> new CancelOrder(order, "reason " + random.nextInt(3));
        };
    }

    private static List<OrderLine> line() {
        return List.of(new OrderLine("BOOK", 2, new BigDecimal("3.25")));
    }

    private static <T> T pick(Random random, List<T> from) {
        return from.get(random.nextInt(from.size()));
    }
}
