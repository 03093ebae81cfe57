package io.cqrsflow.bench;

import io.cqrsflow.flow.Engine;
import io.cqrsflow.flow.FlowSignal;
import io.cqrsflow.read.Projector;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Rebuilds through the app: the real {@link Engine} — its projectors, their read.db writer, the signals
 * thread — with a subscriber receiving every signal, as the window's inbox and the headless trace do.
 */
final class AppPaths {
    private AppPaths() {
    }

    /** A data folder holding a copy of {@code history}'s events.db and a read.db already caught up. */
    static Path dataFolder(Path history, Path dir) throws Exception {
        Files.createDirectories(dir);
        Files.copy(history.resolve("events.db"), dir.resolve("events.db"), StandardCopyOption.REPLACE_EXISTING);
        try (Engine engine = Engine.open(dir, Clock.systemUTC(), Map.of())) {
            if (!engine.awaitCaughtUp(Duration.ofMinutes(30))) {
                throw new IllegalStateException("the engine did not catch up on " + dir);
            }
        }
        return dir;
    }

    /** Seconds from asking every projector to rebuild until all have caught up and every signal is delivered. */
    static double rebuild(Path dataDir) throws Exception {
        try (Engine engine = Engine.open(dataDir, Clock.systemUTC(), Map.of())) {
            AtomicLong applied = new AtomicLong();
            engine.subscribe(signal -> {
                if (signal instanceof FlowSignal.EventsApplied batch) {
                    applied.addAndGet(batch.events().size());
                }
            });
            engine.subscribe(FlowSignal::toString); // stands for the trace: every signal looked at, none dropped
            if (!engine.awaitCaughtUp(Duration.ofMinutes(30))) {
                throw new IllegalStateException("the engine did not catch up before the rebuild");
            }
            long start = System.nanoTime();
            for (Projector p : engine.readSide().projectors()) {
                engine.rebuild(p.name(), 0);
            }
            if (!engine.awaitCaughtUp(Duration.ofMinutes(30))) {
                throw new IllegalStateException("the rebuild through the engine did not finish in 30 min");
            }
            double seconds = StorePaths.seconds(start);
            if (applied.get() == 0) {
                throw new IllegalStateException("the subscriber saw no applied event: the signals were not on");
            }
            return seconds;
        }
    }
}
