package io.cqrsflow.scenario;

/**
 * Run the load generator: {@code commandsPerSecond} realistic commands a second for {@code seconds} (both
 * scaled by the speed, so the same commands go out in less time), the mix fixed by {@code seed}. The step
 * lasts that long; the steps after it play once it is over. Its outcome reports the rate achieved and how
 * the commands came out.
 */
public record LoadStep(int number, long atMs, long commandsPerSecond, long seconds, long seed) implements ScenarioStep {
    /** At most this many commands a second (the generator's limit). */
    public static final long MAX_COMMANDS_PER_SECOND = 1_000;
    /** A load step lasts at most an hour. */
    public static final long MAX_SECONDS = 3_600;

    @Override
    public String kind() {
        return "load";
    }
}
