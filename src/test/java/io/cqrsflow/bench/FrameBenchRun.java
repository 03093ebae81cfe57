package io.cqrsflow.bench;

import org.junit.jupiter.api.Test;

/**
 * How {@code ./mvnw -Pbench verify} starts {@link FrameBench}, after the {@link Benchmark}: Surefire runs this in
 * its own JVM (exec-maven-plugin does not resolve offline here). Excluded from the normal test run (the
 * {@code bench} package is); it fails only if the bench itself throws.
 */
class FrameBenchRun {

    @Test
    void run_the_bench() throws Exception {
        FrameBench.run(new String[0]); // not main: its System.exit would end Surefire's JVM mid-run
    }
}
