package io.cqrsflow.read;

import io.cqrsflow.eventstore.RecordedEvent;

import java.time.Instant;
import java.util.List;

/** What a projector reports, on its own thread. Keep implementations short. */
public interface ProjectorListener {

    /** Events just applied and committed together with the checkpoint. */
    void applied(String projector, List<RecordedEvent> events, Instant appliedAt);

    void statusChanged(ProjectorStatus status);

    ProjectorListener NONE = new ProjectorListener() {
        @Override
        public void applied(String projector, List<RecordedEvent> events, Instant appliedAt) {
        }

        @Override
        public void statusChanged(ProjectorStatus status) {
        }
    };
}
