package io.cqrsflow.scenario;

/**
 * How big a scenario file may be, checked while it is read and before anything is built from it, so
 * that any file — hostile, broken or huge — is refused within a second and a few megabytes. Each is far
 * beyond what a lesson needs: the largest built-in scenario has 205 steps in 30 kB.
 *
 * <p>A lesson the window shows is read whole, into a list of steps ({@link #WHOLE}). Headless play
 * streams the file: it is checked in one pass and played as it is read again, one step in memory at a
 * time, so it may be far larger ({@link #STREAMED}); what bounds memory there is each step's size.
 */
final class ScenarioFileLimits {
    /** 5 MiB, checked before the file is read and again while reading it (a file may grow). */
    static final long MAX_FILE_BYTES = 5L * 1024 * 1024;
    static final int MAX_STEPS = 100_000;
    /** A file headless play streams: 1 GiB (some ten million steps). */
    static final long MAX_STREAMED_FILE_BYTES = 1024L * 1024 * 1024;
    static final int MAX_STREAMED_STEPS = 10_000_000;
    /** A scenario needs six levels: the file, steps, a step, its command, items, an item. */
    static final int MAX_DEPTH = 10;
    /** Notes and descriptions; ids, names, SKUs and reasons have the domain's tighter limit. */
    static final int MAX_STRING_CHARS = 10_000;
    static final int MAX_NAME_CHARS = 200;
    /** Characters of a number as written; also its digits before and after the point. */
    static final int MAX_NUMBER_CHARS = 40;
    static final int MAX_FIELDS = 100;
    static final int MAX_ARRAY_ELEMENTS = 1_000;
    /** Values in a file read whole. */
    static final long MAX_VALUES = 1_000_000;
    /** Values in one step, or one top-level field, of a streamed file (an order of 100 items has some 400). */
    static final long MAX_VALUES_PER_PART = 20_000;

    /** The limits of one way of reading a file. */
    record Mode(long maxFileBytes, int maxSteps, boolean streamed) {
    }

    /** Read whole into a list of steps: the window, --snapshot, the built-in lessons. */
    static final Mode WHOLE = new Mode(MAX_FILE_BYTES, MAX_STEPS, false);
    /** Checked in one pass, then played as it is read again: headless play. */
    static final Mode STREAMED = new Mode(MAX_STREAMED_FILE_BYTES, MAX_STREAMED_STEPS, true);

    private ScenarioFileLimits() {
    }
}
