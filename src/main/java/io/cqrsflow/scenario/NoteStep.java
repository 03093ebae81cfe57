package io.cqrsflow.scenario;

import java.util.Objects;

/**
 * Show the teacher's note: what to look at, what to ask the class. It stays on screen as the caption
 * until the next note replaces it, and the player holds on it for {@link #readingMs()} (scaled by the
 * speed) before it plays the next step. {@code waitForClick}: the player waits for the teacher instead.
 */
public record NoteStep(int number, long atMs, String text, boolean waitForClick) implements ScenarioStep {

    /** People read about four words a second. */
    static final long MS_PER_WORD = 250;
    /** …plus a moment to look up and find what the note points at. */
    static final long MOMENT_MS = 1_500;

    public NoteStep {
        Objects.requireNonNull(text, "text");
    }

    public NoteStep(int number, long atMs, String text) {
        this(number, atMs, text, false);
    }

    /** How long a reader needs for this note at 1×: a quarter second a word, plus a moment. */
    public long readingMs() {
        return readingMs(text);
    }

    public static long readingMs(String text) {
        String trimmed = text.strip();
        int words = trimmed.isEmpty() ? 0 : trimmed.split("\\s+").length;
        return words * MS_PER_WORD + MOMENT_MS;
    }

    @Override
    public String kind() {
        return "note";
    }
}
