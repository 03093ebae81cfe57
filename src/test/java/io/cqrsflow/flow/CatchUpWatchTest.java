package io.cqrsflow.flow;

import io.cqrsflow.read.ProjectorState;
import io.cqrsflow.read.ProjectorStatus;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** "Stopped moving", "failed", progress and time left, decided from statuses on a clock the test moves. */
class CatchUpWatchTest {
    private static final long T0 = Instant.parse("2026-03-01T09:00:00Z").toEpochMilli();

    private static CatchUpWatch.Observed at(ProjectorState state, long checkpoint, long head, long delayMs, long oldestAt) {
        return new CatchUpWatch.Observed(new ProjectorStatus("order-list", state, delayMs, checkpoint, head,
                checkpoint < head ? Instant.ofEpochMilli(oldestAt) : null, 0, Instant.ofEpochMilli(T0), null), true);
    }

    @Test
    void aProjectorWhoseDueEventsDoNotMoveFor30SecondsHasStoppedMoving() {
        CatchUpWatch watch = new CatchUpWatch(Duration.ofSeconds(30));
        assertThat(watch.observe(List.of(at(ProjectorState.RUNNING, 5, 10, 0, T0)), null, 10, T0))
                .isInstanceOf(CatchUpWatch.Behind.class);
        assertThat(watch.observe(List.of(at(ProjectorState.RUNNING, 5, 10, 0, T0)), null, 10, T0 + 29_999))
                .isInstanceOf(CatchUpWatch.Behind.class);
        CatchUpWatch.Verdict v = watch.observe(List.of(at(ProjectorState.RUNNING, 5, 10, 0, T0)), null, 10, T0 + 30_000);
        assertThat(v).isEqualTo(new CatchUpWatch.Stalled("order-list", 5, 10, 30_000));
    }

    @Test
    void movingAgainRestartsTheCount() {
        CatchUpWatch watch = new CatchUpWatch(Duration.ofSeconds(30));
        watch.observe(List.of(at(ProjectorState.RUNNING, 5, 10, 0, T0)), null, 10, T0);
        watch.observe(List.of(at(ProjectorState.RUNNING, 6, 10, 0, T0)), null, 10, T0 + 25_000);
        assertThat(watch.observe(List.of(at(ProjectorState.RUNNING, 6, 10, 0, T0)), null, 10, T0 + 50_000))
                .isInstanceOf(CatchUpWatch.Behind.class);
        assertThat(watch.observe(List.of(at(ProjectorState.RUNNING, 6, 10, 0, T0)), null, 10, T0 + 55_000))
                .isInstanceOf(CatchUpWatch.Stalled.class);
    }

    @Test
    void waitingOutADelayOrAPauseIsNotStoppedMoving() {
        CatchUpWatch watch = new CatchUpWatch(Duration.ofSeconds(30));
        // the next event was recorded at T0 + 50 s with a 10 s delay: due at T0 + 60 s
        assertThat(watch.observe(List.of(at(ProjectorState.RUNNING, 5, 10, 10_000, T0 + 50_000)), null, 10, T0 + 59_000))
                .isInstanceOf(CatchUpWatch.Behind.class);
        // due since T0 + 60 s: 30 s from then, not from the start
        assertThat(watch.observe(List.of(at(ProjectorState.RUNNING, 5, 10, 10_000, T0 + 50_000)), null, 10, T0 + 89_000))
                .isInstanceOf(CatchUpWatch.Behind.class);
        assertThat(watch.observe(List.of(at(ProjectorState.RUNNING, 5, 10, 10_000, T0 + 50_000)), null, 10, T0 + 90_000))
                .isInstanceOf(CatchUpWatch.Stalled.class);
        CatchUpWatch paused = new CatchUpWatch(Duration.ofSeconds(30));
        paused.observe(List.of(at(ProjectorState.PAUSED, 5, 10, 0, T0)), null, 10, T0);
        CatchUpWatch.Verdict v = paused.observe(List.of(at(ProjectorState.PAUSED, 5, 10, 0, T0)), null, 10, T0 + 600_000);
        assertThat(v).isInstanceOf(CatchUpWatch.Behind.class);
        assertThat(v.message()).contains("paused");
    }

    @Test
    void aFailedProjectorOrAnUnreadableStoreEndsTheWaitWithTheReason() {
        CatchUpWatch watch = new CatchUpWatch();
        CatchUpWatch.Observed failed = new CatchUpWatch.Observed(new ProjectorStatus("order-detail", ProjectorState.FAILED,
                0, 3, 10, null, 0, Instant.ofEpochMilli(T0), "read.db is locked"), true);
        assertThat(watch.observe(List.of(failed), null, 10, T0).message()).isEqualTo("order-detail failed: read.db is locked");
        assertThat(watch.observe(List.of(at(ProjectorState.RUNNING, 5, 10, 0, T0)), "event 7 cannot be read", 10, T0))
                .isEqualTo(new CatchUpWatch.Failed("events.db", "event 7 cannot be read"));
    }

    @Test
    void progressSaysWhereEachStandsThePaceAndTheTimeLeft() {
        CatchUpWatch watch = new CatchUpWatch();
        watch.observe(List.of(at(ProjectorState.REBUILDING, 0, 1_000_001, 0, T0)), null, 1_000_001, T0);
        CatchUpWatch.Verdict v = watch.observe(List.of(at(ProjectorState.REBUILDING, 100_000, 1_000_001, 0, T0)), null,
                1_000_001, T0 + 2_000);
        assertThat(v).isInstanceOf(CatchUpWatch.Behind.class);
        assertThat(((CatchUpWatch.Behind) v).msLeft()).isEqualTo(18_000);
        assertThat(v.message()).isEqualTo("order-list 100000 / 1000001 (9 %), 50000 events/s; about 18 s left");
        assertThat(watch.observe(List.of(at(ProjectorState.CAUGHT_UP, 1_000_001, 1_000_001, 0, T0)), null, 1_000_001,
                T0 + 20_000)).isInstanceOf(CatchUpWatch.CaughtUp.class);
    }
}
