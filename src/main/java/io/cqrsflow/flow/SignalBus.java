package io.cqrsflow.flow;

import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Delivers the engine's signals to subscribers on one thread of its own, in the order they were
 * published — never on the events.db writer, a projector or the command thread, so a slow subscriber
 * (a trace printing JSON) cannot hold up an append. The queue is bounded by the events its signals carry:
 * a publisher waits only when subscribers are {@value #CAPACITY} events behind (a batch of applied events
 * weighs its size, any other signal one), which keeps memory bounded under any load.
 */
final class SignalBus implements AutoCloseable {
    static final int CAPACITY = 50_000;
    private static final System.Logger LOG = System.getLogger(SignalBus.class.getName());
    private static final Object STOP = new Object();

    /** Not a signal: completes once everything queued before it has been delivered. */
    private record Barrier(java.util.concurrent.CompletableFuture<Void> passed) {
    }

    private final BlockingQueue<Object> queue = new LinkedBlockingQueue<>();
    private final Semaphore room = new Semaphore(CAPACITY);
    private final List<Consumer<FlowSignal>> subscribers = new CopyOnWriteArrayList<>();
    private final Thread thread;
    private volatile boolean closed;

    SignalBus() {
        thread = new Thread(this::deliver, "flow signals");
        thread.setDaemon(true);
        thread.start();
    }

    /** Queues a signal for every subscriber; waits only while the queue is full. */
    void publish(FlowSignal signal) {
        if (closed) {
            return;
        }
        if (Thread.currentThread() == thread) {
            // A subscriber publishing from the signals thread must not wait for itself.
            deliverNow(signal);
            return;
        }
        try {
            room.acquire(weight(signal));
            queue.put(signal);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** How much of the queue's room a signal takes: the events it carries. */
    private static int weight(FlowSignal signal) {
        return signal instanceof FlowSignal.EventsApplied a ? Math.min(CAPACITY, a.events().size()) : 1;
    }

    /**
     * Completes once every signal published before this call has been handed to every subscriber — so a
     * caller that waited for the engine to catch up also sees the signals that told of it.
     */
    java.util.concurrent.CompletableFuture<Void> drained() {
        java.util.concurrent.CompletableFuture<Void> passed = new java.util.concurrent.CompletableFuture<>();
        if (closed || Thread.currentThread() == thread) {
            passed.complete(null);
            return passed;
        }
        try {
            queue.put(new Barrier(passed));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            passed.completeExceptionally(e);
        }
        return passed;
    }

    Runnable subscribe(Consumer<FlowSignal> subscriber) {
        subscribers.add(subscriber);
        return () -> subscribers.remove(subscriber);
    }

    /** True when called on the signals thread. */
    boolean isSignalThread() {
        return Thread.currentThread() == thread;
    }

    private void deliver() {
        while (true) {
            Object next;
            try {
                next = queue.take();
            } catch (InterruptedException e) {
                return;
            }
            if (next == STOP) {
                return;
            }
            if (next instanceof Barrier barrier) {
                barrier.passed().complete(null);
            } else {
                FlowSignal signal = (FlowSignal) next;
                deliverNow(signal);
                room.release(weight(signal));
            }
        }
    }

    private void deliverNow(FlowSignal signal) {
        for (Consumer<FlowSignal> s : subscribers) {
            try {
                s.accept(signal);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "a flow subscriber failed", e);
            }
        }
    }

    /** Delivers what is queued, then stops the thread (waiting at most a few seconds). */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            queue.put(STOP);
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
