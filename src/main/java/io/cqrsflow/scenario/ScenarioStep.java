package io.cqrsflow.scenario;

import java.util.List;

/**
 * One line of a scenario's script: at {@code atMs} after the start, do one thing. {@code number} is
 * the step's 1-based place in the file, so messages and traces can point a teacher at it even though
 * steps are played in time order.
 */
public sealed interface ScenarioStep
        permits CommandStep, QueryStep, NoteStep, SetDelayStep, PauseStep, ResumeStep, ApplyOneStep,
                RebuildStep, AddProjectionStep, ExpectStep, QuestionStep, LoadStep {

    /** The JSON keys that name a step's kind, in the order the docs present them. */
    List<String> KINDS = List.of("command", "query", "note", "setDelay", "pause", "resume", "step", "rebuild",
            "addProjection", "expect", "question", "load");

    /** The step's 1-based index in the file's "steps" array. */
    int number();

    /** When to play the step, in milliseconds after the scenario starts. */
    long atMs();

    /** The JSON key of this step's kind ("command", "setDelay", "step", …), one of {@link #KINDS}. */
    String kind();
}
