package io.cqrsflow.sqlite;

import io.cqrsflow.sqlite.SqliteConnections.Synchronous;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.concurrent.CompletableFuture;

import static io.cqrsflow.sqlite.SqliteConnectionsTest.execute;
import static io.cqrsflow.sqlite.SqliteConnectionsTest.scalar;
import static org.assertj.core.api.Assertions.assertThat;

class ReaderConnectionsTest {

    @TempDir
    Path dir;

    @Test
    void each_thread_keeps_one_connection_of_its_own() throws Exception {
        Path file = dir.resolve("read.db");
        execute(file, "CREATE TABLE t(x)", "INSERT INTO t VALUES (7)");
        ReaderConnections readers = new ReaderConnections(file, Synchronous.NORMAL);

        Connection mine = readers.forThisThread();
        Connection again = readers.forThisThread();
        Connection theirs = CompletableFuture.supplyAsync(() -> {
            try {
                return readers.forThisThread();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).get();

        assertThat(again).isSameAs(mine);
        assertThat(theirs).isNotSameAs(mine);
        assertThat(scalar(mine, "SELECT x FROM t")).isEqualTo(7);
        assertThat(scalar(mine, "PRAGMA journal_mode")).isEqualTo("wal");
        readers.closeAll();
    }

    @Test
    void close_all_closes_every_threads_connection_and_a_later_read_opens_a_new_one() throws Exception {
        ReaderConnections readers = new ReaderConnections(dir.resolve("read.db"), Synchronous.NORMAL);
        Connection first = readers.forThisThread();

        readers.closeAll();

        assertThat(first.isClosed()).isTrue();
        Connection second = readers.forThisThread();
        assertThat(second).isNotSameAs(first);
        assertThat(second.isClosed()).isFalse();
        readers.closeAll();
    }
}
