package io.cqrsflow.ui.perf;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The frame meter's arithmetic: nearest-rank percentiles, the window of the last seconds, the ring. */
class FrameStatsTest {
    private static final long MS = 1_000_000;

    @Test
    void percentilesAreNearestRank() {
        long[] hundred = new long[100];
        for (int i = 0; i < 100; i++) {
            hundred[i] = (100 - i) * MS; // 100 ms down to 1 ms, unsorted
        }
        FrameStats.Summary s = FrameStats.summarize(hundred);
        assertThat(s.frames()).isEqualTo(100);
        assertThat(s.p50Ms()).isEqualTo(50.0);
        assertThat(s.p99Ms()).isEqualTo(99.0);
        assertThat(s.maxMs()).isEqualTo(100.0);
        assertThat(s.overBudget()).as("17 ms and above").isEqualTo(84);
        assertThat(FrameStats.percentile(new long[]{7}, 0.99)).isEqualTo(7);
        assertThat(FrameStats.percentile(new long[]{1, 2, 3}, 0.5)).isEqualTo(2);
        assertThat(FrameStats.percentile(new long[]{1, 2, 3, 4}, 0.5)).isEqualTo(2);
    }

    @Test
    void theSummaryCoversOnlyTheLastSecondsAndTheRingForgetsTheOldest() {
        FrameStats stats = new FrameStats(4);
        stats.add(1_000 * MS, 40 * MS);
        stats.add(5_000 * MS, 2 * MS);
        stats.add(6_000 * MS, 4 * MS);
        stats.add(7_000 * MS, 3 * MS);
        FrameStats.Summary recent = stats.summary(7_000 * MS, 2_500 * MS);
        assertThat(recent.frames()).isEqualTo(3);
        assertThat(recent.maxMs()).isEqualTo(4.0);
        assertThat(recent.p50Ms()).isEqualTo(3.0);
        assertThat(stats.all().maxMs()).isEqualTo(40.0);
        stats.add(8_000 * MS, 1 * MS);
        assertThat(stats.size()).isEqualTo(4);
        assertThat(stats.all().maxMs()).as("the 40 ms frame fell out of the ring").isEqualTo(4.0);
        assertThat(stats.all().line()).isEqualTo("p50 2.0 · p99 4.0 · max 4.0 ms");
        assertThat(new FrameStats(3).all()).isEqualTo(FrameStats.Summary.NONE);
    }
}
