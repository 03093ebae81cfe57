package io.cqrsflow.eventstore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cqrsflow.domain.Event;
import io.cqrsflow.domain.OrderPlaced;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventCodecTest {

    private final EventCodec codec = new EventCodec();

    @Test
    void every_event_type_round_trips_exactly() {
        for (Event event : SqliteEventStoreTest.oneOfEach()) {
            assertThat(codec.decode(event.type(), codec.encode(event))).as(event.type()).isEqualTo(event);
            assertThat(EventCodec.isKnownType(event.type())).isTrue();
        }
    }

    @Test
    void an_unreadable_event_is_explained_in_plain_words_not_the_libraries_names() {
        // given an OrderPlaced whose total has more digits than any reader takes (as a hand-edited row may)
        String json = "{\"orderId\":\"o-1\",\"customerId\":\"c-1\",\"items\":[],\"total\":" + "9".repeat(1_002) + "}";

        // then the reason names the event and the number, and no class or setting of Jackson's
        assertThatThrownBy(() -> codec.decode("OrderPlaced", json))
                .hasMessageContaining("the data of an OrderPlaced is not valid JSON for it")
                .hasMessageContaining("1002 digits")
                .hasMessageNotContaining("StreamReadConstraints")
                .hasMessageNotContaining("`");
        assertThatThrownBy(() -> codec.decode("OrderPaid", "{oops"))
                .hasMessageContaining("the data of an OrderPaid is not valid JSON for it")
                .hasMessageNotContaining("Source:");
    }

    @Test
    void money_is_a_string_and_keeps_its_scale() throws Exception {
        OrderPlaced placed = SqliteEventStoreTest.placed("o-1");

        JsonNode json = new ObjectMapper().readTree(codec.encode(placed));

        assertThat(json.get("total").isTextual()).isTrue();
        assertThat(json.get("total").asText()).isEqualTo("25.30");
        assertThat(json.get("items").get(1).get("unitPrice").asText()).isEqualTo("0.10");
        OrderPlaced decoded = (OrderPlaced) codec.decode("OrderPlaced", codec.encode(placed));
        assertThat(decoded.total()).isEqualTo(new BigDecimal("25.30")); // equals: value and scale
    }

    @Test
    void writes_no_type_or_derived_fields_into_the_data() throws Exception {
        JsonNode json = new ObjectMapper().readTree(codec.encode(SqliteEventStoreTest.placed("o-1")));

        assertThat(json.fieldNames()).toIterable().containsExactly("orderId", "customerId", "items", "total");
        assertThat(json.get("items").get(0).fieldNames()).toIterable().containsExactly("sku", "quantity", "unitPrice");
    }

    @Test
    void refuses_a_type_that_is_not_one_of_ours() {
        assertThat(EventCodec.isKnownType("java.lang.Runtime")).isFalse();
        assertThatThrownBy(() -> codec.decode("DropTables", "{}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown event type 'DropTables'");
    }

    @Test
    void refuses_data_that_is_not_json() {
        assertThatThrownBy(() -> codec.decode("OrderPaid", "not json"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("OrderPaid");
    }

    @Test
    void metadata_round_trips() {
        EventMetadata metadata = new EventMetadata("cmd", "corr", "cause");

        assertThat(codec.decodeMetadata(codec.encodeMetadata(metadata))).isEqualTo(metadata);
        assertThat(EventMetadata.forCommand("x")).isEqualTo(new EventMetadata("x", "x", "x"));
    }
}
