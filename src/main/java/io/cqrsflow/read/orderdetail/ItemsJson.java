package io.cqrsflow.read.orderdetail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.cqrsflow.eventstore.MoneyJson;
import io.cqrsflow.domain.OrderLine;

import java.util.List;

/** The items column of order_detail: a JSON array of {sku, quantity, unitPrice as a string}. */
final class ItemsJson {
    private static final ObjectMapper MAPPER = MoneyJson.mapper();
    private static final TypeReference<List<OrderLine>> LINES = new TypeReference<>() {
    };
    /** Made once: {@code readValue(json, LINES)} resolves the type again on every call, once per row. */
    private static final ObjectReader READER = MAPPER.readerFor(LINES);
    private static final ObjectWriter WRITER = MAPPER.writerFor(LINES);

    private ItemsJson() {
    }

    static String write(List<OrderLine> items) {
        try {
            return WRITER.writeValueAsString(items);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write items as JSON", e);
        }
    }

    static List<OrderLine> read(String json) {
        try {
            return READER.readValue(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("order_detail.items is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }
}
