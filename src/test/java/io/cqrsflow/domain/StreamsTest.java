package io.cqrsflow.domain;

import org.junit.jupiter.api.Test;

import java.util.List;

import static io.cqrsflow.domain.DeciderFixture.oneBook;
import static io.cqrsflow.domain.DeciderFixture.placed;
import static org.assertj.core.api.Assertions.assertThat;

class StreamsTest {

    @Test
    void one_stream_per_customer_and_one_per_order() {
        assertThat(Streams.customer("c-1")).isEqualTo("customer-c-1");
        assertThat(Streams.order("o-1")).isEqualTo("order-o-1");
    }

    @Test
    void each_command_targets_the_stream_of_its_aggregate() {
        assertThat(new RegisterCustomer("c-1", "Ada").streamId()).isEqualTo("customer-c-1");
        assertThat(new PlaceOrder("o-1", "c-1", oneBook()).streamId()).isEqualTo("order-o-1");
        assertThat(new PayOrder("o-1").streamId()).isEqualTo("order-o-1");
        assertThat(new ShipOrder("o-1").streamId()).isEqualTo("order-o-1");
        assertThat(new CancelOrder("o-1", "r").streamId()).isEqualTo("order-o-1");
    }

    @Test
    void type_names_are_the_simple_record_names() {
        assertThat(new PlaceOrder("o-1", "c-1", oneBook()).type()).isEqualTo("PlaceOrder");
        assertThat(List.of(new CustomerRegistered("c-1", "Ada"), placed("o-1", "c-1"), new OrderPaid("o-1"),
                new OrderShipped("o-1"), new OrderCancelled("o-1", "r")))
                .extracting(Event::type)
                .containsExactly("CustomerRegistered", "OrderPlaced", "OrderPaid", "OrderShipped", "OrderCancelled");
    }
}
