package io.cqrsflow.ui;

import javafx.application.Platform;

import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;

/**
 * The window's rule for getting back onto the FX thread. There are exactly two ways:
 * <ul>
 *   <li>the <b>result of a request</b> (a query, a page of events, a command's outcome, a projector
 *       control) comes back through {@link #whenDone}: one {@code runLater} per request, and requests
 *       are made by a person or at most one at a time per view, never one per event;</li>
 *   <li>the engine's <b>signals</b>, which can come thousands a second, are queued by {@code SignalInbox}
 *       and drained a bounded number per frame by {@link FlowModel}'s pulse.</li>
 * </ul>
 * (A lesson's progress, reported by the scenario player once per step, is coalesced the same way as a
 * value: the latest one kept, at most one {@code runLater} pending — see {@code ScenarioPlayerControls}.
 * {@code Snapshots}, which renders the headless {@code --snapshot}, waits for the FX thread from outside
 * it; the window itself never waits.)
 */
public final class FxThread {
    /** Runs a task on the FX thread, later. */
    public static final Executor EXECUTOR = Platform::runLater;

    private FxThread() {
    }

    /** Calls {@code then} on the FX thread with the stage's result or its failure. */
    public static <T> void whenDone(CompletionStage<T> stage, BiConsumer<? super T, ? super Throwable> then) {
        stage.whenCompleteAsync(then, EXECUTOR);
    }

    /** Fails fast when an FX-only method is called from another thread. */
    public static void check(String what) {
        if (!Platform.isFxApplicationThread()) {
            throw new IllegalStateException(what + " must be called on the JavaFX thread, not on "
                    + Thread.currentThread().getName());
        }
    }

    /** The failure's own message, without the CompletionException around it. */
    public static String message(Throwable failure) {
        Throwable t = failure;
        while ((t instanceof java.util.concurrent.CompletionException
                || t instanceof java.util.concurrent.ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage() != null ? t.getMessage() : t.getClass().getSimpleName();
    }
}
