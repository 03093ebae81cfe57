package io.cqrsflow.eventstore;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.math.BigDecimal;

/**
 * The one Jackson set-up for JSON that carries money — events in events.db, items in read.db, the
 * headless trace: a {@link BigDecimal} is written as a string ("12.50"), so no reader turns it into a
 * binary floating-point number on the way.
 */
public final class MoneyJson {
    private MoneyJson() {
    }

    /** A new mapper with money as text; callers add what is theirs alone. */
    public static ObjectMapper mapper() {
        ObjectMapper mapper = new ObjectMapper();
        mapper.configOverride(BigDecimal.class).setFormat(JsonFormat.Value.forShape(JsonFormat.Shape.STRING));
        return mapper;
    }
}
