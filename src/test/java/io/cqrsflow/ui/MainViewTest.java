package io.cqrsflow.ui;

import io.cqrsflow.domain.CancelOrder;
import io.cqrsflow.domain.OrderLine;
import io.cqrsflow.domain.PlaceOrder;
import io.cqrsflow.domain.RegisterCustomer;
import io.cqrsflow.read.CustomerSales;
import io.cqrsflow.read.OrderDetails;
import io.cqrsflow.read.OrderSummary;
import io.cqrsflow.read.ProjectionNames;
import io.cqrsflow.ui.command.ResultLog;
import io.cqrsflow.ui.eventstore.EventRow;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TableRow;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
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
import java.util.List;
import java.util.Map;

import static io.cqrsflow.ui.UiFixture.fx;
import static io.cqrsflow.ui.UiFixture.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The window, driven like a learner drives it, on a real engine; order-list runs 2 s behind.
 *
 * <p>Slightly over 300 lines: one learner's walk through the window, case by case, on one fixture.
 */
@ExtendWith(ApplicationExtension.class)
class MainViewTest {
    @TempDir
    Path dir;

    private UiFixture ui;

    @Start
    void start(Stage stage) {
        ui = UiFixture.start(stage, dir, Map.of(ProjectionNames.ORDER_LIST, 2_000L));
    }

    @AfterEach
    void close() {
        ui.close();
    }

    @Test
    void placing_an_order_through_the_form_adds_an_event_row_and_the_list_shows_it_only_after_its_delay(FxRobot robot)
            throws Exception {
        // given a registered customer
        ui.submit(new RegisterCustomer("c-1", "Ada Lovelace"));
        waitUntil(5, () -> ui.view.model().customers().size() == 1);

        // when the learner places an order with the form
        robot.clickOn("#form-PlaceOrder");
        waitUntil(5, () -> "c-1".equals(robot.lookup("#place-order-customer").<ComboBox<String>>query().getEditor().getText()));
        robot.clickOn("#send-command");
        long sent = System.nanoTime();

        // then the event store table shows the OrderPlaced row
        waitUntil(5, () -> eventTypes(robot).contains("OrderPlaced"));
        // and the detail (no delay) shows the order while the list (2 s delay) does not yet
        waitUntil(5, () -> detailIds(robot).contains("o-1"));
        assertThat(fx(() -> listIds(robot))).doesNotContain("o-1");
        assertThat(fx(() -> robot.lookup("#figures-order-list").<Label>query().getText())).contains("behind");
        // and the list shows it after the delay
        waitUntil(8, () -> listIds(robot).contains("o-1"));
        assertThat((System.nanoTime() - sent) / 1_000_000).isGreaterThanOrEqualTo(1_500);
        assertThat(fx(() -> ui.view.commands().log().getItems().get(0).headline())).contains("PlaceOrder o-1 accepted");
    }

    @Test
    void a_disposed_view_takes_its_shortcuts_off_the_scene() {
        // given the window's shortcuts are on its scene
        javafx.scene.input.KeyCodeCombination play = new javafx.scene.input.KeyCodeCombination(javafx.scene.input.KeyCode.F5);
        assertThat(fx(() -> ui.scene.getAccelerators().containsKey(play))).isTrue();

        // when the view is disposed (the app does so before opening another folder)
        fx(() -> {
            ui.view.dispose();
            return null;
        });

        // then no key reaches the old view and its closed engine any more
        assertThat(fx(() -> ui.scene.getAccelerators().containsKey(play))).isFalse();
    }

