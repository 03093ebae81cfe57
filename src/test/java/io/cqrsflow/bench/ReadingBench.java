package io.cqrsflow.bench;

import io.cqrsflow.eventstore.SqliteEventStore;
import io.cqrsflow.read.ExecutorScheduler;
import io.cqrsflow.read.ProjectorListener;
import io.cqrsflow.read.ReadModelsSnapshot;
import io.cqrsflow.read.ReadSide;

import io.cqrsflow.domain.Command;
import io.cqrsflow.domain.OrderLine;
import io.cqrsflow.domain.PayOrder;
import io.cqrsflow.domain.PlaceOrder;
import io.cqrsflow.domain.ShipOrder;
import io.cqrsflow.write.CommandEnvelope;
import io.cqrsflow.write.CommandHandler;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The time of one window reading ({@link ReadSide#readModels(Map)}: a page of rows per read model, their
 * staleness and the whole tables' stale counts) while both projectors catch up on a big store from an empty
 * read.db, a reading every {@code pauseMs} as a window asks for them. Run by hand on a copy of a store (it
 * writes read.db next to it), e.g. the benchmark's 1 000 001-event {@link History} store:
 * {@code java -Xmx512m -cp target/classes:target/test-classes:DEPS io.cqrsflow.bench.ReadingBench DIR 200}.
 * With a third argument (a projector's name) read.db is kept, and once the truth is folded that projector is
 * rebuilt: the readings while it catches up; with {@code load}, 200 commands a second for 20 s with the
 * projectors 3 s and 2 s behind. Prints the compared readings' times (p50, p90, max).
 */
public final class ReadingBench {
    private ReadingBench() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        long pauseMs = args.length > 1 ? Long.parseLong(args[1]) : 200;
        String rebuild = args.length > 2 && !args[2].equals("load") ? args[2] : null;
        boolean load = args.length > 2 && args[2].equals("load");
        if (rebuild == null && !load) {
            Files.deleteIfExists(dir.resolve("read.db"));
            Files.deleteIfExists(dir.resolve("read.db-wal"));
            Files.deleteIfExists(dir.resolve("read.db-shm"));
        }
        List<Double> compared = new ArrayList<>();
        int checking = 0;
        try (SqliteEventStore store = SqliteEventStore.open(dir.resolve("events.db"), Clock.systemUTC())) {
            ReadSide side = ReadSide.open(store, dir.resolve("read.db"), Clock.systemUTC(),
                    load ? Map.of("order-list", 3_000L, "order-detail", 2_000L) : Map.of(),
                    ExecutorScheduler::new, ProjectorListener.NONE, notice -> { });
            try {
                if (rebuild != null) {
                    while (!side.readModels(Map.of()).compared(rebuild)) {
                        Thread.sleep(pauseMs); // the truth folded first: only the rebuild is then measured
                    }
                    side.projector(rebuild).rebuild();
                }
                Thread commands = load ? commands(store, side) : null;
                long start = System.nanoTime();
                boolean sawBehind = rebuild == null && !load;
                while (true) {
                    long t = System.nanoTime();
                    ReadModelsSnapshot s = side.readModels(Map.of());
                    double ms = (System.nanoTime() - t) / 1e6;
                    long behind = 0;
                    boolean all = !s.readings().isEmpty();
                    for (String name : s.progress().keySet()) {
                        behind = Math.max(behind, s.progress(name).eventsBehind());
                        all &= s.compared(name);
                    }
                    if (all) {
                        compared.add(ms);
                        System.out.printf("%6.1f s  reading %8.1f ms  behind %,d  stale %,d%n",
                                (System.nanoTime() - start) / 1e9, ms, behind, s.staleRows());
                    } else {
                        checking++;
                    }
                    sawBehind |= behind > 0;
                    if (load ? !commands.isAlive() : all && behind == 0 && sawBehind) {
                        break;
                    }
                    Thread.sleep(pauseMs);
                }
            } finally {
                side.close();
            }
        }
        Collections.sort(compared);
        System.out.printf("READINGS compared %d (checking %d): p50 %.1f ms, p90 %.1f ms, max %.1f ms%n", compared.size(),
                checking, at(compared, 0.5), at(compared, 0.9), compared.isEmpty() ? 0 : compared.get(compared.size() - 1));
    }

    /** 200 commands a second for 20 s (place, pay, ship an order in turn), while the readings go on. */
    private static Thread commands(SqliteEventStore store, ReadSide side) throws InterruptedException {
        while (side.readModels(Map.of()).readings().isEmpty()) {
            Thread.sleep(200); // the truth folded first: only readings under load are measured
        }
        CommandHandler handler = new CommandHandler(store);
        Thread t = new Thread(() -> {
            long start = System.nanoTime();
            for (int i = 0; i < 4_000; i++) {
                String order = "load-" + (i / 3);
                Command c = switch (i % 3) {
                    case 0 -> new PlaceOrder(order, "c-" + (i % 1_000),
                            List.of(new OrderLine("BOOK", 1, new BigDecimal("9.50"))));
                    case 1 -> new PayOrder(order);
                    default -> new ShipOrder(order);
                };
                handler.handle(CommandEnvelope.of("load-" + i, c));
                long due = start + (i + 1) * 5_000_000L;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    java.util.concurrent.locks.LockSupport.parkNanos(wait);
                }
            }
        }, "load");
        t.start();
        return t;
    }

    private static double at(List<Double> sorted, double q) {
        return sorted.isEmpty() ? 0 : sorted.get((int) Math.min(sorted.size() - 1, Math.floor(q * sorted.size())));
    }
}
