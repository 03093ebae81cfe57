package io.cqrsflow.bench;

import org.junit.jupiter.api.Test;

/**
 * How {@code ./mvnw -Pbench verify} starts the {@link Benchmark}: Surefire runs this in its own JVM after the
 * jar is packaged. Excluded from the normal test run (the {@code bench} package is); it fails only if the
 * benchmark itself throws.
 */
class BenchmarkRun {

    @Test
    void run_the_benchmark() throws Exception {
        Benchmark.main(new String[0]);
    }
}
