package io.cqrsflow.sqlite;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The one writer of an SQLite file: one connection, used only on one thread, every transaction begun with
 * {@code BEGIN IMMEDIATE}. SQLite allows one writer per file anyway; taking the write lock at the start
 * (not at the first write, as a plain {@code BEGIN} would) means a transaction never fails half-way
 * because someone else began writing, and queuing the work on one thread means no two of ours compete.
 * An owner whose callers wait for every transaction anyway may run one on the calling thread instead
 * ({@link #transactionOnCallingThread}); the connection is then still used by one thread at a time, never two.
 */
public final class SingleWriter {

    /** Work done inside one transaction on the writer connection. */
    public interface Transaction<T> {
        T run(Connection connection) throws SQLException;
    }

    private final Connection connection;
    private final ExecutorService thread;
    private final Consumer<Throwable> afterFailure;
    /** Held by whoever is using the connection: the writer thread, or a caller running its own transaction. */
    private final Object inUse = new Object();
    /** Guarded by {@link #inUse}: once the connection is closed, a caller's own transaction is refused. */
    private boolean connectionClosed;
    /** Touched only while holding {@link #inUse}. */
    private PreparedStatement begin;
    private PreparedStatement commit;

    /** Takes over {@code connection}, which from now on is used only on the new thread named {@code threadName}. */
    public SingleWriter(String threadName, Connection connection) throws SQLException {
        this(threadName, connection, failure -> { });
    }

    /**
     * As {@link #SingleWriter(String, Connection)}; {@code afterFailure} runs on the thread of every
     * transaction that failed, once it is rolled back, with the failure: for the owner to prepare again the
     * statements it keeps.
     * After a full disk or an I/O error sqlite-jdbc may have finalized every statement of the connection, and
     * a kept one then fails each later use with "statement is not executing", long after the cause is gone.
     */
    public SingleWriter(String threadName, Connection connection, Consumer<Throwable> afterFailure)
            throws SQLException {
        this.connection = connection;
        this.afterFailure = afterFailure;
        prepare();
        this.thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
    }

    /** Runs {@code work} in one {@code BEGIN IMMEDIATE} transaction on the writer thread and waits for it. */
    public <T> T transaction(Transaction<T> work) throws SQLException, InterruptedException {
        return transaction(work, result -> { });
    }

    /**
     * As {@link #transaction(Transaction)}, and once it has committed, hands the result to
     * {@code afterCommit} — still on the writer thread, so that whoever is told hears of commits in the
     * order they happened. Nothing is committed if {@code work} throws; a runtime exception from it
     * reaches the caller as it was.
     */
    public <T> T transaction(Transaction<T> work, Consumer<? super T> afterCommit)
            throws SQLException, InterruptedException {
        Future<T> result = thread.submit(() -> {
            synchronized (inUse) {
                return transactionNow(work, afterCommit);
            }
        });
        try {
            return result.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof SQLException sql) {
                throw sql;
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("the writer failed: " + cause, cause); // work throws nothing else
        }
    }

    /**
     * As {@link #transaction(Transaction, Consumer)}, but on the calling thread, holding the connection for as
     * long: no hand-over to the writer thread and back, which is two thread switches per transaction (tens of
     * microseconds on a busy machine, against a transaction of a hundred rows that is not much more). Work
     * queued on the writer thread never runs at the same time; {@code afterFailure} and {@code afterCommit} run
     * here, before the connection is let go, so whoever is told still hears of commits in their order.
     *
     * @throws IllegalStateException once the writer is closed
     */
    public <T> T transactionOnCallingThread(Transaction<T> work, Consumer<? super T> afterCommit) throws SQLException {
        synchronized (inUse) {
            if (connectionClosed) {
                throw new IllegalStateException("the writer is closed");
            }
            return transactionNow(work, afterCommit);
        }
    }

    /** One transaction, with the connection held: commits and tells, or rolls back, starts afresh and throws. */
    private <T> T transactionNow(Transaction<T> work, Consumer<? super T> afterCommit) throws SQLException {
        T value;
        try {
            value = inTransaction(() -> begin.execute(), () -> commit.execute(), () -> rollBack(connection),
                    connection, work);
        } catch (SQLException | RuntimeException | Error failure) {
            startAfresh(failure);
            throw failure;
        }
        afterCommit.accept(value);
        return value;
    }

    /**
     * One {@code BEGIN IMMEDIATE} transaction on {@code connection} on the calling thread: for creating or
     * migrating a schema while the file is being opened, before there is a writer thread.
     */
    public static <T> T immediate(Connection connection, Transaction<T> work) throws SQLException {
        try (Statement s = connection.createStatement()) {
            return inTransaction(() -> s.execute("BEGIN IMMEDIATE"), () -> s.execute("COMMIT"),
                    () -> s.execute("ROLLBACK"), connection, work);
        }
    }

    /** Prepared once: an append is a handful of statements, and these two come with every one. */
    private void prepare() throws SQLException {
        begin = connection.prepareStatement("BEGIN IMMEDIATE");
        commit = connection.prepareStatement("COMMIT");
    }

    /** After a failed transaction: this writer's statements and then its owner's, prepared again. */
    private void startAfresh(Throwable failure) {
        SqliteConnections.closeQuietly(begin);
        SqliteConnections.closeQuietly(commit);
        try {
            prepare();
            afterFailure.accept(failure);
        } catch (SQLException | RuntimeException e) {
            failure.addSuppressed(e); // the next transaction will fail and say why; this one's cause comes first
        }
    }

    /**
     * On a statement of its own, not a prepared one kept from before the failure: after SQLite rolled back
     * by itself, sqlite-jdbc's kept statement answers "statement is not executing" and says nothing of
     * whether a transaction is still open; a fresh one gets SQLite's own answer.
     */
    private static void rollBack(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("ROLLBACK");
        }
    }

    private interface Step {
        void run() throws SQLException;
    }

    /**
     * All or nothing, and the connection left outside any transaction whatever failed. After some errors
     * (a full disk, an I/O error) SQLite has already rolled the transaction back itself, and a ROLLBACK
     * then fails with "no transaction is active": that is the clean state wanted, and the first error,
     * the one that says what happened, is the one reported.
     */
    private static <T> T inTransaction(Step begin, Step commit, Step rollback, Connection connection,
                                       Transaction<T> work) throws SQLException {
        begin.run();
        try {
            T result = work.run(connection);
            commit.run();
            return result;
        } catch (SQLException | RuntimeException | Error failure) {
            try {
                rollback.run();
            } catch (SQLException rollbackFailed) {
                if (!String.valueOf(rollbackFailed.getMessage()).contains("no transaction is active")) {
                    failure.addSuppressed(rollbackFailed);
                }
            }
            throw failure;
        }
    }

    /**
     * After the work already queued (and a transaction running on a caller's thread), runs {@code beforeClosing}
     * on the writer thread (to close what the store prepared on this connection), closes the connection, and
     * stops the thread, waiting up to 10 s.
     * Closing the last connection checkpoints the WAL into the file. Closing again does nothing.
     */
    public synchronized void close(Runnable beforeClosing) {
        if (thread.isShutdown()) {
            return;
        }
        thread.submit(() -> {
            synchronized (inUse) {
                try {
                    beforeClosing.run();
                } finally {
                    connectionClosed = true;
                    SqliteConnections.closeQuietly(begin);
                    SqliteConnections.closeQuietly(commit);
                    SqliteConnections.closeQuietly(connection);
                }
            }
        });
        thread.shutdown();
        try {
            thread.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
