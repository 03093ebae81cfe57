package io.cqrsflow.testing;

import java.util.Random;
import java.util.function.Supplier;

/** The small vocabulary the seeded property tests build their random histories with. */
public final class Seeded {
    private final Random random;

    public Seeded(Random random) {
        this.random = random;
    }

    /** {@code usual} with odds {@code weight} to 1, otherwise {@code rare}. */
    public <T> T mostly(int weight, Supplier<T> usual, Supplier<T> rare) {
        return random.nextInt(weight + 1) < weight ? usual.get() : rare.get();
    }

    @SafeVarargs
    public final <T> T oneOf(T... values) {
        return values[random.nextInt(values.length)];
    }
}
