package io.cqrsflow.read;

/**
 * Where a projector runs its work: in order, one task at a time. Production uses a single-thread
 * scheduled executor; tests use a manual scheduler driven by a controllable clock, so that no test
 * sleeps to wait out a delay.
 */
public interface Scheduler extends AutoCloseable {

    void execute(Runnable task);

    /** Runs {@code task} after {@code delayMs}; the returned handle cancels it. */
    Cancellable schedule(Runnable task, long delayMs);

    @Override
    void close();

    interface Cancellable {
        void cancel();
    }
}