    @Test
    void a_rejected_command_shows_the_rule_and_its_message(FxRobot robot) throws Exception {
        // when the learner pays an order that does not exist
        robot.clickOn("#form-PayOrder");
        TextField order = robot.lookup("#pay-order-id").<ComboBox<String>>query().getEditor();
        robot.clickOn(order).write("o-99");
        robot.clickOn("#send-command");

        // then the log and the flow both say why
        waitUntil(5, () -> !ui.view.commands().log().getItems().isEmpty());
        ResultLog.Entry entry = fx(() -> ui.view.commands().log().getItems().get(0));
        assertThat(entry.outcome()).isEqualTo(ResultLog.Outcome.REJECTED);
        assertThat(entry.headline()).contains("PayOrder o-99 rejected");
        assertThat(entry.detail()).contains("o-99").contains("UNKNOWN_ORDER");
        assertThat(fx(() -> robot.lookup("#bounce-reason").<Label>query().getText())).contains("UNKNOWN_ORDER");
    }

    @Test
    void a_quantity_that_is_not_a_number_cannot_be_sent_and_the_form_says_why(FxRobot robot) {
        robot.clickOn("#form-PlaceOrder");
        TextField quantity = robot.lookup(".item-quantity").query();
        robot.doubleClickOn(quantity).eraseText(3).write("abc");

        assertThat(fx(() -> robot.lookup("#send-command").queryButton().isDisabled())).isTrue();
        assertThat(fx(() -> robot.lookup(".form-status").<Label>query().getText()))
                .contains("quantity \"abc\" is not a whole number");
    }

    @Test
    void moving_a_delay_slider_changes_the_projectors_delay(FxRobot robot) throws Exception {
        Slider slider = robot.lookup("#delay-order-detail").query();
        robot.clickOn(slider.lookup(".thumb"));
        fx(() -> {
            slider.requestFocus();
            return null;
        });
        robot.type(KeyCode.RIGHT, 6);

        waitUntil(5, () -> ui.engine.projector(ProjectionNames.ORDER_DETAIL).status().delayMs() == 3_000);
        assertThat(fx(() -> robot.lookup("#delay-value-order-detail").<Label>query().getText())).isEqualTo("3.0 s");
    }

    @Test
    void a_stale_row_is_tinted_and_its_tooltip_tells_the_truth(FxRobot robot) throws Exception {
        // given an order the list shows as pending
        fx(() -> {
            ui.engine.projector(ProjectionNames.ORDER_LIST).setDelay(0);
            return null;
        });
        ui.submit(new RegisterCustomer("c-1", "Ada Lovelace"));
        ui.submit(new PlaceOrder("o-1", "c-1", List.of(new OrderLine("BOOK-1", 2, new BigDecimal("12.50")))));
        waitUntil(5, () -> listIds(robot).contains("o-1"));

        // when the list's projector is paused and the order is cancelled
        robot.clickOn("#pause-order-list");
        waitUntil(5, () -> ui.view.model().statuses().get(ProjectionNames.ORDER_LIST).state()
                == io.cqrsflow.read.ProjectorState.PAUSED);
        ui.submit(new CancelOrder("o-1", "changed mind"));

        // then the list's row is marked stale and its tooltip says what the truth is
        waitUntil(5, () -> staleRow(robot, "o-1") != null);
        String tooltip = fx(() -> staleRow(robot, "o-1").getTooltip().getText());
        assertThat(tooltip).contains("status: shows pending, truth is cancelled");
        assertThat(fx(() -> robot.lookup("#stale-summary-order-list").<Label>query().getText())).contains("1 stale row");
    }

    @Test
    void a_stale_sales_row_is_tinted_and_its_tooltip_tells_the_truth(FxRobot robot) throws Exception {
        // given sales by customer, added at runtime, showing Ada with no orders
        ui.submit(new RegisterCustomer("c-1", "Ada Lovelace"));
        ui.engine.addProjection(ProjectionNames.SALES_BY_CUSTOMER, 0);
        waitUntil(5, () -> salesRow(robot, "c-1") != null);
        assertThat(fx(() -> robot.lookup("#stale-summary-sales-by-customer").<Label>query().getText()))
                .isEqualTo("✓ matches the write model");

        // when its projector falls far behind and Ada places an order
        fx(() -> {
            ui.engine.projector(ProjectionNames.SALES_BY_CUSTOMER).setDelay(10_000);
            return null;
        });
        ui.submit(new PlaceOrder("o-1", "c-1", List.of(new OrderLine("BOOK-1", 2, new BigDecimal("12.50")))));

        // then Ada's row is marked stale and its tooltip says what the truth is
        waitUntil(5, () -> salesRow(robot, "c-1") != null && salesRow(robot, "c-1").getPseudoClassStates()
                .contains(javafx.css.PseudoClass.getPseudoClass("stale")));
        String tooltip = fx(() -> salesRow(robot, "c-1").getTooltip().getText());
        assertThat(tooltip).contains("orders: shows 0, truth is 1; revenue: shows 0, truth is 25.00");
        assertThat(fx(() -> robot.lookup("#stale-summary-sales-by-customer").<Label>query().getText()))
                .isEqualTo("⚠ 1 stale row");
    }

