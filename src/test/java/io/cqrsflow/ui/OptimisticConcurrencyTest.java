package io.cqrsflow.ui;

import io.cqrsflow.domain.OrderLine;
import io.cqrsflow.domain.PayOrder;
import io.cqrsflow.domain.PlaceOrder;
import io.cqrsflow.domain.RegisterCustomer;
import io.cqrsflow.domain.Streams;
import io.cqrsflow.ui.command.ResultLog;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
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

/** "Decide on what I saw": the order's version goes with the command, and a change in between is a conflict. */
@ExtendWith(ApplicationExtension.class)
class OptimisticConcurrencyTest {
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
    void a_cancel_decided_on_a_version_that_moved_on_is_a_conflict_and_appends_nothing(FxRobot robot)
            throws Exception {
        // given a pending order o-1, picked in the cancel form with "decide on what I saw" ticked
        givenAPendingOrder();
        pickInCancelForm(robot, "o-1");
        robot.clickOn("#cancel-expect-version");
        waitUntil(5, () -> expectText(robot).contains("version 1 (pending)"));

        // when clerk B pays it underneath, and the learner sends the cancel
        ui.submit(new PayOrder("o-1"));
        waitUntil(5, () -> robot.lookup("#cancel-seen-note").<Label>query().getText().contains("version 2 (paid)"));
        long head = ui.engine.head();
        robot.clickOn("#send-command");

        // then the log says conflict, with the versions, and nothing was appended
        waitUntil(5, () -> !ui.view.commands().log().getItems().isEmpty()
                && ui.view.commands().log().getItems().get(0).outcome() == ResultLog.Outcome.CONFLICT);
        ResultLog.Entry entry = fx(() -> ui.view.commands().log().getItems().get(0));
        assertThat(entry.headline()).contains("CancelOrder o-1 conflict");
        assertThat(entry.detail()).contains("conflict on order-o-1: expected version 1 but it is at 2");
        assertThat(ui.engine.head()).isEqualTo(head);
        assertThat(ui.engine.store().readStream(Streams.order("o-1"))).hasSize(2);
    }

    @Test
    void a_cancel_decided_on_the_current_version_is_accepted_and_the_form_then_sees_the_new_version(FxRobot robot)
            throws Exception {
        // given a pending order o-1, picked with the box ticked
        givenAPendingOrder();
        pickInCancelForm(robot, "o-1");
        robot.clickOn("#cancel-expect-version");
        waitUntil(5, () -> expectText(robot).contains("version 1 (pending)"));

        // when nobody changes it before the learner sends
        robot.clickOn("#send-command");

        // then the cancel is accepted on version 1, and the form now shows what it sees: version 2 (the log already
        // holds the given commands' results: wait for the cancel's, which the log shows in its turn)
        waitUntil(5, () -> !ui.view.commands().log().getItems().isEmpty()
                && ui.view.commands().log().getItems().get(0).headline().contains("CancelOrder o-1"));
        ResultLog.Entry entry = fx(() -> ui.view.commands().log().getItems().get(0));
        assertThat(entry.outcome()).isEqualTo(ResultLog.Outcome.ACCEPTED);
        assertThat(entry.detail()).contains("decided on version 1");
        waitUntil(5, () -> expectText(robot).contains("version 2 (cancelled)"));
    }

    private void givenAPendingOrder() throws Exception {
        ui.submit(new RegisterCustomer("c-1", "Ada Lovelace"));
        ui.submit(new PlaceOrder("o-1", "c-1", List.of(new OrderLine("BOOK-1", 2, new BigDecimal("12.50")))));
        waitUntil(5, () -> ui.view.model().orders().size() == 1);
    }

    private static void pickInCancelForm(FxRobot robot, String orderId) throws Exception {
        robot.clickOn("#form-CancelOrder");
        // looked up on the FX thread: the scene changes under a lookup from the test thread (the rows, the
        // tokens), which once threw IndexOutOfBoundsException inside Parent.lookupAll
        TextField order = fx(() -> robot.lookup("#cancel-order-id").<ComboBox<String>>query().getEditor());
        fx(() -> {
            order.setText(orderId);
            return null;
        });
        waitUntil(5, () -> orderId.equals(order.getText()));
    }

    private static String expectText(FxRobot robot) {
        return fx(() -> robot.lookup("#cancel-expect-version").<CheckBox>query().getText());
    }
}
