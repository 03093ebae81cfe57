package io.cqrsflow.read;

import io.cqrsflow.domain.CancelOrder;
import io.cqrsflow.domain.Command;
import io.cqrsflow.domain.CustomerRegistered;
import io.cqrsflow.domain.Event;
import io.cqrsflow.domain.OrderCancelled;
import io.cqrsflow.domain.OrderLine;
import io.cqrsflow.domain.OrderPlaced;
import io.cqrsflow.domain.PayOrder;
import io.cqrsflow.domain.PlaceOrder;
import io.cqrsflow.domain.RegisterCustomer;
import io.cqrsflow.domain.ShipOrder;
import io.cqrsflow.eventstore.RecordedEvent;
import io.cqrsflow.read.orderdetail.OrderDetailQueries;
import io.cqrsflow.read.orderlist.OrderListQueries;
import io.cqrsflow.read.salesbycustomer.SalesByCustomerQueries;
import io.cqrsflow.write.CommandResult;
import io.cqrsflow.testing.PropertyCheck;
import io.cqrsflow.testing.Seeded;
import io.cqrsflow.testing.Shrink;
import io.cqrsflow.testing.SimplerCommands;
import io.cqrsflow.testing.TempFolders;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random command histories (accepted and rejected) interleaved with everything a learner can do to the
 * projectors — change delays, pause, step, resume, rebuild, add sales-by-customer, restart the app — and
 * with time passing, on real events.db and read.db files. Whenever we look, each read model shows exactly
 * the events up to its checkpoint, each applied once. Once everything is resumed and more than the longest
 * delay has passed, every checkpoint equals the head, every table equals a fresh rebuild into a new
 * read.db, and the rows equal the write model's truth.
 *
 * <p>The shared harness ({@link PropertyCheck}): each try is one seed, replayed with {@code -Dcqrsflow.seed=N};
 * a failing history is shrunk by dropping operations and by making their values simpler (shorter delays and
 * waits, simpler commands), and the report shows what is left.
 *
 * <p>Longer than 300 lines on purpose: the generator of histories, the properties and their model belong
 * together.
 */
class ReadSidePropertyTest {

    private static final int TRIES = 40;
    private static final long FIRST_SEED = 20260101L;
    private static final Instant START = Instant.parse("2026-01-01T10:00:00Z");
    private static final List<String> AT_START = ProjectionNames.AT_START;

    @Test
    void read_models_once_caught_up_equal_a_fresh_rebuild_and_the_write_model() {
        Set<String> reached = new PropertyCheck<>("the read side's properties",
                (Random random) -> new Generator(random).ops(), ReadSidePropertyTest::simpler)
                .tries(TRIES).firstSeed(FIRST_SEED)
                .run(ReadSidePropertyTest::holds);

        // The tries must reach every operation and outcome, or the properties prove little.
        if (!PropertyCheck.replaying()) {
            Set<String> expected = new TreeSet<>();
            for (String type : List.of("RegisterCustomer", "PlaceOrder", "PayOrder", "ShipOrder", "CancelOrder")) {
                expected.add("accepted " + type);
                expected.add("rejected " + type);
            }
            expected.addAll(List.of("setDelay", "pause", "resume", "rebuild", "add sales-by-customer", "restart",
                    "step applied one", "check while behind", "restart with sales-by-customer"));
            assertThat(reached).containsAll(expected);
        }
    }

    private static void holds(List<Op> ops, Set<String> reached) {
        // the projectors' delays at start; without the first op (shrunk away) every delay is 0
        Map<String, Long> delays = !ops.isEmpty() && ops.get(0) instanceof InitialDelays d ? d.delays() : Map.of();
        Path dir = TempFolders.create("cqrsflow-read-property-");
        try (ReadSideFixture fixture = new ReadSideFixture(dir, new MutableClock(START))) {
            fixture.openStore().openReadSide(delays);
            new Run(fixture, delays, reached).play(ops);
        } finally {
            TempFolders.deleteRecursively(dir);
        }
    }