    @Test
    void a_detail_row_tooltip_shows_the_items_and_reason_its_columns_cut_off_and_the_truth_when_stale(FxRobot robot)
            throws Exception {
        // given an order of three lines, cancelled with a long reason, shown in the detail
        ui.submit(new RegisterCustomer("c-1", "Ada Lovelace"));
        ui.submit(new PlaceOrder("o-1", "c-1", List.of(new OrderLine("BOOKSHELF-OAK-120", 2, new BigDecimal("12.50")),
                new OrderLine("MUG-7", 1, new BigDecimal("3.00")), new OrderLine("LAMP-2", 4, new BigDecimal("9.99")))));
        ui.submit(new CancelOrder("o-1", "changed my mind after seeing the delivery date"));
        waitUntil(5, () -> detailTooltip(robot, "o-1").contains("reason:"));

        // then its tooltip has every item and the whole reason
        assertThat(fx(() -> detailTooltip(robot, "o-1")))
                .contains("items: 2× BOOKSHELF-OAK-120 @ 12.50, 1× MUG-7 @ 3.00, 4× LAMP-2 @ 9.99")
                .contains("reason: changed my mind after seeing the delivery date")
                .contains("Matches the write model");

        // when the detail is paused and a second order is paid behind its back
        ui.submit(new PlaceOrder("o-2", "c-1", List.of(new OrderLine("TEA-9", 3, new BigDecimal("4.50")))));
        waitUntil(5, () -> detailIds(robot).contains("o-2"));
        robot.clickOn("#pause-order-detail");
        waitUntil(5, () -> ui.view.model().statuses().get(ProjectionNames.ORDER_DETAIL).state()
                == io.cqrsflow.read.ProjectorState.PAUSED);
        ui.submit(new io.cqrsflow.domain.PayOrder("o-2"));

        // then the stale row's tooltip tells the truth and still shows the row in full
        waitUntil(5, () -> detailTooltip(robot, "o-2").startsWith("Stale"));
        assertThat(fx(() -> detailTooltip(robot, "o-2")))
                .contains("status: shows pending, truth is paid")
                .contains("items: 3× TEA-9 @ 4.50");
    }

    @Test
    void rebuilding_a_paused_projector_shows_its_read_model_emptied_until_it_steps(FxRobot robot) throws Exception {
        // given an order in both read models (so no projector has anything left to apply), the detail paused
        ui.submit(new RegisterCustomer("c-1", "Ada Lovelace"));
        ui.submit(new PlaceOrder("o-1", "c-1", List.of(new OrderLine("BOOK-1", 2, new BigDecimal("12.50")))));
        waitUntil(8, () -> detailIds(robot).contains("o-1") && listIds(robot).contains("o-1"));
        robot.clickOn("#pause-order-detail");
        waitUntil(5, () -> ui.view.model().statuses().get(ProjectionNames.ORDER_DETAIL).state()
                == io.cqrsflow.read.ProjectorState.PAUSED);

        // when the learner rebuilds it
        robot.clickOn("#rebuild-order-detail");

        // then the table shows the emptied read model (nothing was applied, yet it changed)
        waitUntil(5, () -> detailIds(robot).isEmpty());
        assertThat(fx(() -> behind(robot))).startsWith("2 behind");
        // and stepping twice brings the order back
        robot.clickOn("#step-order-detail");
        robot.clickOn("#step-order-detail");
        waitUntil(5, () -> detailIds(robot).contains("o-1"));
    }

