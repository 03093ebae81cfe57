package io.cqrsflow.ui.perf;

import javafx.animation.AnimationTimer;
import javafx.scene.Scene;

/**
 * Measures the window's frames (JavaFX pulses) as it runs: the <b>pulse</b> — the time the FX thread spends
 * in one frame, from the pulse's start (the time JavaFX hands every animation timer, taken before any of them
 * runs) to the end of the scene's CSS and layout (its post-layout pulse listener) — and the <b>gap</b> between
 * the starts of two pulses, which also shows a frame the renderer or the garbage collector held up. Public
 * API only ({@code Scene.addPostLayoutPulseListener}): com.sun.javafx.perf.PerformanceTracker is internal and
 * not exported on JavaFX 21's module path.
 */
public final class FrameMeter {
    /** 60 Hz for two minutes: the bench's 30 s and more. */
    static final int KEPT = 7_200;

    private final FrameStats pulses = new FrameStats(KEPT);
    private final FrameStats gaps = new FrameStats(KEPT);
    private final Runnable pulseEnd = this::pulseEnded;
    private final AnimationTimer pulseStart = new AnimationTimer() {
        @Override
        public void handle(long now) {
            if (startedAt > 0 && now > startedAt) {
                gaps.add(now, now - startedAt);
            }
            startedAt = now;
        }
    };
    private Scene scene;
    private long startedAt;

    /** Starts measuring the pulses of {@code target}'s window; FX thread. */
    public void attach(Scene target) {
        detach();
        scene = target;
        scene.addPostLayoutPulseListener(pulseEnd);
        pulseStart.start();
    }

    public void detach() {
        pulseStart.stop();
        if (scene != null) {
            scene.removePostLayoutPulseListener(pulseEnd);
            scene = null;
        }
        startedAt = 0;
    }

    private void pulseEnded() {
        long end = System.nanoTime();
        long took = end - startedAt;
        // The pulse's time comes from System.nanoTime() too; anything else (a paused clock) is not a frame.
        if (startedAt > 0 && took >= 0 && took < 60_000_000_000L) {
            pulses.add(end, took);
        }
    }

    /** Time spent in each pulse; FX thread. */
    public FrameStats pulses() {
        return pulses;
    }

    /** Time between the starts of two pulses; FX thread. */
    public FrameStats gaps() {
        return gaps;
    }

    public void clear() {
        pulses.clear();
        gaps.clear();
    }
}
