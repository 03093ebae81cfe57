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
 */
public final class SingleWriter {

    /** Work done inside one transaction on the writer connection. */
    public interface Transaction<T> {
        T run(Connection connection) throws SQLException;
    }

    private final Connection connection;
    private final ExecutorService thread;
    private final PreparedStatement begin;
    private final PreparedStatement commit;
    private final PreparedStatement rollback;

    /** Takes over {@code connection}, which from now on is used only on the new thread named {@code threadName}. */
    public SingleWriter(String threadName, Connection connection) throws SQLException {
        this.connection = connection;
        // Prepared once: an append is a handful of statements, and these three come with every one.
        this.begin = connection.prepareStatement("BEGIN IMMEDIATE");
        this.commit = connection.prepareStatement("COMMIT");
        this.rollback = connection.prepareStatement("ROLLBACK");
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
            T value = inTransaction(begin, commit, rollback, connection, work);
            afterCommit.accept(value);
            return value;
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
     * One {@code BEGIN IMMEDIATE} transaction on {@code connection} on the calling thread: for creating or
     * migrating a schema while the file is being opened, before there is a writer thread.
     */
    public static <T> T immediate(Connection connection, Transaction<T> work) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("BEGIN IMMEDIATE");
            boolean committed = false;
            try {
                T result = work.run(connection);
                s.execute("COMMIT");
                committed = true;
                return result;
            } finally {
                if (!committed) {
                    s.execute("ROLLBACK");
                }
            }
        }
    }

    private static <T> T inTransaction(PreparedStatement begin, PreparedStatement commit, PreparedStatement rollback,
                                       Connection connection, Transaction<T> work) throws SQLException {
        begin.execute();
        boolean committed = false;
        try {
            T result = work.run(connection);
            commit.execute();
            committed = true;
            return result;
        } finally {
            if (!committed) {
                rollback.execute();
            }
        }
    }

    /**
     * After the work already queued, runs {@code beforeClosing} on the writer thread (to close what the
     * store prepared on this connection), closes the connection, and stops the thread, waiting up to 10 s.
     * Closing the last connection checkpoints the WAL into the file. Closing again does nothing.
     */
    public synchronized void close(Runnable beforeClosing) {
        if (thread.isShutdown()) {
            return;
        }
        thread.submit(() -> {
            try {
                beforeClosing.run();
            } finally {
                SqliteConnections.closeQuietly(begin);
                SqliteConnections.closeQuietly(commit);
                SqliteConnections.closeQuietly(rollback);
                SqliteConnections.closeQuietly(connection);
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
