package io.cqrsflow.scenario;

/**
 * How big a scenario file may be, checked while it is read and before anything is built from it, so
 * that any file — hostile, broken or huge — is refused within a second and a few megabytes. Each is far
 * beyond what a lesson needs: the largest built-in scenario has 205 steps in 30 kB.
 */
final class ScenarioFileLimits {
    /** 5 MiB, checked before the file is read and again while reading it (a file may grow). */
    static final long MAX_FILE_BYTES = 5L * 1024 * 1024;
    static final int MAX_STEPS = 100_000;
    /** A scenario needs six levels: the file, steps, a step, its command, items, an item. */
    static final int MAX_DEPTH = 10;
    /** Notes and descriptions; ids, names, SKUs and reasons have the domain's tighter limit. */
    static final int MAX_STRING_CHARS = 10_000;
    static final int MAX_NAME_CHARS = 200;
    /** Characters of a number as written; also its digits before and after the point. */
    static final int MAX_NUMBER_CHARS = 40;
    static final int MAX_FIELDS = 100;
    static final int MAX_ARRAY_ELEMENTS = 1_000;
    static final long MAX_VALUES = 1_000_000;

    private ScenarioFileLimits() {
    }
}