    @Test
    void pause_then_step_applies_exactly_one_event(FxRobot robot) throws Exception {
        // given order-detail paused
        robot.clickOn("#pause-order-detail");
        waitUntil(5, () -> ui.view.model().statuses().get(ProjectionNames.ORDER_DETAIL).state()
                == io.cqrsflow.read.ProjectorState.PAUSED);
        ui.submit(new RegisterCustomer("c-1", "Ada Lovelace"));
        ui.submit(new PlaceOrder("o-1", "c-1", List.of(new OrderLine("BOOK-1", 2, new BigDecimal("12.50")))));
        ui.submit(new io.cqrsflow.domain.PayOrder("o-1"));
        waitUntil(5, () -> behind(robot).startsWith("3 behind"));

        // when the learner steps once
        robot.clickOn("#step-order-detail");

        // then exactly one event was applied
        waitUntil(5, () -> behind(robot).startsWith("2 behind"));
        assertThat(ui.engine.projector(ProjectionNames.ORDER_DETAIL).status().checkpoint()).isEqualTo(1);
        robot.clickOn("#step-order-detail");
        waitUntil(5, () -> behind(robot).startsWith("1 behind"));
        assertThat(ui.engine.projector(ProjectionNames.ORDER_DETAIL).status().checkpoint()).isEqualTo(2);
    }

    private static String behind(FxRobot robot) {
        return robot.lookup("#lane-behind-order-detail").<Label>query().getText();
    }

    private static List<String> eventTypes(FxRobot robot) {
        return robot.lookup("#event-table").<javafx.scene.control.TableView<EventRow>>query().getItems().stream()
                .filter(EventRow::loaded).map(r -> r.event().type()).toList();
    }

    private static List<String> listIds(FxRobot robot) {
        return robot.lookup("#table-order-list").<javafx.scene.control.TableView<OrderSummary>>query().getItems()
                .stream().map(OrderSummary::orderId).toList();
    }

    private static List<String> detailIds(FxRobot robot) {
        return robot.lookup("#table-order-detail").<javafx.scene.control.TableView<OrderDetails>>query().getItems()
                .stream().map(OrderDetails::orderId).toList();
    }

    /** The tooltip of the order detail row of an order, "" while there is none. */
    @SuppressWarnings("unchecked")
    private static String detailTooltip(FxRobot robot, String orderId) {
        return robot.from(robot.lookup("#table-order-detail").<javafx.scene.Node>query()).lookup(".table-row-cell")
                .queryAll().stream()
                .map(n -> (TableRow<OrderDetails>) n)
                .filter(r -> r.getItem() != null && r.getItem().orderId().equals(orderId) && r.getTooltip() != null)
                .map(r -> r.getTooltip().getText())
                .findFirst().orElse("");
    }

    @SuppressWarnings("unchecked")
    private static TableRow<CustomerSales> salesRow(FxRobot robot, String customerId) {
        return robot.lookup("#table-sales-by-customer").tryQuery()
                .map(table -> robot.from(table).lookup(".table-row-cell").queryAll().stream()
                        .map(n -> (TableRow<CustomerSales>) n)
                        .filter(r -> r.getItem() != null && r.getItem().customerId().equals(customerId))
                        .findFirst().orElse(null))
                .orElse(null);
    }

    @SuppressWarnings("unchecked")
    private static TableRow<OrderSummary> staleRow(FxRobot robot, String orderId) {
        return robot.from(robot.lookup("#table-order-list").<javafx.scene.Node>query()).lookup(".table-row-cell")
                .queryAll().stream()
                .map(n -> (TableRow<OrderSummary>) n)
                .filter(r -> r.getItem() != null && r.getItem().orderId().equals(orderId))
                .filter(r -> r.getPseudoClassStates().contains(javafx.css.PseudoClass.getPseudoClass("stale")))
                .findFirst().orElse(null);
    }
}
