package io.cqrsflow.app;

import io.cqrsflow.scenario.Scenario;
import io.cqrsflow.ui.CqrsFlowApp;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Opens the window; returns when it is closed. */
final class Window {
    private Window() {
    }

    /**
     * @param data     the folder to open, or null for the one the window used last
     * @param scenario played once the window is up (null: none); its delays replace the defaults
     * @param speed    what the window's speed picker starts at (--speed)
     */
    static int launch(Path data, Scenario scenario, double speed) {
        Map<String, Long> delays = null;
        if (scenario != null && !scenario.projectorDelays().isEmpty()) {
            delays = new LinkedHashMap<>(CqrsFlowApp.DEFAULT_DELAYS);
            delays.putAll(scenario.projectorDelays());
        }
        CqrsFlowApp.launch(data, delays, scenario, speed);
        return Main.OK;
    }
}
