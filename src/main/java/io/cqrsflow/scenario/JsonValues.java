package io.cqrsflow.scenario;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;

/** Shows a JSON value in an error message the way the teacher wrote it, on one line. */
final class JsonValues {
    private static final int LONGEST_SHOWN = 40;

    private JsonValues() {
    }

    /** {@code "abc"}, {@code 42}, {@code true}, {@code null}, {@code an object}, {@code an array}. */
    static String describe(JsonNode value) {
        if (value == null || value.isMissingNode()) {
            return "nothing";
        }
        if (value.isTextual()) {
            return quote(value.textValue());
        }
        if (value.isBigDecimal()) {
            return value.decimalValue().toString();
        }
        if (value.isObject()) {
            return "an object";
        }
        if (value.isArray()) {
            return "an array";
        }
        return value.asText(); // numbers, true, false, null
    }

    /** The string in double quotes, escaped like JSON (so it stays on one line) and cut if long. */
    static String quote(String text) {
        String shown = text.length() > LONGEST_SHOWN ? text.substring(0, LONGEST_SHOWN) + "…" : text;
        return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(shown)) + "\"";
    }
}
