package io.cqrsflow.ui;

import javafx.scene.control.ComboBox;
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
import static org.assertj.core.api.Assertions.assertThat;

/** {@code --speed} reaches the window: the picker shows it (added when it is not one of its steps) and sets it. */
@ExtendWith(ApplicationExtension.class)
class SpeedOptionTest {
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
    void a_speed_given_on_the_command_line_is_the_pickers_and_the_animations(FxRobot robot) {
        @SuppressWarnings("unchecked")
        ComboBox<Double> picker = robot.lookup("#speed").query();

        fx(() -> {
            ui.view.toolbar().setSpeed(4.0);
            return null;
        });
        assertThat(fx(picker::getValue)).isEqualTo(4.0);
        assertThat(fx(() -> ui.view.model().speedProperty().get())).isEqualTo(4.0);

        fx(() -> {
            ui.view.toolbar().setSpeed(0.1);
            return null;
        });
        assertThat(fx(() -> picker.getConverter().toString(picker.getValue()))).isEqualTo("0.1×");
        assertThat(fx(() -> picker.getItems().get(0))).as("in order, slowest first").isEqualTo(0.1);
        assertThat(fx(() -> ui.view.model().speedProperty().get())).isEqualTo(0.1);
    }
}
