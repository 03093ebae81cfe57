package io.cqrsflow.app;

import io.cqrsflow.scenario.Scenario;

import java.io.PrintStream;
import java.nio.file.Path;

/** Renders the window to a PNG without a display. (Wired to the visualizer when it lands.) */
final class Snapshot {
    private Snapshot() {
    }

    static int run(Path data, Scenario scenario, double speed, Path png, PrintStream out) {
        System.err.println("cqrs-flow: --snapshot is not part of this build yet");
        return Main.FAILED;
    }
}
