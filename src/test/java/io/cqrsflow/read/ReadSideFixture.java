package io.cqrsflow.read;

import io.cqrsflow.domain.Command;
import io.cqrsflow.eventstore.RecordedEvent;
import io.cqrsflow.eventstore.SqliteEventStore;
import io.cqrsflow.write.CommandEnvelope;
import io.cqrsflow.write.CommandHandler;
import io.cqrsflow.write.CommandResult;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A real events.db and read.db in a folder, with every projector on its own {@link ManualScheduler}
 * and one {@link MutableClock}: the test decides when each projector runs and when time passes.
 */
final class ReadSideFixture implements AutoCloseable {
    final Path dir;
    final MutableClock clock;
    final List<String> notices = new ArrayList<>();
    final Map<String, ManualScheduler> schedulers = new LinkedHashMap<>();
    /** "order-list#3": which projector applied which position, in the order they were committed. */
    final List<String> applied = new ArrayList<>();
    SqliteEventStore store;
    CommandHandler handler;
    ReadSide readSide;
    private int commandCount;

    ReadSideFixture(Path dir, MutableClock clock) {
        this.dir = dir;
        this.clock = clock;
    }

    ReadSideFixture(Path dir) {
        this(dir, new MutableClock(Instant.parse("2026-01-01T10:00:00Z")));
    }

    Path eventsDb() {
        return dir.resolve("events.db");
    }

    Path readDb() {
        return dir.resolve("read.db");
    }

    /** Opens the store only (no read side). */
    ReadSideFixture openStore() {
        store = SqliteEventStore.open(eventsDb(), clock);
        handler = new CommandHandler(store);
        return this;
    }

    /** Opens the read side on the open store, with fresh schedulers (a restart loses queued work). */
    ReadSideFixture openReadSide(Map<String, Long> delays) {
        schedulers.clear();
        readSide = ReadSide.open(store, readDb(), clock, delays, this::scheduler, listener, notices::add);
        return this;
    }

    ReadSideFixture openReadSide() {
        return openReadSide(Map.of());
    }

    ReadSideFixture open() {
        return openStore().openReadSide();
    }

    private final ProjectorListener listener = new ProjectorListener() {
        @Override
        public void applied(String projector, List<RecordedEvent> events, Instant appliedAt) {
            for (RecordedEvent e : events) {
                applied.add(projector + "#" + e.position());
            }
        }

        @Override
        public void statusChanged(ProjectorStatus status) {
        }
    };

    /** The positions one projector applied, in order. */
    List<Long> appliedBy(String projector) {
        return applied.stream().filter(a -> a.startsWith(projector + "#"))
                .map(a -> Long.parseLong(a.substring(a.indexOf('#') + 1))).toList();
    }

    private Scheduler scheduler(String name) {
        return schedulers.computeIfAbsent(name, n -> new ManualScheduler(clock));
    }

    CommandResult handle(Command command) {
        return handler.handle(CommandEnvelope.of("cmd-" + (++commandCount), command));
    }

    /** Handles commands that must all be accepted. */
    void given(Command... commands) {
        for (Command c : commands) {
            CommandResult r = handle(c);
            if (!(r instanceof CommandResult.Accepted)) {
                throw new AssertionError("expected " + c + " to be accepted, got " + r);
            }
        }
    }

    /** Runs every projector's due work, until none has any left. */
    void runAll() {
        for (ManualScheduler s : List.copyOf(schedulers.values())) {
            s.runDue();
        }
    }

    void advance(long ms) {
        clock.advanceMs(ms);
        runAll();
    }

    /** Resumes every projector and lets more than the longest delay pass: everything is applied. */
    void settle() {
        for (Projector p : readSide.projectors()) {
            p.resume();
        }
        runAll();
        advance(ProjectorStatus.MAX_DELAY_MS + 1);
    }

    void closeReadSide() {
        if (readSide != null) {
            readSide.close();
            readSide = null;
        }
    }

    @Override
    public void close() {
        closeReadSide();
        if (store != null) {
            store.close();
            store = null;
        }
    }
}