    /** Simpler operations for the shrinker: smaller delays and times, simpler commands. */
    private static List<Op> simpler(Op op) {
        List<Op> out = new ArrayList<>();
        if (op instanceof InitialDelays d) {
            for (String name : d.delays().keySet()) {
                for (long smaller : Shrink.toward(d.delays().get(name), 0)) {
                    Map<String, Long> changed = new LinkedHashMap<>(d.delays());
                    changed.put(name, smaller);
                    out.add(new InitialDelays(changed));
                }
            }
        } else if (op instanceof Handle h) {
            SimplerCommands.of(h.command()).forEach(c -> out.add(new Handle(c)));
        } else if (op instanceof SetDelay s) {
            Shrink.toward(s.delayMs(), 0).forEach(ms -> out.add(new SetDelay(s.projector(), ms)));
        } else if (op instanceof Advance a) {
            Shrink.toward(a.ms(), 0).forEach(ms -> out.add(new Advance(ms)));
        } else if (op instanceof AddSales a) {
            Shrink.toward(a.delayMs(), 0).forEach(ms -> out.add(new AddSales(ms)));
        }
        return out;
    }

    // ---------------------------------------------------------------- operations

    sealed interface Op {
    }

    /** The projectors' delays when the app starts (and starts again); only as the first operation. */
    record InitialDelays(Map<String, Long> delays) implements Op {
    }

    record Handle(Command command) implements Op {
    }

    record SetDelay(String projector, long delayMs) implements Op {
    }

    record Pause(String projector) implements Op {
    }

    record Resume(String projector) implements Op {
    }

    record Step(String projector) implements Op {
    }

    record Rebuild(String projector) implements Op {
    }

    /** Time passes; nothing runs until a Work op. */
    record Advance(long ms) implements Op {
    }

    /** One projector's scheduler runs whatever is due (null: every projector's). */
    record Work(String projector) implements Op {
    }

    record AddSales(long delayMs) implements Op {
    }

    /** The app stops (queued projector work is lost) and starts again on the same files. */
    record Restart() implements Op {
    }

    /** Looks at every read model now. */
    record Check() implements Op {
    }

    /** Plays operations against one folder and checks as it goes. */
    private static final class Run {
        private final ReadSideFixture fixture;
        private final Map<String, Long> delays;
        private final Set<String> reached;
        private boolean salesAdded;

        Run(ReadSideFixture fixture, Map<String, Long> delays, Set<String> reached) {
            this.fixture = fixture;
            this.delays = delays;
            this.reached = reached;
        }

        void play(List<Op> ops) {
            for (int i = 0; i < ops.size(); i++) {
                Op op = ops.get(i);
                try {
                    apply(op);
                } catch (RuntimeException e) {
                    throw new AssertionError("operation " + i + " (" + op + ") threw " + e, e);
                }
            }
            finish();
        }

        private Projector running(String name) {
            return fixture.readSide.isRunning(name) ? fixture.readSide.projector(name) : null;
        }

        private void apply(Op op) {
            if (op instanceof Handle h) {
                CommandResult result = fixture.handle(h.command());
                reached.add((result instanceof CommandResult.Accepted ? "accepted " : "rejected ") + h.command().type());
            } else if (op instanceof SetDelay s && running(s.projector()) != null) {
                running(s.projector()).setDelay(s.delayMs());
                reached.add("setDelay");
            } else if (op instanceof Pause p && running(p.projector()) != null) {
                running(p.projector()).pause();
                reached.add("pause");
            } else if (op instanceof Resume r && running(r.projector()) != null) {
                running(r.projector()).resume();
                reached.add("resume");
            } else if (op instanceof Step s && running(s.projector()) != null) {
                step(running(s.projector()));
            } else if (op instanceof Rebuild r && running(r.projector()) != null) {
                running(r.projector()).rebuild();
                reached.add("rebuild");
            } else if (op instanceof Advance a) {
                fixture.clock.advanceMs(a.ms());
            } else if (op instanceof Work w) {
                if (w.projector() == null) {
                    fixture.runAll();
                } else if (fixture.schedulers.containsKey(w.projector())) {
                    fixture.schedulers.get(w.projector()).runDue();
                }
            } else if (op instanceof AddSales a) {
                fixture.readSide.addProjection(ProjectionNames.SALES_BY_CUSTOMER, a.delayMs());
                salesAdded = true;
                reached.add("add sales-by-customer");
            } else if (op instanceof Restart) {
                fixture.closeReadSide();
                fixture.openReadSide(delays);
                reached.add("restart");
                if (salesAdded) {
                    reached.add("restart with sales-by-customer");
                    assertThat(fixture.readSide.isRunning(ProjectionNames.SALES_BY_CUSTOMER))
                            .as("sales-by-customer, added before the restart, runs again after it").isTrue();
                }
            } else if (op instanceof Check) {
                checkEveryReadModelShowsItsCheckpoint();
            }
        }

