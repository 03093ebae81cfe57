package io.cqrsflow.ui;

import java.util.List;

/**
 * What the toolbar needs from a scenario player. The scenario package's player is not in this tree yet;
 * the app wires an adapter with {@link io.cqrsflow.ui.shell.MainToolbar#setScenarioControls}. Until then
 * the scenario controls stay disabled and say why.
 */
public interface ScenarioControls {

    /** Names to pick from, in the order to show them. */
    List<String> scenarioNames();

    /** Starts (or resumes) the named scenario against the engine the window shows. */
    void play(String name);

    void pause();

    /**
     * Runs the next step of the named scenario now and holds it there; a scenario not started yet starts
     * paused, so ⏭ alone walks through it step by step.
     */
    void step(String name);

    /** 1 is real time; 2 twice as fast. */
    void setSpeed(double speed);
}
