package io.cqrsflow.read;

import io.cqrsflow.eventstore.RecordedEvent;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * One read model: its tables in read.db and how events change them. A projection handles only the
 * event types it needs and ignores the rest.
 */
public interface Projection {

    /** The projector's name ("order-list"). */
    String name();

    /** CREATE TABLE IF NOT EXISTS statements for its tables. */
    List<String> schema();

    /** The tables a rebuild empties. */
    List<String> tables();

    /** Prepares this projection's statements on the read.db writer connection. */
    Writer open(Connection connection) throws SQLException;

    /** Applies events inside the transaction the projector opened. */
    interface Writer extends AutoCloseable {
        void apply(RecordedEvent event) throws SQLException;

        /**
         * The tables changed without this writer (its transaction rolled back, a rebuild emptied them): it
         * forgets whatever it keeps in memory of their contents. On the read.db writer thread.
         */
        default void forgetCached() {
        }

        @Override
        void close() throws SQLException;
    }
}
