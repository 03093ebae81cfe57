package io.cqrsflow.scenario;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.Reader;
import java.util.regex.Pattern;

/**
 * A scenario's text read one token at a time: the top-level fields are kept (they are small), the
 * elements of {@code "steps"} are handed out one JSON tree at a time and not kept. Every limit of
 * {@link ScenarioFileLimits} is checked as the text goes by; malformed JSON, a file too large or not
 * UTF-8 are {@link ScenarioException}s naming the line, or the step and field.
 */
final class StepStream implements AutoCloseable {
    private static final Pattern JACKSON_LOCATION = Pattern.compile("\\[Source: [^\\]]*?; line: (\\d+), column: (\\d+)]");

    private final String source;
    private final ScenarioFileLimits.Mode mode;
    private final Reader text;
    private final JsonParser parser;
    private final BoundedJsonReader values;
    /** The file's top-level fields, in file order; "steps" holds an empty array when it is an array. */
    private final ObjectNode top = BoundedJsonReader.NODES.objectNode();
    private JsonNode root;
    private int fields;
    private boolean inSteps;
    private boolean topEnded;
    private int count;

    StepStream(String source, Reader text, ScenarioFileLimits.Mode mode) {
        this.source = source;
        this.mode = mode;
        this.text = text;
        try {
            this.parser = BoundedJsonReader.FACTORY.createParser(text);
        } catch (IOException e) {
            throw failure(e);
        }
        this.values = new BoundedJsonReader(source, parser,
                mode.streamed() ? BoundedJsonReader.Budget.onePart() : BoundedJsonReader.Budget.wholeFile());
    }

    /**
     * Reads the top-level fields up to the first step, or to the end when there are no steps to read.
     *
     * @return null when the file holds no JSON at all
     */
    JsonNode start() {
        try {
            JsonToken first = parser.nextToken();
            if (first == null) {
                return null;
            }
            if (first != JsonToken.START_OBJECT) {
                root = values.value(first, 1); // not a scenario: kept whole, within the limits, to say what it is
                topEnded = true;
                return root;
            }
            root = top;
            readTopFields();
            return root;
        } catch (IOException e) {
            throw failure(e);
        }
    }

    /** The next element of "steps" as a tree, or null after the last one. */
    JsonNode next() {
        if (!inSteps) {
            return null;
        }
        try {
            JsonToken token = parser.nextToken();
            if (token == JsonToken.END_ARRAY) {
                inSteps = false;
                return null;
            }
            if (count == mode.maxSteps()) {
                throw values.refuse(parser.getParsingContext(), "a scenario has at most " + mode.maxSteps() + " steps"
                        + (mode.streamed() ? "" : "; --headless reads up to " + ScenarioFileLimits.MAX_STREAMED_STEPS
                        + " as it plays"));
            }
            count++;
            fresh();
            return values.value(token, 3);
        } catch (IOException e) {
            throw failure(e);
        }
    }

    /** How many steps have been handed out; the last one's number. */
    int count() {
        return count;
    }

    /**
     * Reads what follows the steps to the end of the text and returns the top-level fields (the steps
     * as an empty array), or the file's one value when it is not an object.
     */
    JsonNode finish() {
        try {
            while (next() != null) {
                // steps not asked for are still read, so that the whole file is checked
            }
            if (!topEnded) {
                readTopFields();
            }
            if (parser.nextToken() != null) {
                throw malformed(parser.currentTokenLocation(), "more text after the end of the scenario's { … }", null);
            }
            return root;
        } catch (IOException e) {
            throw failure(e);
        }
    }

    /** Reads top-level fields until the steps array opens (then {@link #next()} reads it) or the object ends. */
    private void readTopFields() throws IOException {
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_OBJECT; token = parser.nextToken()) {
            String name = values.fieldName(fields++);
            JsonToken value = parser.nextToken();
            if ("steps".equals(name) && value == JsonToken.START_ARRAY) {
                top.set(name, BoundedJsonReader.NODES.arrayNode());
                inSteps = true;
                return;
            }
            fresh();
            top.set(name, values.value(value, 2));
        }
        topEnded = true;
    }

    /** A streamed file counts values per step and per top-level field; a file read whole counts them all. */
    private void fresh() {
        if (mode.streamed()) {
            values.budget(BoundedJsonReader.Budget.onePart());
        }
    }

    private ScenarioException failure(IOException e) {
        if (e instanceof JsonProcessingException json) {
            return malformed(json.getLocation(), json.getOriginalMessage(), json);
        }
        return ScenarioFileReader.failure(source, e, mode);
    }

    private ScenarioException malformed(JsonLocation at, String detail, Throwable cause) {
        // Jackson points at other places as "[Source: …; line: 1, column: 24]"; say it the way we do.
        String plain = JACKSON_LOCATION.matcher(detail).replaceAll("line $1, column $2");
        String problem = "malformed JSON: " + PlainJson.inPlainWords(plain.replaceAll("\\s+", " ").strip());
        if (at == null || at.getLineNr() < 1) {
            return ScenarioException.aboutFile(source, problem, cause);
        }
        return ScenarioException.malformedJson(source, at.getLineNr(), at.getColumnNr(), problem, cause);
    }

    @Override
    public void close() {
        try {
            parser.close();
            text.close();
        } catch (IOException e) {
            // read-only: nothing is lost by a failed close
        }
    }
}
