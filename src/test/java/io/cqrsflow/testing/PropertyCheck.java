package io.cqrsflow.testing;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The seeded property harness both property suites use — a small one, not a library (README says why
 * not jqwik). Each try generates a list of steps from one seed and runs the property on them. When a try
 * fails, its steps are shrunk — by dropping steps, then by making each step's values simpler — while the
 * property still fails, and the report names the seed, which {@code -Dcqrsflow.seed=N} replays alone.
 * {@code -Dcqrsflow.tries=N} runs more (or fewer) tries.
 *
 * @param <S> one step: a command, an operation on the projectors, …
 */
public final class PropertyCheck<S> {

    /** The property: throws (an AssertionError, usually) when the steps break it; names what it reached. */
    public interface Property<S> {
        void check(List<S> steps, Set<String> reached);
    }

    private final String name;
    private final Function<Random, List<S>> generator;
    private final Function<S, List<S>> simpler;
    private int tries = 100;
    private long firstSeed = 1;
    private int maxShrinkRuns = 250;

    /**
     * @param generator the steps of one try, from the try's random source
     * @param simpler   simpler versions of one step (smaller numbers, shorter strings, fewer items), most
     *                  promising first; each must be strictly simpler, so that shrinking ends
     */
    public PropertyCheck(String name, Function<Random, List<S>> generator, Function<S, List<S>> simpler) {
        this.name = name;
        this.generator = generator;
        this.simpler = simpler;
    }

    public PropertyCheck<S> tries(int count) {
        this.tries = count;
        return this;
    }

    public PropertyCheck<S> firstSeed(long seed) {
        this.firstSeed = seed;
        return this;
    }

    /** At most this many runs of the property while shrinking one failure (each run may open files). */
    public PropertyCheck<S> maxShrinkRuns(int runs) {
        this.maxShrinkRuns = runs;
        return this;
    }

    /** True when {@code -Dcqrsflow.seed} asks for one seed only (so coverage over many tries is moot). */
    public static boolean replaying() {
        return System.getProperty("cqrsflow.seed") != null;
    }

    /**
     * Runs every try (or only the seed {@code -Dcqrsflow.seed} names) and returns everything the tries
     * reached; throws a {@link Failure} for the first seed that breaks the property.
     */
    public Set<String> run(Property<S> property) {
        String only = System.getProperty("cqrsflow.seed");
        List<Long> seeds = new ArrayList<>();
        if (only != null) {
            seeds.add(Long.parseLong(only.trim()));
        } else {
            int count = Integer.getInteger("cqrsflow.tries", tries);
            for (long seed = firstSeed; seed < firstSeed + count; seed++) {
                seeds.add(seed);
            }
        }
        Set<String> reached = new TreeSet<>();
        for (long seed : seeds) {
            runSeed(seed, property, reached);
        }
        return reached;
    }

    /** One try: the steps of {@code seed}, shrunk and reported if they break the property. */
    public void runSeed(long seed, Property<S> property, Set<String> reached) {
        List<S> steps = List.copyOf(generator.apply(new Random(seed)));
        Set<String> reachedHere = new LinkedHashSet<>();
        Throwable failure = failureOf(property, steps, reachedHere);
        if (failure == null) {
            reached.addAll(reachedHere);
            return;
        }
        Shrunk<S> shrunk = shrink(property, steps, failure);
        throw new Failure(name, seed, steps, shrunk);
    }

    /** A failing list of steps made as small as the budget allows, and how it fails. */
    public record Shrunk<S>(List<S> steps, Throwable failure, int runs) {
    }

    /**
     * Drops steps (halves, quarters, … single steps), then makes single values simpler, and again, until
     * nothing smaller still fails or the budget of runs is spent.
     */
    public Shrunk<S> shrink(Property<S> property, List<S> failing, Throwable failure) {
        List<S> current = List.copyOf(failing);
        Throwable currentFailure = failure;
        int runs = 0;
        boolean progress = true;
        while (progress && runs < maxShrinkRuns) {
            progress = false;
            for (int chunk = Math.max(1, current.size() / 2); chunk >= 1 && runs < maxShrinkRuns; chunk /= 2) {
                int i = 0;
                while (i < current.size() && runs < maxShrinkRuns) {
                    List<S> candidate = new ArrayList<>(current.subList(0, i));
                    candidate.addAll(current.subList(Math.min(current.size(), i + chunk), current.size()));
                    runs++;
                    Throwable f = failureOf(property, candidate, new LinkedHashSet<>());
                    if (f != null) {
                        current = List.copyOf(candidate);
                        currentFailure = f;
                        progress = true;
                    } else {
                        i += chunk;
                    }
                }
            }
            for (int i = 0; i < current.size() && runs < maxShrinkRuns; i++) {
                for (S value : simpler.apply(current.get(i))) {
                    if (runs >= maxShrinkRuns) {
                        break;
                    }
                    List<S> candidate = new ArrayList<>(current);
                    candidate.set(i, value);
                    runs++;
                    Throwable f = failureOf(property, candidate, new LinkedHashSet<>());
                    if (f != null) {
                        current = List.copyOf(candidate);
                        currentFailure = f;
                        progress = true;
                        i--; // this step again: its new value may get simpler still
                        break;
                    }
                }
            }
        }
        return new Shrunk<>(current, currentFailure, runs);
    }

    private static <S> Throwable failureOf(Property<S> property, List<S> steps, Set<String> reached) {
        try {
            property.check(steps, reached);
            return null;
        } catch (AssertionError | RuntimeException e) {
            return e;
        }
    }

    /** A property broken by a seed: the report a reader needs to see and replay it. */
    public static final class Failure extends AssertionError {
        private final long seed;
        private final transient List<?> original;
        private final transient Shrunk<?> shrunk;

        Failure(String name, long seed, List<?> original, Shrunk<?> shrunk) {
            super(name + " fails for seed " + seed + " (replay it alone with -Dcqrsflow.seed=" + seed
                    + "); shrunk from " + original.size() + " to " + shrunk.steps().size() + " steps in "
                    + shrunk.runs() + " runs:\n  "
                    + String.join("\n  ", shrunk.steps().stream().map(String::valueOf).toList())
                    + "\nwhich fails with: " + shrunk.failure(), shrunk.failure());
            this.seed = seed;
            this.original = original;
            this.shrunk = shrunk;
        }

        public long seed() {
            return seed;
        }

        public List<?> original() {
            return original;
        }

        public List<?> shrunkSteps() {
            return shrunk.steps();
        }
    }
}
