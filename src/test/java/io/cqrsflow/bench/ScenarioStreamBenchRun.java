package io.cqrsflow.bench;

import org.junit.jupiter.api.Test;

/**
 * How {@code ./mvnw -Pbench verify} starts {@link ScenarioStreamBench}: Surefire runs this in its own JVM.
 * Excluded from the normal test run (the {@code bench} package is); it fails only if the bench itself throws.
 */
class ScenarioStreamBenchRun {

    @Test
    void run_the_bench() throws Exception {
        ScenarioStreamBench.main(new String[0]);
    }
}
