package io.cqrsflow.ui;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Paced redraws: at once after a quiet spell, then at most once a gap; paced views take turns, one per frame. */
class PaceTest {
    private static final long MS = 1_000_000L;

    @Test
    void draws_at_once_after_quiet_then_at_most_once_a_gap_and_drops_nothing() {
        Pace pace = new Pace(250 * MS);
        assertThat(pace.due(0)).as("nothing changed").isFalse();
        pace.changed();
        assertThat(pace.due(1_000 * MS)).as("the first change, at once").isTrue();
        pace.changed();
        assertThat(pace.due(1_100 * MS)).as("inside the gap").isFalse();
        assertThat(pace.pending()).as("kept for later").isTrue();
        assertThat(pace.due(1_249 * MS)).isFalse();
        assertThat(pace.due(1_250 * MS)).as("the gap is over").isTrue();
        assertThat(pace.pending()).isFalse();
        assertThat(pace.due(5_000 * MS)).as("drawn already").isFalse();
        pace.changed();
        assertThat(pace.due(5_000 * MS)).as("after a quiet spell, at once again").isTrue();
    }

    @Test
    void views_take_turns_one_per_frame_the_longest_waiting_first() {
        Pace.Turns turns = new Pace.Turns();
        List<String> drawn = new ArrayList<>();
        Pace a = new Pace(250 * MS);
        Pace b = new Pace(250 * MS);
        Pace c = new Pace(250 * MS);
        turns.add(a, () -> drawn.add("a"), true);
        turns.add(b, () -> drawn.add("b"), true);
        turns.add(c, () -> drawn.add("c"), false);
        a.changed();
        b.changed();
        c.changed();
        long frame = 16 * MS;
        for (int i = 1; i <= 3; i++) {
            assertThat(turns.frame(i * frame)).isTrue();
        }
        assertThat(drawn).as("one per frame, each once").containsExactly("a", "b", "c");
        assertThat(turns.frame(4 * frame)).as("nothing left").isFalse();

        // b drew after a: when both are ready again, a (waiting longer) goes first
        b.changed();
        a.changed();
        drawn.clear();
        turns.frame(300 * MS);
        turns.frame(316 * MS);
        assertThat(drawn).containsExactly("a", "b");
    }

    @Test
    void pending_counts_only_the_views_a_snapshot_waits_for() {
        Pace.Turns turns = new Pace.Turns();
        Pace waited = new Pace(250 * MS);
        Pace fading = new Pace(250 * MS);
        turns.add(waited, () -> { }, true);
        turns.add(fading, () -> { }, false);
        fading.changed();
        assertThat(turns.pending()).isFalse();
        waited.changed();
        assertThat(turns.pending()).isTrue();
        turns.frame(0);
        assertThat(turns.pending()).as("the waited-for view drew first: it was registered first").isFalse();
    }
}
