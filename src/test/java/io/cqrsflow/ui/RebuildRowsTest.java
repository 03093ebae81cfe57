package io.cqrsflow.ui;

import io.cqrsflow.domain.OrderLine;
import io.cqrsflow.domain.PlaceOrder;
import io.cqrsflow.domain.RegisterCustomer;
import io.cqrsflow.read.ProjectionNames;
import io.cqrsflow.read.ProjectorStatus;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.cqrsflow.ui.UiFixture.fx;
import static io.cqrsflow.ui.UiFixture.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/** A paced rebuild shows in the read-model panel: its rows clear and fill again as its checkpoint climbs. */
@ExtendWith(ApplicationExtension.class)
class RebuildRowsTest {
    private static final int ORDERS = 6;

    @TempDir
    Path dir;

    private UiFixture ui;

    @Start
    void start(Stage stage) {
        ui = UiFixture.start(stage, dir, Map.of());
    }

    @AfterEach
    void close() {
        ui.close();
    }

    @Test
    void the_order_list_clears_and_refills_while_its_checkpoint_climbs() throws Exception {
        // given six orders in the order list (7 events)
        ui.submit(new RegisterCustomer("c-1", "Ada Lovelace"));
        for (int i = 1; i <= ORDERS; i++) {
            ui.submit(new PlaceOrder("o-" + i, "c-1", List.of(new OrderLine("BOOK-1", 1, new BigDecimal("12.50")))));
        }
        String name = ProjectionNames.ORDER_LIST;
        waitUntil(10, () -> ui.view.readModels().orderList().table().getItems().size() == ORDERS);

        // when it is rebuilt at one event every 200 ms, as a lesson does
        fx(() -> ui.view.model().client().rebuild(name, 200));
        List<Integer> rows = new ArrayList<>();
        List<Long> checkpoints = new ArrayList<>();
        long end = System.currentTimeMillis() + 8_000;
        while (System.currentTimeMillis() < end) {
            fx(() -> {
                rows.add(ui.view.readModels().orderList().table().getItems().size());
                ProjectorStatus s = ui.view.model().statuses().get(name);
                checkpoints.add(s.checkpoint());
                return null;
            });
            if (rows.size() > 20 && rows.get(rows.size() - 1) == ORDERS && checkpoints.get(checkpoints.size() - 1) == 7) {
                break;
            }
            Thread.sleep(40);
        }

        // then the panel showed fewer rows (cleared), then counted back up to all of them
        int lowest = rows.indexOf(rows.stream().min(Integer::compare).orElseThrow());
        assertThat(rows.get(lowest)).as("rows seen: %s", rows).isLessThan(3);
        List<Integer> after = rows.subList(lowest, rows.size());
        assertThat(after.stream().distinct().count()).as("rows seen: %s", rows).isGreaterThanOrEqualTo(4);
        assertThat(after).as("rows seen: %s", rows).isSorted().endsWith(ORDERS);
        // and the checkpoint climbed through the history, not in one jump
        List<Long> climbing = checkpoints.subList(checkpoints.indexOf(checkpoints.stream().min(Long::compare)
                .orElseThrow()), checkpoints.size());
        assertThat(climbing.get(0)).as("checkpoints seen: %s", checkpoints).isLessThanOrEqualTo(2);
        assertThat(climbing.stream().distinct().count()).as("checkpoints seen: %s", checkpoints)
                .isGreaterThanOrEqualTo(4);
        assertThat(climbing).isSorted().endsWith(7L);
    }
}