        /** While paused, step applies exactly one event (if there is one), whatever its delay. */
        private void step(Projector p) {
            ManualScheduler scheduler = fixture.schedulers.get(p.name());
            scheduler.runDue();
            ProjectorStatus before = p.status();
            p.step();
            scheduler.runDue();
            long after = p.status().checkpoint();
            if (before.state() == ProjectorState.PAUSED) {
                long expected = before.checkpoint() < fixture.store.head() ? before.checkpoint() + 1 : before.checkpoint();
                assertThat(after).as("%s: checkpoint after one step while paused at %d", p.name(), before.checkpoint())
                        .isEqualTo(expected);
                if (expected > before.checkpoint()) {
                    reached.add("step applied one");
                }
            }
        }

        /** Each read model shows exactly the events up to its own checkpoint: none skipped, none twice. */
        private void checkEveryReadModelShowsItsCheckpoint() {
            long head = fixture.store.head();
            for (Projector p : fixture.readSide.projectors()) {
                long checkpoint = fixture.readSide.database().checkpoint(p.name());
                assertThat(checkpoint).as("%s checkpoint", p.name()).isBetween(0L, head);
                assertThat(p.status().checkpoint()).as("%s published checkpoint", p.name()).isEqualTo(checkpoint);
                if (checkpoint < head) {
                    reached.add("check while behind");
                }
                assertShows(p.name(), fixture.store.readAll(0, (int) checkpoint));
            }
        }

        private void assertShows(String projector, List<RecordedEvent> events) {
            ReadDatabase db = fixture.readSide.database();
            WriteModelFold fold = new WriteModelFold();
            events.forEach(fold::apply);
            String as = projector + " after events 1.." + events.size();
            switch (projector) {
                case ProjectionNames.ORDER_LIST -> assertThat(new OrderListQueries(db).listOrders()).as(as)
                        .isEqualTo(sorted(fold.orders().values().stream().map(OrderDetails::summary).toList()));
                case ProjectionNames.ORDER_DETAIL -> assertThat(new OrderDetailQueries(db).all()).as(as)
                        .isEqualTo(sortedDetails(new ArrayList<>(fold.orders().values())));
                case ProjectionNames.SALES_BY_CUSTOMER -> assertThat(new SalesByCustomerQueries(db).all()).as(as)
                        .isEqualTo(salesOf(events));
                default -> throw new AssertionError("unknown projector " + projector);
            }
        }

