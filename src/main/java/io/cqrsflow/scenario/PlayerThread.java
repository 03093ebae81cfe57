package io.cqrsflow.scenario;

import io.cqrsflow.read.Scheduler;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The player's own thread. Not {@link io.cqrsflow.read.ExecutorScheduler}: its close waits for the
 * running task, and a player is closed from the FX thread while holding the controls' lock, which the
 * listener of a step still running may be waiting for — so this one stops without waiting.
 */
final class PlayerThread implements Scheduler {
    private final ScheduledExecutorService executor;

    PlayerThread() {
        ScheduledThreadPoolExecutor e = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "scenario player");
            t.setDaemon(true);
            return t;
        });
        e.setRemoveOnCancelPolicy(true);
        this.executor = e;
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
        executor.shutdownNow();
    }
}
