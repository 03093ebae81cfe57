package io.cqrsflow.scenario;

import io.cqrsflow.domain.PlainText;

/**
 * A scenario file that cannot be played as written. The message is one line a teacher can act on,
 * naming the file, then where in it, then what is wrong:
 * {@code lesson.json: step 3: field "command.items[0].quantity": must be a whole number, got "abc"}.
 */
public final class ScenarioException extends RuntimeException {
    private final String file;
    private final Integer line;
    private final Integer column;
    private final Integer step;
    private final String field;
    private final String problem;

    private ScenarioException(String file, Integer line, Integer column, Integer step, String field,
                              String problem, Throwable cause) {
        super(message(file, line, column, step, field, problem), cause);
        this.file = file;
        this.line = line;
        this.column = column;
        this.step = step;
        this.field = field;
        this.problem = problem;
    }

    /** A problem in the content: at the top level when {@code step} is null, or in one step. */
    public ScenarioException(String file, Integer step, String field, String problem) {
        this(file, null, null, step, field, problem, null);
    }

    static ScenarioException malformedJson(String file, int line, int column, String problem, Throwable cause) {
        return new ScenarioException(file, line, column, null, null, problem, cause);
    }

    /** A problem with the file as a whole: it cannot be read, or it is not JSON at all. */
    static ScenarioException aboutFile(String file, String problem, Throwable cause) {
        return new ScenarioException(file, null, null, null, null, problem, cause);
    }

    /** No file in particular: a name that is neither a file nor a built-in scenario. */
    static ScenarioException notFound(String problem) {
        return new ScenarioException(null, null, null, null, null, problem, null);
    }

    /** The file (path or "built-in:&lt;id&gt;") as given; null when the problem is finding one. */
    public String file() {
        return file;
    }

    /** The 1-based step number, or null for a problem outside the steps. */
    public Integer step() {
        return step;
    }

    /** The field's path within the step or the file ("command.items[0].quantity"), or null. */
    public String field() {
        return field;
    }

    /** What is wrong, without the location. */
    public String problem() {
        return problem;
    }

    /** For malformed JSON: the 1-based line of the problem, else null. */
    public Integer line() {
        return line;
    }

    /** For malformed JSON: the 1-based column of the problem, else null. */
    public Integer column() {
        return column;
    }

    private static String message(String file, Integer line, Integer column, Integer step, String field,
                                  String problem) {
        StringBuilder message = new StringBuilder();
        if (file != null) {
            message.append(file).append(": ");
        }
        if (line != null) {
            message.append("line ").append(line).append(", column ").append(column).append(": ");
        }
        if (step != null) {
            message.append("step ").append(step).append(": ");
        }
        if (field != null) {
            message.append("field \"").append(field).append("\": ");
        }
        // Names, keys and values come from the file: show, never obey, a control character in them.
        return PlainText.escaped(message.append(problem).toString());
    }
}
