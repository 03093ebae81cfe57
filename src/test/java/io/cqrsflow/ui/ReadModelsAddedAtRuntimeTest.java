package io.cqrsflow.ui;

import io.cqrsflow.domain.CancelOrder;
import io.cqrsflow.domain.OrderLine;
import io.cqrsflow.domain.PayOrder;
import io.cqrsflow.domain.PlaceOrder;
import io.cqrsflow.domain.RegisterCustomer;
import io.cqrsflow.read.ReadModelModule;
import io.cqrsflow.read.ReadModels;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
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

/**
 * Every read model registered as added at runtime, end to end in the window: added from the ☰ menu, it
 * gets a lane and a panel whose rows caught up from history, and the panel tells when its rows go stale.
 * A new read model is covered here by being registered.
 */
@ExtendWith(ApplicationExtension.class)
class ReadModelsAddedAtRuntimeTest {
    private static final String MATCHES = "✓ matches the write model";

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
    void each_is_added_from_the_menu_with_a_lane_and_a_panel_that_tells_its_stale_rows(FxRobot robot) throws Exception {
        // given a history from before any of them runs
        ui.submit(new RegisterCustomer("c-1", "Ada Lovelace"));
        ui.submit(order("o-1"));
        ui.submit(new PayOrder("o-1"));
        int next = 2;
        assertThat(ReadModels.addedAtRuntime()).isNotEmpty();

        for (ReadModelModule<?> m : ReadModels.addedAtRuntime()) {
            String name = m.name();
            // when the learner adds it from the ☰ menu
            robot.clickOn("#main-menu");
            robot.clickOn("Add projection " + name);

            // then its lane and its panel appear, with the rows it caught up on from history
            waitUntil(5, () -> robot.lookup("#lane-" + name).tryQuery().isPresent());
            waitUntil(5, () -> rows(robot, name) > 0 && MATCHES.equals(summary(robot, name)));
            assertThat(fx(() -> menuItem(robot, name).isDisable())).as("its menu item, once it runs").isTrue();
            assertThat(fx(() -> robot.lookup("#add-projection-" + name).query().isVisible())).isFalse();
            assertThat(fx(() -> robot.lookup("#read-model-" + name).query().getStyle())).contains(m.display().colourHex());

            // when it falls behind while an order is placed and cancelled
            ui.engine.projector(name).pause();
            String orderId = "o-" + next++;
            ui.submit(order(orderId));
            ui.submit(new CancelOrder(orderId, "changed mind"));

            // then its panel says it no longer matches the write model
            waitUntil(5, () -> summary(robot, name).startsWith("⚠"));

            // and once it resumes it catches up and matches again
            ui.engine.projector(name).resume();
            waitUntil(5, () -> MATCHES.equals(summary(robot, name)));
        }
    }

    private static PlaceOrder order(String orderId) {
        return new PlaceOrder(orderId, "c-1", List.of(new OrderLine("BOOK-1", 2, new BigDecimal("12.50"))));
    }

    private static int rows(FxRobot robot, String name) {
        return robot.lookup("#table-" + name).tryQuery().map(n -> ((TableView<?>) n).getItems().size()).orElse(0);
    }

    private static String summary(FxRobot robot, String name) {
        return robot.lookup("#stale-summary-" + name).tryQuery().map(n -> ((Label) n).getText()).orElse("");
    }

    private static MenuItem menuItem(FxRobot robot, String name) {
        MenuButton menu = robot.lookup("#main-menu").query();
        return menu.getItems().stream().filter(i -> ("Add projection " + name).equals(i.getText())).findFirst()
                .orElseThrow();
    }
}
