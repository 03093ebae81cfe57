package io.cqrsflow.eventstore;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.cqrsflow.domain.CustomerRegistered;
import io.cqrsflow.domain.Event;
import io.cqrsflow.domain.OrderCancelled;
import io.cqrsflow.domain.OrderPaid;
import io.cqrsflow.domain.OrderPlaced;
import io.cqrsflow.domain.OrderShipped;

import java.util.HashMap;
import java.util.Map;

/**
 * Events to and from the JSON in events.db. The type name is stored in its own column and mapped to a
 * class through this explicit registry, never through Jackson's default typing, so a file can name only
 * the five event types there are. Money is written as a string ("12.50") to keep it exact.
 */
public final class EventCodec {

    private static final Map<String, Class<? extends Event>> TYPES = Map.of(
            "CustomerRegistered", CustomerRegistered.class,
            "OrderPlaced", OrderPlaced.class,
            "OrderPaid", OrderPaid.class,
            "OrderShipped", OrderShipped.class,
            "OrderCancelled", OrderCancelled.class);

    private final ObjectMapper mapper;
    /** One reader per type, made once: {@code mapper.readValue} would look up the type's deserializer per event. */
    private final Map<String, ObjectReader> readers = new HashMap<>();
    private final ObjectReader metadataReader;

    public EventCodec() {
        mapper = MoneyJson.mapper();
        mapper.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        TYPES.forEach((type, cls) -> readers.put(type, mapper.readerFor(cls)));
        metadataReader = mapper.readerFor(EventMetadata.class);
    }

    public static boolean isKnownType(String type) {
        return TYPES.containsKey(type);
    }

    public String encode(Event event) {
        try {
            return mapper.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + event.type() + " as JSON", e);
        }
    }

    public Event decode(String type, String json) {
        ObjectReader reader = readers.get(type);
        if (reader == null) {
            throw new IllegalArgumentException("unknown event type '" + type + "'");
        }
        try {
            return reader.readValue(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the data of " + article(type) + " " + type + " is not valid JSON for it: "
                    + plain(e.getOriginalMessage()), e);
        }
    }

    private static String article(String word) {
        return "AEIOU".indexOf(Character.toUpperCase(word.charAt(0))) >= 0 ? "an" : "a";
    }

    /**
     * Jackson's reason in a learner's words: its first line, without the library's own names (a class,
     * a setting in backticks) — "Number value length (1002) exceeds the maximum allowed (1000)".
     */
    static String plain(String reason) {
        if (reason == null) {
            return "it cannot be read";
        }
        String line = reason.lines().findFirst().orElse(reason);
        line = line.replaceAll(",? ?from `[^`]*`", "").replaceAll("`[^`]*`", "a value").strip();
        if (line.startsWith("Number value length")) {
            return line.replace("Number value length", "a number has").replace(" exceeds the maximum allowed", " digits; at most")
                    .replaceAll("\\((\\d+)\\)", "$1");
        }
        if (line.startsWith("Unrecognized token") || line.startsWith("Unexpected character")) {
            return "it is not JSON (" + line + ")";
        }
        return line;
    }

    public String encodeMetadata(EventMetadata metadata) {
        try {
            return mapper.writeValueAsString(metadata);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write metadata as JSON", e);
        }
    }

    public EventMetadata decodeMetadata(String json) {
        try {
            return metadataReader.readValue(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("metadata is not valid JSON: " + plain(e.getOriginalMessage()), e);
        }
    }
}
