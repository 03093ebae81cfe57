package io.cqrsflow.ui;

import io.cqrsflow.ui.shell.Shortcuts;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.cqrsflow.ui.UiFixture.fx;
import static io.cqrsflow.ui.UiFixture.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The F1 help and the keys the window answers come from one table, so they cannot drift apart. */
@ExtendWith(ApplicationExtension.class)
class ShortcutsTest {
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
    void every_row_of_the_help_is_a_key_the_window_answers_and_every_key_it_answers_is_in_the_help() {
        Shortcuts table = ui.view.shortcuts();
        Set<KeyCombination> onScene = fx(() -> new HashSet<>(ui.scene.getAccelerators().keySet()));

        // the help shows exactly the table's rows, in its order
        List<String> shown = fx(() -> ui.view.help().lookupAll(".help-key").stream()
                .map(n -> ((Label) n).getText()).toList());
        assertThat(shown).containsExactlyElementsOf(table.rows().stream().map(Shortcuts.Row::keys).toList());

        // every row is bound on the scene, or is a key the controls answer themselves (Tab, arrows)
        for (Shortcuts.Row row : table.rows()) {
            if (row.byControls()) {
                assertThat(row.bindings()).as(row.keys()).isEmpty();
            } else {
                assertThat(row.bindings()).as(row.keys()).isNotEmpty();
                assertThat(onScene).as(row.keys())
                        .containsAll(row.bindings().stream().map(Shortcuts.Binding::keys).toList());
            }
        }
        // and every key on the scene (the export menu item's too) is one of the table's
        assertThat(table.combinations()).containsAll(onScene);
    }

    @Test
    void keys_from_the_table_do_what_the_help_says(FxRobot robot) throws Exception {
        // F1 opens the help, Esc closes it
        robot.push(KeyCode.F1);
        waitUntil(5, () -> ui.view.help().isVisible());
        robot.push(KeyCode.ESCAPE);
        waitUntil(5, () -> !ui.view.help().isVisible());

        // Ctrl+Shift+P and Ctrl+Shift+D switch presenter mode and the theme
        robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.P);
        waitUntil(5, () -> ui.view.presenterModeProperty().get());
        robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.D);
        waitUntil(5, () -> ui.view.darkProperty().get());
        robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.D);
        waitUntil(5, () -> !ui.view.darkProperty().get());

        // Ctrl+Minus slows the animation down
        robot.push(KeyCode.CONTROL, KeyCode.MINUS);
        waitUntil(5, () -> ui.view.model().speedProperty().get() == 0.5);
    }

    @Test
    void a_row_bound_to_nothing_or_a_key_bound_twice_is_refused_when_the_table_is_built() {
        assertThatThrownBy(() -> Shortcuts.builder().row("F9", "nothing yet").build())
                .hasMessageContaining("F9").hasMessageContaining("bound to nothing");
        assertThatThrownBy(() -> Shortcuts.builder()
                .row("F2", "one").on(Shortcuts.key(KeyCode.F2), () -> { })
                .row("F2 again", "two").on(Shortcuts.key(KeyCode.F2), () -> { })
                .build())
                .hasMessageContaining("bound twice");
    }
}
