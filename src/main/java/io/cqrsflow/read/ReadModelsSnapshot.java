package io.cqrsflow.read;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the read models and the write model said at one moment, read together on the query thread, with
 * the rows that differ from the truth already worked out: everything the window shows of the read side.
 * The rows and each projector's checkpoint are read in one read.db transaction, and the truth right
 * after, so the rows, the stale rows and "n behind" are one reading and cannot disagree.
 *
 * @param readings per running read model's name, its rows and stale rows
 * @param truth    every order as the write model folds it, by order id
 * @param progress per running read model's name, its checkpoint against the truth's position
 */
public record ReadModelsSnapshot(Map<String, ReadModelReading<?>> readings, Map<String, OrderDetails> truth,
                                 Map<String, Progress> progress) {

    /** Nothing read yet: no comparison has been made. */
    public static final ReadModelsSnapshot EMPTY = new ReadModelsSnapshot(Map.of(), Map.of(), Map.of());

    /**
     * How far one projector's rows are behind the truth they were compared with.
     *
     * @param checkpoint        the last event applied to the rows read (same transaction as the rows)
     * @param head              the last event the truth folds
     * @param oldestUnappliedAt recorded_at of the event after the checkpoint; null when caught up
     */
    public record Progress(long checkpoint, long head, Instant oldestUnappliedAt) {
        public long eventsBehind() {
            return Math.max(0, head - checkpoint);
        }

        /** now − recorded_at of the oldest event the rows do not reflect; 0 when caught up. */
        public long timeBehindMs(Instant now) {
            if (oldestUnappliedAt == null || eventsBehind() == 0) {
                return 0;
            }
            return Math.max(0, Duration.between(oldestUnappliedAt, now).toMillis());
        }
    }

    public ReadModelsSnapshot {
        readings = Collections.unmodifiableMap(new LinkedHashMap<>(readings));
        truth = Collections.unmodifiableMap(new LinkedHashMap<>(truth));
        progress = Collections.unmodifiableMap(new LinkedHashMap<>(progress));
    }

    /** Without progress figures (tests written before they were read together). */
    public ReadModelsSnapshot(Map<String, ReadModelReading<?>> readings, Map<String, OrderDetails> truth) {
        this(readings, truth, Map.of());
    }

    /** That read model's reading; empty when it was not running when this was read. */
    @SuppressWarnings("unchecked") // ReadSide files each module's reading under the module's own name
    public <R> ReadModelReading<R> reading(ReadModelModule<R> model) {
        ReadModelReading<?> r = readings.get(model.name());
        return r == null ? ReadModelReading.empty() : (ReadModelReading<R>) r;
    }

    /** Whether this read model's rows have been compared with the truth in this reading. */
    public boolean compared(String readModel) {
        return readings.containsKey(readModel);
    }

    /** That projector's checkpoint against the truth, or null when not read in this reading. */
    public Progress progress(String readModel) {
        return progress.get(readModel);
    }

    /** Rows of every read model that differ from the write model (0 once everything has caught up). */
    public int staleRows() {
        int n = 0;
        for (ReadModelReading<?> r : readings.values()) {
            n += r.count().total();
        }
        return n;
    }
}