        private void finish() {
            // resume everything and let more than the longest delay pass
            fixture.settle();
            fixture.advance(1);

            long head = fixture.store.head();
            List<String> expectedRunning = new ArrayList<>(AT_START);
            if (salesAdded) {
                expectedRunning.add(ProjectionNames.SALES_BY_CUSTOMER);
            }
            assertThat(fixture.readSide.projectors()).extracting(Projector::name)
                    .containsExactlyInAnyOrderElementsOf(expectedRunning);
            for (Projector p : fixture.readSide.projectors()) {
                assertThat(p.status().checkpoint()).as("%s checkpoint", p.name()).isEqualTo(head);
                assertThat(p.status().state()).as("%s state", p.name()).isEqualTo(ProjectorState.CAUGHT_UP);
                assertThat(p.status().eventsBehind()).isZero();
                assertThat(p.status().timeBehindMs(fixture.clock.instant())).isZero();
            }
            Map<String, Long> everyCheckpointAtHead = new LinkedHashMap<>();
            expectedRunning.forEach(name -> everyCheckpointAtHead.put(name, head));
            assertThat(ReadDbContents.checkpoints(fixture.readDb())).isEqualTo(everyCheckpointAtHead);

            // every table equals a fresh rebuild into a new read.db
            Path freshDir = fixture.dir.resolve("fresh");
            try {
                Files.createDirectories(freshDir);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Path freshFile = freshDir.resolve("read.db");
            Map<String, ManualScheduler> freshSchedulers = new LinkedHashMap<>();
            try (ReadSide fresh = ReadSide.open(fixture.store, freshFile, fixture.clock, Map.of(),
                    name -> freshSchedulers.computeIfAbsent(name, n -> new ManualScheduler(fixture.clock)),
                    ProjectorListener.NONE, message -> { })) {
                if (salesAdded) {
                    fresh.addProjection(ProjectionNames.SALES_BY_CUSTOMER, 0);
                }
                freshSchedulers.values().forEach(ManualScheduler::runDue);
                assertThat(fresh.allCaughtUp()).as("the fresh rebuild caught up").isTrue();
            }
            assertThat(ReadDbContents.tables(fixture.readDb())).as("read.db against a fresh rebuild")
                    .isEqualTo(ReadDbContents.tables(freshFile));

            // and the rows are the write model's truth
            OrderQueries q = fixture.readSide.queries();
            Map<String, OrderDetails> truth = q.writeModel().allOrders();
            List<OrderSummary> list = q.listOrders(QuerySource.READ_MODEL);
            assertThat(Staleness.ofList(list, truth)).isEmpty();
            assertThat(Staleness.ofDetails(q.allDetails(), truth)).isEmpty();
            assertThat(list).isEqualTo(q.listOrders(QuerySource.WRITE_MODEL));
            assertThat(q.allDetails()).isEqualTo(sortedDetails(new ArrayList<>(truth.values())));
            for (OrderDetails order : truth.values()) {
                assertThat(q.getOrderById(order.orderId(), QuerySource.READ_MODEL)).contains(order);
                assertThat(q.getOrdersForCustomer(order.customerId(), QuerySource.READ_MODEL))
                        .isEqualTo(q.getOrdersForCustomer(order.customerId(), QuerySource.WRITE_MODEL));
            }
            if (salesAdded) {
                assertThat(fixture.readSide.sales().all()).isEqualTo(salesOf(fixture.store.readAll(0, Integer.MAX_VALUE)));
            }
        }
    }

    private static final Comparator<OrderSummary> LIST_ORDER =
            Comparator.comparing(OrderSummary::placedAt).thenComparing(OrderSummary::orderId);

    private static List<OrderSummary> sorted(List<OrderSummary> rows) {
        List<OrderSummary> copy = new ArrayList<>(rows);
        copy.sort(LIST_ORDER);
        return copy;
    }

    private static List<OrderDetails> sortedDetails(List<OrderDetails> rows) {
        rows.sort(Comparator.comparing(OrderDetails::placedAt).thenComparing(OrderDetails::orderId));
        return rows;
    }

    /** The sales figures, worked out here from the events, independently of the projection. */
    private static List<CustomerSales> salesOf(List<RecordedEvent> events) {
        Map<String, CustomerSales> byCustomer = new LinkedHashMap<>();
        Map<String, OrderPlaced> orders = new LinkedHashMap<>();
        for (RecordedEvent recorded : events) {
            Event event = recorded.event();
            if (event instanceof CustomerRegistered e) {
                byCustomer.put(e.customerId(), new CustomerSales(e.customerId(), e.name(), 0, BigDecimal.ZERO, 0));
            } else if (event instanceof OrderPlaced e) {
                orders.put(e.orderId(), e);
                byCustomer.computeIfPresent(e.customerId(), (id, s) -> new CustomerSales(id, s.customerName(),
                        s.orders() + 1, s.revenue().add(e.total()), s.cancelled()));
            } else if (event instanceof OrderCancelled e) {
                OrderPlaced placed = orders.get(e.orderId());
                byCustomer.computeIfPresent(placed.customerId(), (id, s) -> new CustomerSales(id, s.customerName(),
                        s.orders(), s.revenue().subtract(placed.total()), s.cancelled() + 1));
            }
        }
        List<CustomerSales> rows = new ArrayList<>(byCustomer.values());
        rows.sort(Comparator.comparing(CustomerSales::customerName).thenComparing(CustomerSales::customerId));
        return rows;
    }

