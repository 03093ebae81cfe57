package io.cqrsflow.scenario;

import java.util.Objects;

/** Show the teacher's note: what to look at, what to ask the class. */
public record NoteStep(int number, long atMs, String text) implements ScenarioStep {

    public NoteStep {
        Objects.requireNonNull(text, "text");
    }

    @Override
    public String kind() {
        return "note";
    }
}
