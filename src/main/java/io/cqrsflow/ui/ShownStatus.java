package io.cqrsflow.ui;

import io.cqrsflow.read.ProjectorState;
import io.cqrsflow.read.ProjectorStatus;
import io.cqrsflow.read.ReadModelsSnapshot;

/**
 * A projector's status as the window shows it: the state, delay and problem it signalled, with the
 * checkpoint, head and oldest unapplied event of the reading the rows on screen come from. A signal can
 * run ahead of the rows by a frame or two; showing its figures would let "caught up" sit beside a stale
 * row. "caught up" is likewise only said when that reading has the projector at the truth's head.
 */
final class ShownStatus {
    private ShownStatus() {
    }

    static ProjectorStatus of(ProjectorStatus signalled, ReadModelsSnapshot.Progress read) {
        if (read == null) {
            return signalled;
        }
        ProjectorState state = signalled.state();
        if (state == ProjectorState.CAUGHT_UP && read.eventsBehind() > 0) {
            state = ProjectorState.RUNNING;
        } else if (state == ProjectorState.RUNNING && read.eventsBehind() == 0) {
            state = ProjectorState.CAUGHT_UP;
        }
        return new ProjectorStatus(signalled.name(), state, signalled.delayMs(), read.checkpoint(), read.head(),
                read.oldestUnappliedAt(), signalled.rebuildTarget(), signalled.at(), signalled.problem());
    }
}
