package io.cqrsflow.bench;

import org.junit.jupiter.api.Test;

/**
 * How {@code ./mvnw -Pbench verify} starts {@link WindowOpenBench}, after the {@link Benchmark}: Surefire runs this in
 * its own JVM (exec-maven-plugin does not resolve offline here). Excluded from the normal test run (the
 * {@code bench} package is); it fails only if the bench itself throws.
 */
class WindowOpenBenchRun {

    @Test
    void run_the_bench() throws Exception {
        WindowOpenBench.main(new String[0]);
    }
}
