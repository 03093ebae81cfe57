package io.cqrsflow.read;

import io.cqrsflow.eventstore.RecordedEvent;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Simulates a crash between applying and committing: the wrapped projection writes its rows for the
 * first events of the batch, then the process "dies" on the Nth event, before the commit.
 */
final class CrashingProjection implements Projection {
    private final Projection inner;
    private final int crashOnNth;

    CrashingProjection(Projection inner, int crashOnNth) {
        this.inner = inner;
        this.crashOnNth = crashOnNth;
    }

    @Override
    public String name() {
        return inner.name();
    }

    @Override
    public List<String> schema() {
        return inner.schema();
    }

    @Override
    public List<String> tables() {
        return inner.tables();
    }

    @Override
    public Writer open(Connection connection) throws SQLException {
        Writer w = inner.open(connection);
        return new Writer() {
            int applied;

            @Override
            public void apply(RecordedEvent event) throws SQLException {
                if (++applied == crashOnNth) {
                    throw new SQLException("simulated crash before commit");
                }
                w.apply(event);
            }

            @Override
            public void close() throws SQLException {
                w.close();
            }
        };
    }
}
