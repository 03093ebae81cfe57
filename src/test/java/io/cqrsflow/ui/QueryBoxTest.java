package io.cqrsflow.ui;

import io.cqrsflow.domain.OrderLine;
import io.cqrsflow.domain.PayOrder;
import io.cqrsflow.domain.PlaceOrder;
import io.cqrsflow.domain.RegisterCustomer;
import io.cqrsflow.read.ProjectionNames;
import io.cqrsflow.read.ProjectorState;
import io.cqrsflow.ui.query.QueryBox;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
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

/** "Ask a query": both models are asked, and when they differ the rows that differ come first, side by side. */
@ExtendWith(ApplicationExtension.class)
class QueryBoxTest {
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
    void list_orders_on_a_paused_list_shows_both_answers_with_the_differing_rows_first(FxRobot robot)
            throws Exception {
        // given two orders in the list, then the list paused while one is paid and a third placed
        ui.submit(new RegisterCustomer("c-1", "Ada Lovelace"));
        ui.submit(new PlaceOrder("o-1", "c-1", List.of(new OrderLine("BOOK-1", 1, new BigDecimal("12.50")))));
        ui.submit(new PlaceOrder("o-2", "c-1", List.of(new OrderLine("MUG-7", 1, new BigDecimal("3.00")))));
        ui.engine.awaitCaughtUp(java.time.Duration.ofSeconds(5));
        ui.engine.projector(ProjectionNames.ORDER_LIST).pause();
        waitUntil(5, () -> ui.view.model().statuses().get(ProjectionNames.ORDER_LIST).state() == ProjectorState.PAUSED);
        ui.submit(new PayOrder("o-2"));
        ui.submit(new PlaceOrder("o-3", "c-1", List.of(new OrderLine("PEN-3", 1, new BigDecimal("1.00")))));

        // when the learner asks ListOrders of the read model
        robot.clickOn("Ask a query");
        fx(() -> {
            robot.lookup("#query-type").<ComboBox<String>>query().setValue(QueryBox.LIST);
            return null;
        });
        robot.clickOn("#query-run");

        // then both answers are shown, the rows that differ first
        waitUntil(5, () -> robot.lookup("#query-verdict").<Label>query().getText().contains("differ"));
        List<String> rows = fx(() -> rows(robot));
        assertThat(rows.get(0)).isEqualTo("order | read model | write model (truth)");
        assertThat(rows.subList(1, 3)).containsExactly("o-2 | pending | paid", "o-3 | not yet | pending");
        assertThat(rows).contains("o-1 | pending | pending");
    }

    /** The answer grid as text, one "a | b | c" per row. */
    private static List<String> rows(FxRobot robot) {
        GridPane grid = robot.lookup(".query-answers").query();
        Map<Integer, List<String>> byRow = new java.util.TreeMap<>();
        for (Node n : grid.getChildren()) {
            Integer r = GridPane.getRowIndex(n);
            if (n instanceof Label l) {
                byRow.computeIfAbsent(r == null ? 0 : r, k -> new ArrayList<>()).add(l.getText());
            }
        }
        List<String> rows = new ArrayList<>();
        byRow.values().forEach(cells -> rows.add(String.join(" | ", cells)));
        return rows;
    }
}
