package io.cqrsflow.scenario;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Builds the JSON tree of one part of a scenario (a step, a top-level field) one token at a time,
 * refusing anything beyond {@link ScenarioFileLimits} before it is built: so a hostile file costs at most
 * a few megabytes and a fraction of a second per part, never gigabytes or minutes.
 *
 * <p>Numbers are taken from the token's text and checked for size before any conversion: a
 * ten-character {@code 1e99999999} would otherwise be expanded into a hundred-million-digit integer.
 */
final class BoundedJsonReader {
    // Jackson's own limits are set wide open so that ours, which name the step and the field, speak first.
    static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNumberLength(Integer.MAX_VALUE)
                    .maxNameLength(Integer.MAX_VALUE)
                    .maxStringLength(Integer.MAX_VALUE)
                    .maxNestingDepth(ScenarioFileLimits.MAX_DEPTH + 1)
                    .build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    /**
     * How many values may be built before the reader refuses: the whole file's, when a lesson is read
     * whole; one step's (or one top-level field's), when a big file is streamed.
     */
    static final class Budget {
        private final long most;
        private final String refusal;
        private long used;

        private Budget(long most, String refusal) {
            this.most = most;
            this.refusal = refusal;
        }

        /** One budget for the whole file, as when it is read whole. */
        static Budget wholeFile() {
            return new Budget(ScenarioFileLimits.MAX_VALUES, "the file holds more than " + ScenarioFileLimits.MAX_VALUES
                    + " values; a scenario may hold at most that many");
        }

        /** A fresh budget for one step or one top-level field of a streamed file. */
        static Budget onePart() {
            return new Budget(ScenarioFileLimits.MAX_VALUES_PER_PART, "this holds more than "
                    + ScenarioFileLimits.MAX_VALUES_PER_PART + " values; a step or a top-level field may hold at most that many");
        }
    }

    private final String file;
    private final JsonParser parser;
    private Budget budget;

    BoundedJsonReader(String file, JsonParser parser, Budget budget) {
        this.file = file;
        this.parser = parser;
        this.budget = budget;
    }

    /** Counts the values read from now on against {@code next}. */
    void budget(Budget next) {
        this.budget = next;
    }

    /**
     * The tree of the JSON value that starts with {@code token}, the parser's current token, at
     * {@code depth} (1: the file itself, 2: a top-level field's value, 3: a step).
     *
     * @throws IOException malformed JSON, as the parser reports it
     */
    JsonNode value(JsonToken token, int depth) throws IOException {
        if (++budget.used > budget.most) {
            throw refuse(parser.getParsingContext(), budget.refusal);
        }
        switch (token) {
            case START_OBJECT:
                return object(depth);
            case START_ARRAY:
                return array(depth);
            case VALUE_STRING:
                return NODES.textNode(text(parser.getText(), ScenarioFileLimits.MAX_STRING_CHARS, "string",
                        parser.getParsingContext()));
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return number(parser.getText(), token == JsonToken.VALUE_NUMBER_INT);
            case VALUE_TRUE:
                return NODES.booleanNode(true);
            case VALUE_FALSE:
                return NODES.booleanNode(false);
            case VALUE_NULL:
                return NODES.nullNode();
            default:
                throw new IllegalStateException("unexpected JSON token " + token);
        }
    }

