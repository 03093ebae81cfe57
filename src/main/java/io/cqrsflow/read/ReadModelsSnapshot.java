package io.cqrsflow.read;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the read models and the write model said at one moment, read together on the query thread, with
 * the rows that differ from the truth already worked out: everything the window shows of the read side.
 *
 * @param readings per running read model's name, its rows and stale rows
 * @param truth    every order as the write model folds it, by order id
 */
public record ReadModelsSnapshot(Map<String, ReadModelReading<?>> readings, Map<String, OrderDetails> truth) {

    public static final ReadModelsSnapshot EMPTY = new ReadModelsSnapshot(Map.of(), Map.of());

    public ReadModelsSnapshot {
        readings = Collections.unmodifiableMap(new LinkedHashMap<>(readings));
        truth = Collections.unmodifiableMap(new LinkedHashMap<>(truth));
    }

    /** That read model's reading; empty when it was not running when this was read. */
    @SuppressWarnings("unchecked") // ReadSide files each module's reading under the module's own name
    public <R> ReadModelReading<R> reading(ReadModelModule<R> model) {
        ReadModelReading<?> r = readings.get(model.name());
        return r == null ? ReadModelReading.empty() : (ReadModelReading<R>) r;
    }

    /** Rows of every read model that differ from the write model (0 once everything has caught up). */
    public int staleRows() {
        int n = 0;
        for (ReadModelReading<?> r : readings.values()) {
            n += r.stale().size();
        }
        return n;
    }
}