    // ---------------------------------------------------------------- generator

    /** Random operations over a small pool of ids, so that whole order lives and rejections both happen. */
    private static final class Generator {
        private static final List<String> PROJECTORS = ProjectionNames.ALL;
        private final Random random;
        private final Seeded seeded;

        Generator(Random random) {
            this.random = random;
            this.seeded = new Seeded(random);
        }

        Map<String, Long> initialDelays() {
            Map<String, Long> delays = new LinkedHashMap<>();
            for (String name : AT_START) {
                delays.put(name, (long) seeded.oneOf(0, 0, 300, 1_000, 2_500, 10_000));
            }
            return delays;
        }

        List<Op> ops() {
            Map<String, Long> delays = initialDelays();
            int size = 10 + random.nextInt(60);
            List<Op> ops = new ArrayList<>(size + 1);
            ops.add(new InitialDelays(delays));
            for (int i = 0; i < size; i++) {
                ops.add(op());
            }
            return ops;
        }

        private Op op() {
            int pick = random.nextInt(100);
            if (pick < 40) {
                return new Handle(command());
            }
            if (pick < 55) {
                return new Advance(seeded.oneOf(1L, 50L, 300L, 1_000L, 2_500L, 4_000L));
            }
            if (pick < 65) {
                return new Work(seeded.oneOf(PROJECTORS.toArray(String[]::new)));
            }
            if (pick < 72) {
                return new Work(null);
            }
            if (pick < 77) {
                return new SetDelay(projector(), seeded.oneOf(0L, 0L, 200L, 1_500L, 5_000L, 10_000L, 60_000L, -5L));
            }
            if (pick < 81) {
                return new Pause(projector());
            }
            if (pick < 84) {
                return new Resume(projector());
            }
            if (pick < 88) {
                return new Step(projector());
            }
            if (pick < 91) {
                return new Rebuild(projector());
            }
            if (pick < 93) {
                return new AddSales(seeded.oneOf(0L, 800L, 3_000L));
            }
            if (pick < 95) {
                return new Restart();
            }
            return new Check();
        }

        private String projector() {
            return seeded.oneOf(PROJECTORS.toArray(String[]::new));
        }

        private Command command() {
            int pick = random.nextInt(14);
            if (pick < 2) {
                return new RegisterCustomer(customerId(),
                        seeded.mostly(8, () -> seeded.oneOf("Ada Lovelace", "Grace Hopper", "Alan Turing"), () -> " "));
            }
            if (pick < 6) {
                return new PlaceOrder(orderId(), seeded.mostly(10, this::customerId, () -> "c-9"), items());
            }
            if (pick < 9) {
                return new PayOrder(orderId());
            }
            if (pick < 11) {
                return new ShipOrder(orderId());
            }
            return new CancelOrder(orderId(), seeded.oneOf("changed mind", "fraud", "too slow"));
        }

        private String customerId() {
            return seeded.oneOf("c-1", "c-2", "c-3");
        }

        private String orderId() {
            return seeded.oneOf("o-1", "o-2", "o-3", "o-4", "o-5", "o-6");
        }

        private List<OrderLine> items() {
            int size = 1 + random.nextInt(3);
            List<OrderLine> lines = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                lines.add(new OrderLine(seeded.oneOf("BOOK-1", "PEN-1", "MUG-2"),
                        seeded.mostly(15, () -> 1 + random.nextInt(5), () -> 0),
                        new BigDecimal(seeded.mostly(15, () -> seeded.oneOf("12.50", "0.10", "0.00", "99.99", "3"), () -> "-0.01"))));
            }
            return lines;
        }


    }


}
