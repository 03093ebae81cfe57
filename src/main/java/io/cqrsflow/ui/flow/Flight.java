package io.cqrsflow.ui.flow;

import javafx.geometry.Point2D;
import javafx.scene.paint.Color;

import java.util.function.Supplier;

/** One token on its way between two places on the flow, or several merged into one ("+37"). */
final class Flight {
    final String path;
    final Supplier<Point2D> from;
    final Supplier<Point2D> to;
    final Color color;
    final long startNanos;
    final long durationNanos;
    final java.util.function.IntConsumer onArrival;
    final boolean bounce;
    int count;

    Flight(String path, Supplier<Point2D> from, Supplier<Point2D> to, Color color, long startNanos,
           long durationNanos, boolean bounce, int count, java.util.function.IntConsumer onArrival) {
        this.path = path;
        this.from = from;
        this.to = to;
        this.color = color;
        this.startNanos = startNanos;
        this.durationNanos = durationNanos;
        this.bounce = bounce;
        this.onArrival = onArrival;
        this.count = count;
    }

    double progress(long now) {
        return Math.min(1, Math.max(0, (now - startNanos) / (double) durationNanos));
    }
}
