package io.cqrsflow.ui;

import io.cqrsflow.read.ProjectionNames;
import io.cqrsflow.ui.readmodel.ReadModelPanel;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;
import java.util.Map;

import static io.cqrsflow.ui.UiFixture.fx;
import static io.cqrsflow.ui.UiFixture.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * At 1280 × 800 three read models of five rows do not all fit with room for five rows each: the oldest folds, says so, and opens
 * with one click (the column then scrolls); the one added last never folds; presenter mode folds the
 * commands column to a strip that opens with one click too.
 */
@ExtendWith(ApplicationExtension.class)
class PanelFoldTest {
    @TempDir
    Path dir;

    private UiFixture ui;

    @Start
    void start(Stage stage) {
        ui = UiFixture.start(stage, dir, Map.of());
    }

    @AfterEach
    void close() {
        fx(() -> {
            ui.view.presenterModeProperty().set(false);
            return null;
        });
        ui.close();
    }

    @Test
    void a_folded_panel_says_so_and_opens_with_one_click(FxRobot robot) throws Exception {
        // given five rows in each read model, and a third read model added at runtime
        ui.fiveCustomersWithAnOrderEach();
        ui.engine.addProjection(ProjectionNames.SALES_BY_CUSTOMER, 0);
        waitUntil(10, () -> ui.view.readModels().panel(ProjectionNames.SALES_BY_CUSTOMER) != null);

        // then the oldest folds to make room, and says so; the newest stays open
        ReadModelPanel<?> orders = fx(() -> ui.view.readModels().orderList());
        waitUntil(5, () -> orders.foldedProperty().get());
        assertThat(fx(() -> about(orders).getText())).contains("folded").contains("click to open");
        assertThat(fx(() -> ui.view.readModels().panel(ProjectionNames.SALES_BY_CUSTOMER).foldedProperty().get()))
                .isFalse();

        // when it is clicked
        robot.clickOn(about(orders));

        // then it opens, and stays open: the column scrolls to show everything
        waitUntil(5, () -> !orders.foldedProperty().get() && orders.table().isVisible());
        Thread.sleep(300);
        assertThat(fx(() -> orders.foldedProperty().get())).isFalse();
        assertThat(fx(() -> ClippedText.tablesShowingFewerThan(5, ui.view))).isEmpty();
    }

    @Test
    void presenter_mode_at_1280_folds_the_commands_column_to_a_strip_that_opens_it(FxRobot robot)
            throws Exception {
        fx(() -> {
            ui.view.presenterModeProperty().set(true);
            return null;
        });
        waitUntil(5, () -> ui.view.lookup("#open-commands") != null);
        Node strip = fx(() -> ui.view.lookup("#open-commands"));
        assertThat(fx(() -> ui.view.commands().getScene())).isNull(); // folded away, not squeezed

        robot.clickOn(strip);

        waitUntil(5, () -> ui.view.commands().getScene() != null && strip.getScene() == null);
    }

    private static Label about(ReadModelPanel<?> panel) {
        for (Node n : panel.lookupAll(".read-model-queries")) {
            return (Label) n;
        }
        throw new AssertionError("no description line");
    }
}
