package io.cqrsflow.eventstore;

import io.cqrsflow.sqlite.SqliteConnections;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The open-time check of events.db (SQLite's integrity check and the scan, {@link EventStoreFile#check}), run
 * on a thread of its own with a connection of its own, so that a window can open a large store at once. Its
 * result is null (healthy) or the message saying why nothing may be appended; the first append, and whatever
 * needs the log's hash ({@link EventStore#logHashesAt}), wait for it.
 */
final class BackgroundCheck {

    /** The check itself, on the connection it is given. */
    interface Work {
        String run(Connection connection) throws SQLException;
    }

    private static final BackgroundCheck PASSED = new BackgroundCheck(CompletableFuture.completedFuture(null), null);

    private final CompletableFuture<String> result;
    private final Thread thread;

    private BackgroundCheck(CompletableFuture<String> result, Thread thread) {
        this.result = result;
        this.thread = thread;
    }

    /** A check already made, and passed. */
    static BackgroundCheck passed() {
        return PASSED;
    }

    /**
     * Starts {@code work} on a daemon thread, on its own (reading) connection to {@code file}, once {@code after}
     * has completed (however it completed): a window lets its first frame be drawn before the check takes a core.
     */
    static BackgroundCheck start(Path file, Work work, CompletionStage<?> after) {
        CompletableFuture<String> result = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                after.toCompletableFuture().handle((v, e) -> null).get();
            } catch (InterruptedException e) {
                result.complete(file + " was closed before it was checked.");
                return;
            } catch (java.util.concurrent.ExecutionException e) {
                // cannot happen (handled above); check anyway
            }
            try (Connection connection = SqliteConnections.connect(file)) {
                result.complete(work.run(connection));
            } catch (SQLException e) {
                result.complete(SqliteEventStore.describe(file, e).getMessage());
            } catch (RuntimeException e) {
                result.complete(file + " could not be checked: " + e.getMessage() + ". " + EventStoreFile.IF_DAMAGED);
            } catch (Error e) {
                result.complete(file + " could not be checked: " + e);
                throw e;
            }
        }, "events.db check");
        thread.setDaemon(true);
        BackgroundCheck check = new BackgroundCheck(result, thread);
        thread.start();
        return check;
    }

    /** Completes with null once the store is known healthy, or with why nothing may be appended. */
    CompletionStage<String> result() {
        return result.minimalCompletionStage();
    }

    /** Null if the check passed (or has not finished yet); its message if it found the store unusable. */
    String problemSoFar() {
        return result.getNow(null);
    }

    /** Waits for the check: null if the store is healthy, else why nothing may be appended. */
    String await() {
        try {
            return result.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EventStoreException("interrupted while waiting for the check of events.db", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("the check never fails exceptionally", e);
        }
    }

    /** Stops a check still running (the store is closing) and waits a little for its connection to close. */
    void stop() {
        if (thread == null || result.isDone()) {
            return;
        }
        thread.interrupt();
        try {
            result.get(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | TimeoutException e) {
            // closing anyway: the folder lock still guards the file
        }
    }
}