    private ObjectNode object(int depth) throws IOException {
        checkDepth(depth);
        ObjectNode object = NODES.objectNode();
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_OBJECT; token = parser.nextToken()) {
            object.set(fieldName(object.size()), value(parser.nextToken(), depth + 1));
        }
        return object;
    }

    /** The name of the field the parser is at, checked; {@code before}: how many fields its object had before it. */
    String fieldName(int before) throws IOException {
        // A bad name is reported at its object: the name itself is what cannot be shown.
        String name = text(parser.currentName(), ScenarioFileLimits.MAX_NAME_CHARS, "field name",
                parser.getParsingContext().getParent());
        if (before == ScenarioFileLimits.MAX_FIELDS) {
            throw refuse(parser.getParsingContext().getParent(), "this object has more than "
                    + ScenarioFileLimits.MAX_FIELDS + " fields");
        }
        return name;
    }

    /** Any array but the steps, which {@link StepStream} reads one element at a time. */
    private ArrayNode array(int depth) throws IOException {
        checkDepth(depth);
        int most = ScenarioFileLimits.MAX_ARRAY_ELEMENTS;
        ArrayNode array = NODES.arrayNode();
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
            if (array.size() == most) {
                throw refuse(parser.getParsingContext().getParent(), "an array holds at most " + most + " elements");
            }
            array.add(value(token, depth + 1));
        }
        return array;
    }

    private void checkDepth(int depth) {
        if (depth > ScenarioFileLimits.MAX_DEPTH) {
            throw refuse(parser.getParsingContext().getParent(), "nested too deeply: a scenario needs at most "
                    + ScenarioFileLimits.MAX_DEPTH + " levels of { } and [ ]");
        }
    }

    private String text(String text, int longest, String what, JsonStreamContext at) {
        if (text.length() > longest) {
            throw refuse(at, "a " + what + " of " + text.length()
                    + " characters; at most " + longest + " are allowed");
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw refuse(at, String.format(
                        "the %s contains \\u%04x, half of a surrogate pair without its other half: not text", what, (int) c));
            }
        }
        return text;
    }

    private JsonNode number(String text, boolean integer) {
        String shown = text.length() > 40 ? text.substring(0, 40) + "…" : text;
        if (text.length() > ScenarioFileLimits.MAX_NUMBER_CHARS) {
            throw refuse(parser.getParsingContext(), "the number " + shown + " has " + text.length()
                    + " characters; a number in a scenario has at most " + ScenarioFileLimits.MAX_NUMBER_CHARS);
        }
        if (integer) {
            BigInteger whole = new BigInteger(text); // at most 40 digits: cheap
            return whole.bitLength() < 64 ? NODES.numberNode(whole.longValue()) : NODES.numberNode(whole);
        }
        BigDecimal decimal;
        try {
            decimal = new BigDecimal(text); // keeps the exponent; nothing is expanded
        } catch (NumberFormatException | ArithmeticException e) {
            throw refuse(parser.getParsingContext(), "the number " + shown + " is out of range");
        }
        long digitsBeforePoint = (long) decimal.precision() - decimal.scale();
        if (digitsBeforePoint > ScenarioFileLimits.MAX_NUMBER_CHARS) {
            throw refuse(parser.getParsingContext(), "the number " + shown + " is too large: a number in a scenario"
                    + " has at most " + ScenarioFileLimits.MAX_NUMBER_CHARS + " digits");
        }
        if (decimal.scale() > ScenarioFileLimits.MAX_NUMBER_CHARS) {
            throw refuse(parser.getParsingContext(), "the number " + shown + " has too many digits after the point:"
                    + " at most " + ScenarioFileLimits.MAX_NUMBER_CHARS);
        }
        return NODES.numberNode(decimal);
    }

    /**
     * A refusal naming where the value at {@code at} sits: the step ({@code steps[4]} is step 5) and the
     * field path within it ("command.items[0].unitPrice"), or the top-level field.
     */
    ScenarioException refuse(JsonStreamContext at, String problem) {
        Deque<String> segments = new ArrayDeque<>();
        for (JsonStreamContext c = at; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inObject() && c.getCurrentName() != null) {
                segments.addFirst("." + c.getCurrentName());
            } else if (c.inArray() && c.getCurrentIndex() >= 0) {
                segments.addFirst("[" + c.getCurrentIndex() + "]");
            }
        }
        Integer step = null;
        if (segments.size() >= 2 && segments.peekFirst().equals(".steps")) {
            segments.removeFirst();
            String index = segments.removeFirst();
            step = Integer.parseInt(index.substring(1, index.length() - 1)) + 1;
        }
        String field = String.join("", segments);
        field = field.startsWith(".") ? field.substring(1) : field;
        return new ScenarioException(file, step, field.isEmpty() ? null : field, problem);
    }
}
