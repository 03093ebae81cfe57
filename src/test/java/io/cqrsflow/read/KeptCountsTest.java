package io.cqrsflow.read;

import io.cqrsflow.domain.CancelOrder;
import io.cqrsflow.domain.Command;
import io.cqrsflow.domain.OrderLine;
import io.cqrsflow.domain.PayOrder;
import io.cqrsflow.domain.PlaceOrder;
import io.cqrsflow.domain.RegisterCustomer;
import io.cqrsflow.domain.ShipOrder;
import io.cqrsflow.read.orderdetail.OrderDetailModule;
import io.cqrsflow.read.orderlist.OrderListModule;
import io.cqrsflow.read.salesbycustomer.SalesByCustomerModule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole table's stale and missing rows, kept from one reading to the next and counted again only at the
 * keys touched since ({@link KeptCounts}), equal a full recount after every reading: on random commands with
 * projectors paused, stepped, resumed and rebuilt at random points and sales-by-customer added at runtime,
 * for order-list, order-detail and sales-by-customer. A reading's count is compared with the whole-fold path
 * ({@link ReadModelModule#staleCount} against a truth folded anew), and its stale rows — those on screen and
 * the first missing ones by key — with a reading that counts everything afresh. Ids include ones whose order
 * differs between UTF-16 and SQLite's UTF-8, and enough orders that more than {@link RowWindow#MOST} are
 * missing at times (the first missing rows then a cut of them).
 */
class KeptCountsTest {
    private static final int TRIES = 6;
    /** Small, so that readings far apart are counted whole: both ways are compared. */
    private static final long MOST_EVENTS = 40;
    private static final List<String> CUSTOMERS = List.of("c-1", "c-2", "c-10", "c-\uE000", "c-😀", "c-Ω");
    private static final List<String> SPECIAL_ORDERS = List.of("o-\uE000", "o-😀", "o-é", "o-Z", "o-a");
    private static final List<ReadModelModule<?>> COMPARED = List.of(new OrderListModule(), new OrderDetailModule(),
            new SalesByCustomerModule());

    @TempDir
    Path dir;

    @Test
    void theKeptCountEqualsAFullRecountAfterEveryReading() {
        long readings = 0;
        long keyCounts = 0;
        long fullCounts = 0;
        long withMissingCut = 0;
        for (int t = 0; t < TRIES; t++) {
            long seed = 20261203L + t;
            Random random = new Random(seed);
            try (ReadSideFixture f = new ReadSideFixture(dir.resolve("try-" + t)).open();
                 PagedReadModels kept = new PagedReadModels(f.store, f.readSide.database(), MOST_EVENTS)) {
                int steps = 150 + random.nextInt(250);
                for (int i = 0; i < steps; i++) {
                    step(f, random);
                    if (random.nextInt(5) == 0) {
                        withMissingCut += compare(f, kept, "seed " + seed + ", step " + i);
                        readings++;
                    }
                }
                f.settle();
                withMissingCut += compare(f, kept, "seed " + seed + ", settled");
                keyCounts += kept.keyCounts();
                fullCounts += kept.fullCounts();
            }
        }
        // both ways of counting must be reached, and missing rows beyond the cut, or the equality proves little
        assertThat(keyCounts).as("counts made key by key, in %d readings", readings).isGreaterThan(readings / 2);
        assertThat(fullCounts).as("whole counts").isGreaterThan(TRIES * 3L);
        assertThat(withMissingCut).as("readings with more missing rows than a window names").isPositive();
    }

    /** One reading kept against a fresh one and the whole-fold count; returns the read models past the cut. */
    private static int compare(ReadSideFixture f, PagedReadModels kept, String where) {
        List<ReadModelModule<?>> running = new ArrayList<>();
        for (ReadModelModule<?> m : ReadModels.ALL) {
            if (f.readSide.isRunning(m.name())) {
                running.add(m);
            }
        }
        ReadModelsSnapshot got = kept.read(running, Map.of(), KeptCountsTest::progress);
        ReadModelsSnapshot fresh;
        try (PagedReadModels anew = new PagedReadModels(f.store, f.readSide.database())) {
            fresh = anew.read(running, Map.of(), KeptCountsTest::progress);
        }
        int cut = 0;
        try (TruthTable truth = TruthTable.fold(f.store)) {
            for (ReadModelModule<?> m : COMPARED) {
                if (!f.readSide.isRunning(m.name())) {
                    continue;
                }
                ReadModelReading<?> reading = got.reading(m);
                StaleCount whole = m.staleCount(f.readSide.database(), truth, 3);
                assertThat(reading.count()).as("%s: %s's count", where, m.name()).isEqualTo(whole);
                assertThat(List.copyOf(reading.stale().entrySet()))
                        .as("%s: %s's stale rows", where, m.name())
                        .isEqualTo(List.copyOf(fresh.reading(m).stale().entrySet()));
                if (whole.missing() > RowWindow.MOST) {
                    cut++;
                }
            }
        }
        return cut;
    }

    private static ReadModelsSnapshot.Progress progress(long checkpoint, long head) {
        return new ReadModelsSnapshot.Progress(checkpoint, head, null);
    }

    /** A random command, or a projector paused, resumed, stepped or rebuilt, or sales-by-customer added. */
    private static void step(ReadSideFixture f, Random random) {
        int dice = random.nextInt(41);
        if (dice < 28) {
            f.handle(command(random));
        } else if (dice == 40) {
            for (int i = 0; i < 150; i++) { // a burst: enough orders for more missing rows than a window names
                f.handle(new PlaceOrder("o-" + random.nextInt(600), pick(random, CUSTOMERS), line()));
            }
        } else if (dice < 32) {
            f.runAll();
        } else if (dice < 35) {
            Projector p = pick(random, f.readSide.projectors());
            if (random.nextBoolean()) {
                p.pause();
            } else {
                p.resume();
            }
            f.runAll();
        } else if (dice < 37) {
            pick(random, f.readSide.projectors()).step();
            f.runAll();
        } else if (dice < 39) {
            pick(random, f.readSide.projectors()).rebuild();
            if (random.nextBoolean()) {
                f.runAll();
            }
        } else if (!f.readSide.isRunning(SalesByCustomerModule.NAME)) {
            f.readSide.addProjection(SalesByCustomerModule.NAME, 0);
            f.runAll();
        }
    }

    private static Command command(Random random) {
        String customer = pick(random, CUSTOMERS);
        String order = random.nextInt(10) == 0 ? pick(random, SPECIAL_ORDERS) : "o-" + random.nextInt(600);
        return switch (random.nextInt(7)) {
            case 0 -> new RegisterCustomer(customer, "Name " + customer);
            case 1, 2, 3 -> new PlaceOrder(order, customer, line());
            case 4 -> new PayOrder(order);
            case 5 -> new ShipOrder(order);
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
