package io.cqrsflow.flow;

import io.cqrsflow.read.ProjectorState;
import io.cqrsflow.read.ProjectorStatus;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Decides, from the projectors' statuses over time, whether a catch-up (or rebuild) is done, still making
 * progress, or cannot finish — with no fixed timeout: a million events may take minutes, and that is fine
 * while the checkpoints climb.
 *
 * <p><b>Stopped moving</b>: a projector behind the head (or with work asked of it not yet carried out), not
 * paused, whose next event is due (its {@code recorded_at + delay} has passed), and whose checkpoint has not
 * changed for {@link #STALL} since it last moved or since that event became due. A projector waiting out its
 * delay, or paced slower than one event a second, is not stopped; a paused one waits for its resume.
 * <b>Failed</b>: a projector in state failed (its problem is reported), or an events.db that cannot be read.
 *
 * <p>Pure: fed with statuses and the time on any clock, so a test drives it with a virtual one.
 */
public final class CatchUpWatch {
    /** How long a projector that should be applying may keep its checkpoint still before the wait gives up. */
    public static final Duration STALL = Duration.ofSeconds(30);

    /** One projector as the watch sees it: its status, and whether what was asked of it has been carried out. */
    public record Observed(ProjectorStatus status, boolean settled) {
    }

    /** Where a catch-up stands. */
    public sealed interface Verdict {
        /** Human-readable, one line. */
        String message();
    }

    public record CaughtUp() implements Verdict {
        @Override
        public String message() {
            return "every projector has caught up";
        }
    }

    /** A projector failed, or events.db cannot be read: waiting longer is pointless. */
    public record Failed(String projector, String problem) implements Verdict {
        @Override
        public String message() {
            return projector + " failed: " + problem;
        }
    }

    /** A projector should be applying but its checkpoint has not moved for {@code stillMs}. */
    public record Stalled(String projector, long checkpoint, long head, long stillMs) implements Verdict {
        @Override
        public String message() {
            return projector + " stopped moving: its checkpoint has stayed at " + checkpoint + " of " + head
                    + " for " + stillMs / 1000 + " s while events were due; no progress, so the wait ends here";
        }
    }

    /** Still going: each projector's position, the pace, and the time left (−1: not known yet). */
    public record Behind(List<Line> projectors, long msLeft) implements Verdict {
        public record Line(String projector, ProjectorState state, long checkpoint, long target,
                           double eventsPerSecond, long msLeft) {
        }

        @Override
        public String message() {
            StringBuilder b = new StringBuilder();
            for (Line l : projectors) {
                b.append(b.length() == 0 ? "" : "; ").append(l.projector()).append(' ')
                        .append(l.checkpoint()).append(" / ").append(l.target());
                if (l.target() > 0) {
                    b.append(" (").append(l.checkpoint() * 100 / l.target()).append(" %)");
                }
                if (l.eventsPerSecond() > 0) {
                    b.append(", ").append(Math.round(l.eventsPerSecond())).append(" events/s");
                }
                if (l.state() == ProjectorState.PAUSED) {
                    b.append(", paused");
                }
            }
            b.append(msLeft < 0 ? "; time left not known yet" : "; about " + seconds(msLeft) + " left");
            return b.toString();
        }
    }

    private record Mark(long checkpoint, long movedAtMs) {
    }

    private final long stallMs;
    private final Map<String, Mark> marks = new HashMap<>();
    private final Map<String, CatchUpRate> rates = new HashMap<>();

    public CatchUpWatch() {
        this(STALL);
    }

    public CatchUpWatch(Duration stall) {
        this.stallMs = stall.toMillis();
    }

    /**
     * Where things stand at {@code nowMs} (the engine's clock). {@code unreadable}: why events.db cannot be
     * read, or null.
     */
    public Verdict observe(List<Observed> projectors, String unreadable, long head, long nowMs) {
        if (unreadable != null) {
            return new Failed("events.db", unreadable);
        }
        List<Behind.Line> lines = new ArrayList<>();
        long msLeft = 0;
        boolean done = true;
        for (Observed o : projectors) {
            ProjectorStatus s = o.status();
            if (s.state() == ProjectorState.FAILED) {
                return new Failed(s.name(), s.problem() == null ? "no reason given" : s.problem());
            }
            long target = Math.max(head, s.head());
            Mark mark = marks.get(s.name());
            if (mark == null || mark.checkpoint() != s.checkpoint()) {
                mark = new Mark(s.checkpoint(), nowMs);
                marks.put(s.name(), mark);
            }
            CatchUpRate rate = rates.computeIfAbsent(s.name(), n -> new CatchUpRate());
            rate.sample(nowMs, s.checkpoint());
            boolean behind = s.checkpoint() < target || !o.settled();
            if (!behind) {
                continue;
            }
            done = false;
            long left = rate.msLeft(target);
            msLeft = msLeft < 0 || left < 0 ? -1 : Math.max(msLeft, left);
            lines.add(new Behind.Line(s.name(), s.state(), s.checkpoint(), target, rate.eventsPerSecond(), left));
            if (s.state() == ProjectorState.PAUSED) {
                continue;
            }
            long dueAt = s.oldestUnappliedAt() == null || !o.settled() ? Long.MIN_VALUE
                    : s.oldestUnappliedAt().toEpochMilli() + s.delayMs();
            if (dueAt > nowMs) {
                continue; // waiting out its delay, on purpose
            }
            long stillSince = Math.max(mark.movedAtMs(), dueAt);
            if (nowMs - stillSince >= stallMs) {
                return new Stalled(s.name(), s.checkpoint(), target, nowMs - stillSince);
            }
        }
        return done ? new CaughtUp() : new Behind(List.copyOf(lines), msLeft);
    }

    /** "8 s", "2 min 10 s", "1 h 5 min". */
    static String seconds(long ms) {
        long s = (ms + 999) / 1000;
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return s / 60 + " min " + s % 60 + " s";
        }
        return s / 3600 + " h " + s % 3600 / 60 + " min";
    }
}
