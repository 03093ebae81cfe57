package io.cqrsflow.app;

import io.cqrsflow.scenario.Scenario;

import java.nio.file.Path;

/** Opens the window. (Wired to the visualizer when it lands.) */
final class Window {
    private Window() {
    }

    static int launch(Path data, Scenario scenario) {
        System.err.println("cqrs-flow: the window is not part of this build yet; use --headless");
        return Main.FAILED;
    }
}
