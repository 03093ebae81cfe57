package io.cqrsflow.ui;

import io.cqrsflow.flow.Engine;
import io.cqrsflow.read.ManualScheduler;
import io.cqrsflow.read.MutableClock;
import io.cqrsflow.read.ProjectorState;
import io.cqrsflow.read.ProjectorStatus;
import io.cqrsflow.scenario.PauseStep;
import io.cqrsflow.scenario.Scenario;
import io.cqrsflow.scenario.ScenarioLibrary;
import io.cqrsflow.scenario.ScenarioPlayer;
import io.cqrsflow.ui.flow.LaneView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A paced replay is something to watch: played at 1× on a virtual clock, the rebuild lesson's order list
 * and the new projection lesson's sales-by-customer are part way up when the lesson pauses them, and the
 * lane says so ("rebuilding 9 / 25"); by the end they are caught up.
 */
class PacedReplayLaneTest {
    private static final ScenarioLibrary LIBRARY = new ScenarioLibrary();

    @TempDir
    Path dir;

    @Test
    void theRebuildLessonsOrderListIsMidWayWhenTheLessonPausesIt() {
        // when
        Played played = play("rebuild-from-history", "order-list");

        // then: paused 2.2 s into a rebuild of 25 events at 4 a second, 9 of them replayed
        ProjectorStatus mid = played.atPause();
        assertThat(mid.state()).isEqualTo(ProjectorState.REBUILDING);
        assertThat(mid.rebuildTarget()).isEqualTo(25);
        assertThat(mid.checkpoint()).isBetween(8L, 10L);
        assertThat(LaneView.stateText(mid)).matches("rebuilding (8|9|10) / 25");
        assertThat(played.atEnd().state()).isNotEqualTo(ProjectorState.REBUILDING);
        assertThat(played.atEnd().checkpoint()).isEqualTo(25);
    }

    @Test
    void theNewProjectionLessonsProjectionIsMidWayWhenTheLessonPausesIt() {
        // when
        Played played = play("new-projection", "sales-by-customer");

        // then: paused 1.9 s into catching up on 25 events at 5 a second, 10 of them applied
        ProjectorStatus mid = played.atPause();
        assertThat(mid.state()).isEqualTo(ProjectorState.REBUILDING);
        assertThat(mid.rebuildTarget()).isEqualTo(25);
        assertThat(mid.checkpoint()).isBetween(9L, 11L);
        assertThat(LaneView.stateText(mid)).matches("rebuilding (9|10|11) / 25");
        assertThat(played.atEnd().checkpoint()).isEqualTo(played.atEnd().head());
        assertThat(played.atEnd().state()).isNotEqualTo(ProjectorState.REBUILDING);
    }

    private record Played(ProjectorStatus atPause, ProjectorStatus atEnd) {
    }

    /** Plays a built-in lesson at 1×, reading along, and notes {@code projector}'s status as the first pause plays. */
    private Played play(String id, String projector) {
        Scenario lesson = LIBRARY.load(id);
        MutableClock clock = new MutableClock(Instant.parse("2026-03-01T09:00:00Z"));
        ManualScheduler scheduler = new ManualScheduler(clock);
        List<ProjectorStatus> atPause = Collections.synchronizedList(new ArrayList<>());
        try (Engine engine = Engine.open(dir, clock, lesson.projectorDelays(), name -> scheduler)) {
            ScenarioPlayer player = new ScenarioPlayer(engine.client(), lesson, 1, (step, elapsedMs, outcome) -> {
                if (step instanceof PauseStep pause && pause.projector().equals(projector) && atPause.isEmpty()) {
                    atPause.add(engine.projector(projector).status());
                }
            }, scheduler, clock, ScenarioPlayer.Pacing.READ_ALONG);
            player.start();
            scheduler.runUntil(() -> player.finished().isDone());
            assertThat(player.finished()).as("the lesson played to its end").isDone();
            assertThat(atPause).as("the lesson pauses " + projector).hasSize(1);
            return new Played(atPause.get(0), engine.projector(projector).status());
        }
    }
}
