package io.cqrsflow.ui.perf;

import javafx.animation.AnimationTimer;
import javafx.scene.control.Label;

/**
 * The on-screen frame meter: p50 / p99 / max of the pulses over the last five seconds and the longest gap,
 * four times a second, in a small label (hidden until switched on; ☰ → Frame meter, Ctrl+Shift+F).
 */
public final class FrameMeterView extends Label {
    static final long WINDOW_NANOS = 5_000_000_000L;
    private final FrameMeter meter;
    private long shownAt;
    private final AnimationTimer refresh = new AnimationTimer() {
        @Override
        public void handle(long now) {
            if (now - shownAt >= 250_000_000L) {
                shownAt = now;
                show(now);
            }
        }
    };

    public FrameMeterView(FrameMeter meter) {
        this.meter = meter;
        getStyleClass().add("frame-meter");
        setId("frame-meter");
        setMouseTransparent(true);
        setVisible(false);
    }

    public void toggle() {
        setVisible(!isVisible());
        if (isVisible()) {
            refresh.start();
            show(System.nanoTime());
        } else {
            refresh.stop();
        }
    }

    private void show(long now) {
        FrameStats.Summary p = meter.pulses().summary(now, WINDOW_NANOS);
        FrameStats.Summary g = meter.gaps().summary(now, WINDOW_NANOS);
        setText(text(p, g));
    }

    /** "frames (5 s): p50 2.1 · p99 9.8 · max 14.2 ms · 3 over 16.7 ms · longest gap 33 ms". */
    static String text(FrameStats.Summary pulses, FrameStats.Summary gaps) {
        if (pulses.frames() == 0) {
            return "frames: none yet";
        }
        return "frames (5 s): " + pulses.line() + " · " + pulses.overBudget() + " over 16.7 ms · longest gap "
                + Math.round(gaps.maxMs()) + " ms";
    }

    public void dispose() {
        refresh.stop();
    }
}
