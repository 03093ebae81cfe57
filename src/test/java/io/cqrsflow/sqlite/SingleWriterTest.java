package io.cqrsflow.sqlite;

import io.cqrsflow.sqlite.SqliteConnections.Synchronous;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import static io.cqrsflow.sqlite.SqliteConnectionsTest.execute;
import static io.cqrsflow.sqlite.SqliteConnectionsTest.scalar;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The single writer on a real file: one thread (or the caller's, one at a time), BEGIN IMMEDIATE, all or nothing. */
class SingleWriterTest {

    @TempDir
    Path dir;

    private Path file;
    private SingleWriter writer;
    private Connection reader;

    @BeforeEach
    void open() throws Exception {
        file = dir.resolve("w.db");
        execute(file, "CREATE TABLE t(x INTEGER)");
        writer = new SingleWriter("test writer", SqliteConnections.open(file, Synchronous.FULL));
        reader = SqliteConnections.open(file, Synchronous.FULL);
    }

    @AfterEach
    void close() {
        writer.close(() -> { });
        SqliteConnections.closeQuietly(reader);
    }

    private static int insert(Connection c, int x) throws SQLException {
        try (Statement s = c.createStatement()) {
            return s.executeUpdate("INSERT INTO t VALUES (" + x + ")");
        }
    }

    private long rows() throws SQLException {
        return ((Number) scalar(reader, "SELECT COUNT(*) FROM t")).longValue();
    }

    @Test
    void commits_the_work_on_its_own_thread_and_returns_its_result() throws Exception {
        AtomicReference<String> thread = new AtomicReference<>();

        int inserted = writer.transaction(c -> {
            thread.set(Thread.currentThread().getName());
            return insert(c, 1) + insert(c, 2);
        });

        assertThat(inserted).isEqualTo(2);
        assertThat(thread.get()).isEqualTo("test writer");
        assertThat(rows()).isEqualTo(2);
    }

    @Test
    void work_that_fails_writes_nothing_and_its_exception_reaches_the_caller_as_it_was() throws Exception {
        IllegalArgumentException refusal = new IllegalArgumentException("refused");

        assertThatThrownBy(() -> writer.transaction(c -> {
            insert(c, 1);
            throw refusal;
        })).isSameAs(refusal);
        assertThatThrownBy(() -> writer.transaction(c -> {
            insert(c, 2);
            return insert(c, Integer.MIN_VALUE) + c.createStatement().executeUpdate("INSERT INTO missing VALUES (1)");
        })).isInstanceOf(SQLException.class).hasMessageContaining("missing");

        assertThat(rows()).isZero();
        int inserted = writer.transaction(c -> insert(c, 3));
        assertThat(inserted).as("the writer is still usable").isEqualTo(1);
    }

    @Test
    void takes_the_write_lock_when_the_transaction_begins() throws Exception {
        AtomicBoolean otherCouldBegin = new AtomicBoolean(true);

        writer.transaction(c -> {
            // Nothing written yet, and still another writer must wait: that is BEGIN IMMEDIATE, not BEGIN.
            try (Connection other = SqliteConnections.connect(file); Statement s = other.createStatement()) {
                s.execute("PRAGMA busy_timeout = 0");
                s.execute("BEGIN IMMEDIATE");
                s.execute("ROLLBACK");
            } catch (SQLException e) {
                otherCouldBegin.set(false);
            }
            return null;
        });

        assertThat(otherCouldBegin).isFalse();
    }

    @Test
    void tells_of_commits_on_the_writer_thread_in_commit_order() throws Exception {
        List<Integer> told = Collections.synchronizedList(new ArrayList<>());
        List<CompletableFuture<Integer>> appends = new ArrayList<>();

        for (int i = 0; i < 20; i++) {
            int x = i;
            appends.add(CompletableFuture.supplyAsync(() -> {
                try {
                    return writer.transaction(c -> {
                        insert(c, x);
                        return ((Number) scalar(c, "SELECT COUNT(*) FROM t")).intValue();
                    }, told::add);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        CompletableFuture.allOf(appends.toArray(CompletableFuture[]::new)).join();

        // each transaction saw the rows of those before it, and was told of in that order
        assertThat(told).hasSize(20).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void a_failed_commit_step_is_not_told_of() throws Exception {
        List<Object> told = new ArrayList<>();

        assertThatThrownBy(() -> writer.transaction(c -> {
            throw new IllegalStateException("no");
        }, told::add)).hasMessage("no");

        assertThat(told).isEmpty();
    }

    @Test
    void immediate_runs_on_the_calling_thread_and_rolls_back_on_failure() throws Exception {
        try (Connection c = SqliteConnections.open(file, Synchronous.FULL)) {
            SingleWriter.immediate(c, x -> insert(x, 1));
            assertThatThrownBy(() -> SingleWriter.immediate(c, x -> {
                insert(x, 2);
                throw new SQLException("no");
            })).hasMessage("no");
        }

        assertThat(rows()).isEqualTo(1);
    }

    @Test
    void close_finishes_queued_work_cleans_up_on_the_writer_thread_and_checkpoints_the_wal() throws Exception {
        writer.transaction(c -> insert(c, 1));
        reader.close();
        AtomicReference<String> cleanedUpOn = new AtomicReference<>();

        writer.close(() -> cleanedUpOn.set(Thread.currentThread().getName()));

        assertThat(cleanedUpOn.get()).isEqualTo("test writer");
        assertThat(Files.exists(dir.resolve("w.db-wal"))).as("WAL folded into the file on close").isFalse();
        reader = SqliteConnections.open(file, Synchronous.FULL);
        assertThat(rows()).isEqualTo(1);
    }

    @Test
    void a_full_disk_is_named_nothing_is_half_written_and_writing_resumes_once_there_is_room() throws Exception {
        // given a file that may not grow (SQLite reports this exactly as a full file system: SQLITE_FULL)
        writer.transaction(c -> insert(c, 1));
        long pages = ((Number) scalar(reader, "PRAGMA page_count")).longValue();
        writer.transaction(c -> scalar(c, "PRAGMA max_page_count = " + pages));

        // when two transactions need more room, each writing a row and then a blob too big for the file
        for (int attempt = 0; attempt < 2; attempt++) {
            assertThatThrownBy(() -> writer.transaction(c -> {
                insert(c, 2);
                try (Statement s = c.createStatement()) {
                    return s.executeUpdate("INSERT INTO t VALUES (zeroblob(200000))");
                }
            })).isInstanceOfSatisfying(SQLException.class, e -> {
                assertThat(SqliteProblem.of(e)).isEqualTo(SqliteProblem.DISK_FULL);
                assertThat(SqliteProblem.describe(file, e, "")).contains("the disk is full");
                assertThat(e.getSuppressed()).isEmpty();
            });
            // then nothing of it was stored
            assertThat(rows()).isEqualTo(1);
        }

        // when room is made again, the very next transaction is stored
        writer.transaction(c -> scalar(c, "PRAGMA max_page_count = 1073741823"));
        writer.transaction(c -> insert(c, 3));
        assertThat(rows()).isEqualTo(2);
    }

    @Test
    void after_a_failed_transaction_the_owner_is_told_on_the_writer_thread_to_prepare_its_statements_again()
            throws Exception {
        List<String> told = Collections.synchronizedList(new ArrayList<>());
        SingleWriter owned = new SingleWriter("owned writer", SqliteConnections.open(file, Synchronous.FULL),
                failure -> told.add(Thread.currentThread().getName()));
        try {
            owned.transaction(c -> insert(c, 1));
            assertThat(told).isEmpty();

            assertThatThrownBy(() -> owned.transaction(c -> insert(c, Integer.parseInt("not a number"))))
                    .isInstanceOf(NumberFormatException.class);

            assertThat(told).containsExactly("owned writer");
            owned.transaction(c -> insert(c, 2));
            assertThat(rows()).isEqualTo(2);
        } finally {
            owned.close(() -> { });
        }
    }

    @Test
    void a_transaction_on_the_calling_thread_commits_there_and_tells_there() throws Exception {
        AtomicReference<String> ranOn = new AtomicReference<>();
        AtomicReference<String> toldOn = new AtomicReference<>();

        int inserted = writer.transactionOnCallingThread(c -> {
            ranOn.set(Thread.currentThread().getName());
            return insert(c, 1) + insert(c, 2);
        }, result -> toldOn.set(Thread.currentThread().getName()));

        assertThat(inserted).isEqualTo(2);
        assertThat(ranOn.get()).isEqualTo(Thread.currentThread().getName());
        assertThat(toldOn.get()).isEqualTo(Thread.currentThread().getName());
        assertThat(rows()).isEqualTo(2);
    }

    @Test
    void a_transaction_on_the_calling_thread_waits_for_one_running_on_the_writer_thread() throws Exception {
        // given a transaction on the writer thread that has begun and is held open
        CountDownLatch begun = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<String> order = Collections.synchronizedList(new ArrayList<>());
        CompletableFuture<Integer> queued = CompletableFuture.supplyAsync(() -> {
            try {
                return writer.transaction(c -> {
                    begun.countDown();
                    await(release);
                    order.add("writer thread");
                    return insert(c, 1);
                });
            } catch (SQLException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(begun.await(10, TimeUnit.SECONDS)).isTrue();

        // when a caller runs its own transaction meanwhile
        CompletableFuture<Integer> own = CompletableFuture.supplyAsync(() -> {
            try {
                return writer.transactionOnCallingThread(c -> {
                    order.add("calling thread");
                    return insert(c, 2);
                }, result -> { });
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(200);

        // then it has not started, and runs once the other has committed: never two at once on the connection
        assertThat(own).isNotDone();
        release.countDown();
        assertThat(queued.get(10, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(own.get(10, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(order).containsExactly("writer thread", "calling thread");
        assertThat(rows()).isEqualTo(2);
    }

    @Test
    void a_failed_transaction_on_the_calling_thread_writes_nothing_tells_the_owner_there_and_the_next_commits()
            throws Exception {
        List<String> told = Collections.synchronizedList(new ArrayList<>());
        SingleWriter owned = new SingleWriter("owned writer", SqliteConnections.open(file, Synchronous.FULL),
                failure -> told.add(Thread.currentThread().getName()));
        try {
            assertThatThrownBy(() -> owned.transactionOnCallingThread(c -> {
                insert(c, 1);
                return insert(c, Integer.parseInt("not a number"));
            }, result -> told.add("committed"))).isInstanceOf(NumberFormatException.class);

            assertThat(told).containsExactly(Thread.currentThread().getName());
            assertThat(rows()).isZero();
            owned.transactionOnCallingThread(c -> insert(c, 2), result -> { });
            assertThat(rows()).isEqualTo(1);
        } finally {
            owned.close(() -> { });
        }
        assertThatThrownBy(() -> owned.transactionOnCallingThread(c -> insert(c, 3), result -> { }))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("not released within 10 s");
            }
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
