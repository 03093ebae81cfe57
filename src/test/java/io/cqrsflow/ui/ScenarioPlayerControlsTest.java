package io.cqrsflow.ui;

import io.cqrsflow.domain.OrderStatus;
import io.cqrsflow.read.OrderSummary;
import io.cqrsflow.read.QuerySource;
import io.cqrsflow.scenario.QueryStep;
import io.cqrsflow.read.Query;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** A scenario's query step, as the bar under the toolbar and the result log put it. */
class ScenarioPlayerControlsTest {

    @Test
    void a_query_step_is_named_with_its_parameter_and_the_model_it_asks() {
        assertThat(ScenarioPlayerControls.question(new QueryStep(4, 300, new Query.GetOrderById("o-1"),
                QuerySource.READ_MODEL))).isEqualTo("GetOrderById(o-1) · read model");
        assertThat(ScenarioPlayerControls.question(new QueryStep(5, 300, new Query.ListOrders(),
                QuerySource.WRITE_MODEL))).isEqualTo("ListOrders · write model");
    }

    @Test
    void an_answer_fits_on_one_line() {
        OrderSummary o1 = new OrderSummary("o-1", "c-1", "Ada", new BigDecimal("12.50"), OrderStatus.PENDING,
                Instant.EPOCH, 1);
        OrderSummary o2 = new OrderSummary("o-2", "c-1", "Ada", new BigDecimal("3.00"), OrderStatus.PAID,
                Instant.EPOCH, 1);
        assertThat(ScenarioPlayerControls.answer(List.of())).isEqualTo("no orders");
        assertThat(ScenarioPlayerControls.answer(List.of(o1, o2))).isEqualTo("o-1 pending, o-2 paid");
        assertThat(ScenarioPlayerControls.answer(Optional.empty())).isEqualTo("no such order");
    }
}
