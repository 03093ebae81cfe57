package io.cqrsflow.ui.readmodel;

import io.cqrsflow.read.ReadModelReading;
import javafx.collections.ObservableListBase;

import java.util.Collections;

/**
 * A read model's table as a list without holding it: its size is the row count of the latest reading, and
 * a row is there only if that reading read it (its {@link io.cqrsflow.read.RowWindow}); any other place is
 * null until a reading of the rows around it comes. So every row the table shows, and its tint, comes from
 * one reading. FX thread.
 */
final class ReadingRows<T> extends ObservableListBase<T> {
    private ReadModelReading<T> reading = ReadModelReading.empty();

    @Override
    public int size() {
        return (int) Math.min(Integer.MAX_VALUE, reading.total());
    }

    /** The row at that place if the latest reading read it, else null. */
    @Override
    public T get(int index) {
        if (index < 0 || index >= size()) {
            throw new IndexOutOfBoundsException(index);
        }
        return reading.rowAt(index);
    }

    ReadModelReading<T> reading() {
        return reading;
    }

    /** Shows another reading: the rows it read and those the last one had are told to the table again. */
    void show(ReadModelReading<T> next) {
        ReadModelReading<T> before = reading;
        int oldSize = size();
        reading = next;
        int newSize = size();
        beginChange();
        int common = Math.min(oldSize, newSize);
        updated(before, common);
        updated(next, common);
        if (newSize > oldSize) {
            nextAdd(oldSize, newSize);
        } else if (newSize < oldSize) {
            nextRemove(newSize, Collections.nCopies(oldSize - newSize, null));
        }
        endChange();
    }

    private void updated(ReadModelReading<T> r, int below) {
        int to = (int) Math.min(below, (long) r.offset() + r.rows().size());
        for (int i = r.offset(); i < to; i++) {
            nextUpdate(i);
        }
    }
}
