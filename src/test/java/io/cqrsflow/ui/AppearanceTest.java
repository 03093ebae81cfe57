package io.cqrsflow.ui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.css.CssMetaData;
import javafx.css.Styleable;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static io.cqrsflow.ui.UiFixture.fx;
import static io.cqrsflow.ui.UiFixture.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Presenter mode and the dark theme are style classes on the window's root; the stylesheets, and the
 * views that draw their own text (canvases, table columns), follow from there.
 */
@ExtendWith(ApplicationExtension.class)
class AppearanceTest {
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
            ui.view.darkProperty().set(false);
            return null;
        });
        ui.close();
    }

    @Test
    void presenter_mode_makes_the_root_font_at_least_1_6_times_larger_and_what_is_drawn_grows_with_it(FxRobot robot)
            throws Exception {
        // given the usual size
        Label speed = robot.lookup(".toolbar-label").query();
        Region lane = robot.lookup(".lane-track").query();
        waitUntil(5, () -> speed.getFont().getSize() == 14);
        assertThat(fx(() -> ui.view.getStyleClass())).doesNotContain("presenter");
        assertThat(fx(() -> dataColumn().getMinWidth())).isEqualTo(30);
        assertThat(fx(lane::getPrefHeight)).isEqualTo(34);

        // when presenter mode is on
        fx(() -> {
            ui.view.presenterModeProperty().set(true);
            return null;
        });

        // then the root says so, text is 23 px (1.64 × 14), and the table columns and lanes grow with it
        assertThat(fx(() -> ui.view.getStyleClass())).contains("presenter");
        waitUntil(5, () -> speed.getFont().getSize() == 23);
        assertThat(23 / 14.0).isGreaterThanOrEqualTo(1.6);
        waitUntil(5, () -> dataColumn().getMinWidth() > 30);
        assertThat(fx(() -> dataColumn().getMinWidth())).isCloseTo(30 * 23 / 14.0, within(0.01));
        assertThat(fx(lane::getPrefHeight)).isCloseTo(34 * 23 / 14.0 * 0.85, within(0.01));

        // and back
        fx(() -> {
            ui.view.presenterModeProperty().set(false);
            return null;
        });
        waitUntil(5, () -> speed.getFont().getSize() == 14 && dataColumn().getMinWidth() == 30);
    }

    @Test
    void the_dark_theme_is_primer_dark_and_a_style_class_that_the_canvases_take_their_colours_from(FxRobot robot)
            throws Exception {
        Node chart = robot.lookup("#lag-chart").query();
        Node lane = robot.lookup(".lane-track").query();
        assertThat(Application.getUserAgentStylesheet()).isEqualTo(new PrimerLight().getUserAgentStylesheet());
        waitUntil(5, () -> Color.web("#57606a").equals(cssValue(chart, "-cf-chart-ink")));

        // when the theme is dark
        fx(() -> {
            ui.view.darkProperty().set(true);
            return null;
        });

        // then AtlantaFX's dark theme is on, the root says so, and the canvases' colours follow
        assertThat(Application.getUserAgentStylesheet()).isEqualTo(new PrimerDark().getUserAgentStylesheet());
        assertThat(fx(() -> ui.view.getStyleClass())).contains("dark");
        waitUntil(5, () -> Color.web("#c9d1d9").equals(cssValue(chart, "-cf-chart-ink"))
                && Color.web("#30363d").equals(cssValue(chart, "-cf-chart-grid"))
                && Color.web("#c9d1d9").equals(cssValue(lane, "-cf-lane-ink"))
                && Double.valueOf(0.16).equals(((Number) cssValue(lane, "-cf-lane-tint")).doubleValue()));
    }

    private TableColumn<?, ?> dataColumn() {
        List<? extends TableColumn<?, ?>> columns = ui.view.eventTable().table().getColumns();
        return columns.get(columns.size() - 1);
    }

    /** The value a node's CSS property has now. */
    @SuppressWarnings("unchecked")
    private static Object cssValue(Node node, String property) {
        for (CssMetaData<? extends Styleable, ?> m : node.getCssMetaData()) {
            if (m.getProperty().equals(property)) {
                return ((CssMetaData<Styleable, ?>) m).getStyleableProperty(node).getValue();
            }
        }
        throw new AssertionError(node + " has no CSS property " + property);
    }
}
