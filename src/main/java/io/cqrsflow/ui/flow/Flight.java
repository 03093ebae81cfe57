package io.cqrsflow.ui.flow;

import javafx.geometry.Point2D;
import javafx.scene.paint.Color;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import java.util.function.Supplier;

/** One token on its way between two places on the flow, or several merged into one ("+37"). */
final class Flight {
    final String path;
    final Supplier<Point2D> from;
    final Supplier<Point2D> to;
    /** The corners it turns on the way, so that it keeps to its own track and crosses no control. */
    final List<Supplier<Point2D>> via;
    final Color color;
    final long startNanos;
    final long durationNanos;
    final IntConsumer onArrival;
    final boolean bounce;
    int count;

    private Flight(Builder b) {
        this.path = b.path;
        this.from = Objects.requireNonNull(b.from, "from");
        this.to = Objects.requireNonNull(b.to, "to");
        this.via = List.copyOf(b.via);
        this.color = Objects.requireNonNull(b.color, "color");
        this.startNanos = b.startNanos;
        this.durationNanos = b.durationNanos;
        this.bounce = b.bounce;
        this.onArrival = b.onArrival;
        this.count = b.count;
    }

    /** Where it is at {@code e} (0 → 1) of the way along its corners, or null when a place is not on screen. */
    Point2D at(double e) {
        List<Point2D> points = new ArrayList<>();
        points.add(from.get());
        for (Supplier<Point2D> v : via) {
            points.add(v.get());
        }
        points.add(to.get());
        if (points.contains(null)) {
            return null;
        }
        double length = 0;
        for (int i = 1; i < points.size(); i++) {
            length += points.get(i).distance(points.get(i - 1));
        }
        double left = e * length;
        for (int i = 1; i < points.size(); i++) {
            Point2D a = points.get(i - 1);
            Point2D b = points.get(i);
            double leg = a.distance(b);
            if (left <= leg || i == points.size() - 1) {
                double f = leg == 0 ? 1 : Math.min(1, left / leg);
                return new Point2D(a.getX() + (b.getX() - a.getX()) * f, a.getY() + (b.getY() - a.getY()) * f);
            }
            left -= leg;
        }
        return points.get(points.size() - 1);
    }

    double progress(long now) {
        return Math.min(1, Math.max(0, (now - startNanos) / (double) durationNanos));
    }

    /**
     * A flight described by name rather than by position: where from and to (asked again every frame, since
     * the layout may move), in which colour, for how long; carrying one token, not bouncing, starting now,
     * unless told otherwise.
     */
    static final class Builder {
        private final String path;
        private final Consumer<Flight> launcher;
        private Supplier<Point2D> from;
        private Supplier<Point2D> to;
        private final List<Supplier<Point2D>> via = new ArrayList<>();
        private Color color;
        private long startNanos = System.nanoTime();
        private long durationNanos;
        private boolean bounce;
        private int count = 1;
        private IntConsumer onArrival;

        Builder(String path, Consumer<Flight> launcher) {
            this.path = Objects.requireNonNull(path, "path");
            this.launcher = launcher;
        }

        Builder from(Supplier<Point2D> from) {
            this.from = from;
            return this;
        }

        Builder to(Supplier<Point2D> to) {
            this.to = to;
            return this;
        }

        /** A corner on the way (asked again every frame); corners are passed in the order given. */
        Builder via(Supplier<Point2D> corner) {
            this.via.add(corner);
            return this;
        }

        Builder color(Color color) {
            this.color = color;
            return this;
        }

        /** When it leaves (System.nanoTime()); several launched for one signal share one start. */
        Builder startingAt(long nanos) {
            this.startNanos = nanos;
            return this;
        }

        Builder lasting(long nanos) {
            this.durationNanos = nanos;
            return this;
        }

        /** Goes most of the way, then comes back: a command that was turned away. */
        Builder bouncing() {
            this.bounce = true;
            return this;
        }

        /** How many tokens this one stands for ("+N" when more than one). */
        Builder carrying(int count) {
            this.count = count;
            return this;
        }

        /** Called with the number of tokens carried when it lands; may launch the next leg. */
        Builder onArrival(IntConsumer onArrival) {
            this.onArrival = onArrival;
            return this;
        }

        void launch() {
            if (durationNanos <= 0) {
                throw new IllegalStateException("a flight needs a duration: " + path);
            }
            launcher.accept(new Flight(this));
        }
    }
}
