package io.cqrsflow.ui;

import io.cqrsflow.crud.CrudOrder;
import io.cqrsflow.domain.OrderLine;
import io.cqrsflow.domain.PayOrder;
import io.cqrsflow.domain.PlaceOrder;
import io.cqrsflow.domain.RegisterCustomer;
import io.cqrsflow.scenario.Scenario;
import io.cqrsflow.ui.readmodel.CrudPanel;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
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

/** The CRUD panel: off by default, on from the ☰ menu or for a lesson that lists it, always current. */
@ExtendWith(ApplicationExtension.class)
class CrudPanelTest {
    @TempDir
    Path dir;

    private UiFixture ui;

    @Start
    void start(Stage stage) {
        ui = UiFixture.start(stage, dir, Map.of("order-list", 10_000L));
    }

    @AfterEach
    void close() {
        ui.close();
    }

    @Test
    void off_by_default_then_on_from_the_menu_it_shows_each_command_at_once(FxRobot robot) throws Exception {
        // given
        CrudPanel panel = ui.view.readModels().crud();
        assertThat(fx(panel::isVisible)).as("off by default").isFalse();
        assertThat(dir.resolve("crud.db")).as("and the CRUD model with it").doesNotExist();

        // when the learner turns it on from the ☰ menu
        robot.clickOn("#main-menu");
        robot.clickOn("CRUD table beside CQRS");

        // then it says what it is, and the CRUD model is on
        waitUntil(5, panel::isVisible);
        assertThat(fx(() -> robot.lookup("#crud-what").queryAs(Label.class).getText()))
                .isEqualTo("CRUD: one table, updated in place, no events");
        waitUntil(5, () -> dir.resolve("crud.db").toFile().exists());

        // when commands follow, with the order list 10 s behind
        ui.submit(new RegisterCustomer("c-1", "Ada Lovelace"));
        ui.submit(new PlaceOrder("o-1", "c-1", List.of(new OrderLine("BOOK-1", 2, new BigDecimal("12.50")))));
        ui.submit(new PayOrder("o-1"));

        // then the CRUD row is current at once, while the list has nothing yet
        waitUntil(5, () -> rows(robot).size() == 1 && "paid".equals(rows(robot).get(0).status()));
        assertThat(fx(() -> ui.view.readModels().orderList().table().getItems())).isEmpty();
        assertThat(fx(() -> row(robot, 0))).containsExactly("o-1", "Ada Lovelace", "25.00", "paid",
                fx(() -> CrudOrder.COLUMNS.get(4).cell().apply(rows(robot).get(0))));
        waitUntil(5, () -> panel.lastAnswer().equals(
                "Last command: PayOrder → updated: orders row o-1 status pending overwritten with paid"));

        // when a command is refused
        ui.submit(new PayOrder("o-1"));

        // then the CRUD answer says so in the write model's words
        waitUntil(5, () -> panel.lastAnswer().equals(
                "Last command: PayOrder → rejected: cannot pay order o-1: it is paid, not pending"));

        // when the learner turns it off again
        robot.clickOn("#main-menu");
        robot.clickOn("CRUD table beside CQRS");

        // then it is gone from the screen
        waitUntil(5, () -> !panel.isVisible() && !panel.isManaged());
    }

    @Test
    void a_lesson_that_lists_it_shows_it_until_the_lesson_ends_unless_the_learner_turned_it_on() throws Exception {
        // given
        CrudPanelChoice choice = new CrudPanelChoice();
        Scenario withCrud = new Scenario("CRUD", "", Map.of(), List.of(), "test", List.of("order-list", "crud"));
        Scenario without = new Scenario("List", "", Map.of(), List.of(), "test", List.of("order-list"));

        // when a lesson that lists "crud" opens its view
        MainView lesson = fx(() -> new MainView(ui.engine.client()));
        fx(() -> {
            choice.apply(lesson, withCrud);
            return null;
        });

        // then its CRUD panel is on, and the CRUD model with it
        assertThat(fx(() -> lesson.readModels().crud().isVisible())).isTrue();
        waitUntil(5, () -> dir.resolve("crud.db").toFile().exists());

        // when the lesson ends (the learner's view), or another lesson without it starts
        MainView after = fx(() -> new MainView(ui.engine.client()));
        fx(() -> {
            choice.apply(after, null);
            return null;
        });
        MainView other = fx(() -> new MainView(ui.engine.client()));
        fx(() -> {
            choice.apply(other, without);
            return null;
        });

        // then the panel is off again
        assertThat(fx(() -> after.readModels().crud().isVisible())).isFalse();
        assertThat(fx(() -> other.readModels().crud().isVisible())).isFalse();

        // when the learner turns it on themselves, it stays on across lessons and folders
        fx(() -> {
            other.crudShownProperty().set(true);
            return null;
        });
        MainView next = fx(() -> new MainView(ui.engine.client()));
        fx(() -> {
            choice.apply(next, without);
            return null;
        });
        assertThat(fx(() -> next.readModels().crud().isVisible())).isTrue();
        fx(() -> {
            lesson.dispose();
            after.dispose();
            other.dispose();
            next.dispose();
            return null;
        });
    }

    @SuppressWarnings("unchecked")
    private static List<CrudOrder> rows(FxRobot robot) {
        return List.copyOf(((TableView<CrudOrder>) robot.lookup("#table-crud").query()).getItems());
    }

    private static List<String> row(FxRobot robot, int index) {
        CrudOrder order = rows(robot).get(index);
        return CrudOrder.COLUMNS.stream().map(c -> c.cell().apply(order)).toList();
    }
}
