package io.cqrsflow.load;

import io.cqrsflow.read.Scheduler;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/** A load run's own daemon thread; closing it does not wait (a run may end on this very thread). */
final class LoadThread implements Scheduler {
    private final ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, r -> {
        Thread t = new Thread(r, "load generator");
        t.setDaemon(true);
        return t;
    });

    LoadThread() {
        executor.setRemoveOnCancelPolicy(true);
    }

    @Override
    public void execute(Runnable task) {
        schedule(task, 0);
    }

    @Override
    public Cancellable schedule(Runnable task, long delayMs) {
        if (executor.isShutdown()) {
            return () -> { };
        }
        ScheduledFuture<?> f = executor.schedule(task, Math.max(0, delayMs), TimeUnit.MILLISECONDS);
        return () -> f.cancel(false);
    }

    @Override
    public void close() {
        executor.shutdown();
    }
}
