package io.cqrsflow.ui;

import io.cqrsflow.domain.OrderLine;
import io.cqrsflow.domain.PlaceOrder;
import io.cqrsflow.scenario.ScenarioLibrary;
import io.cqrsflow.write.CommandResult;
import javafx.scene.control.ComboBox;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static io.cqrsflow.ui.UiFixture.fx;
import static org.assertj.core.api.Assertions.assertThat;

/** Quit, a remembered folder that is gone, the message for an order without a customer, the picker's mouse. */
@ExtendWith(ApplicationExtension.class)
class SmallThingsTest {
    @TempDir
    Path dir;

    private UiFixture ui;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        ui = UiFixture.start(stage, dir, Map.of());
    }

    @AfterEach
    void close() {
        ui.close();
    }

    @Test
    void quit_is_in_the_menu_and_the_shortcuts_and_closes_the_window(FxRobot robot) {
        MenuButton menu = robot.lookup("#main-menu").query();
        MenuItem quit = fx(() -> menu.getItems().stream().filter(i -> "Quit".equals(i.getText())).findFirst().orElseThrow());
        assertThat(fx(quit::getAccelerator)).isEqualTo(io.cqrsflow.ui.shell.WindowShortcuts.QUIT);
        assertThat(ui.view.shortcuts().helpRows()).anySatisfy(r -> assertThat(r.toString()).contains("Ctrl+Q"));

        robot.press(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.Q)
                .release(javafx.scene.input.KeyCode.Q, javafx.scene.input.KeyCode.CONTROL);
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();

        assertThat(fx(() -> stage.isShowing())).isFalse();
        fx(() -> {
            stage.show(); // for the fixture's own closing
            return null;
        });
    }

    @Test
    void a_remembered_folder_that_is_gone_falls_back_to_the_default_with_a_notice() throws Exception {
        Path gone = dir.resolve("usb-stick/lesson");
        Path fallback = dir.resolve("default");

        CqrsFlowApp.DataDirChoice choice = CqrsFlowApp.chooseDataDir(null, gone.toString(), fallback);

        assertThat(choice.dir()).isEqualTo(fallback);
        assertThat(choice.notice()).contains(gone.toString()).contains("no longer exists").contains(fallback.toString());
        assertThat(Files.exists(gone)).isFalse();
        Files.createDirectories(gone);
        assertThat(CqrsFlowApp.chooseDataDir(null, gone.toString(), fallback)).isEqualTo(new CqrsFlowApp.DataDirChoice(gone, null));
        assertThat(CqrsFlowApp.chooseDataDir(fallback, gone.toString(), dir).dir()).isEqualTo(fallback);
    }

    @Test
    void an_order_without_a_customer_says_so_in_one_space() throws Exception {
        CommandResult r = ui.submit(new PlaceOrder("o-1", "", List.of(new OrderLine("BOOK-1", 1, new BigDecimal("1.00")))));

        assertThat(r).isInstanceOf(CommandResult.Rejected.class);
        assertThat(((CommandResult.Rejected) r).message()).doesNotContain("  ").endsWith("no customer was given");
    }

    @Test
    void a_scenario_picked_with_the_mouse_is_selected(FxRobot robot) {
        fx(() -> {
            ui.view.toolbar().setScenarioControls(new ScenarioPlayerControls(ui.engine.client(), new ScenarioLibrary(),
                    null, ui.view.lessonBar()::show));
            return null;
        });
        ComboBox<String> picker = robot.lookup("#scenario-picker").query();
        String last = fx(() -> picker.getItems().get(picker.getItems().size() - 1));
        assertThat(fx(picker::getValue)).isNotEqualTo(last);

        robot.clickOn(picker);
        robot.clickOn(last);

        assertThat(fx(picker::getValue)).isEqualTo(last);
    }
}
