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
        double usualMin = fx(() -> dataColumn().getMinWidth());
        assertThat(usualMin).isGreaterThanOrEqualTo(30); // and as wide as its header
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
        waitUntil(5, () -> dataColumn().getMinWidth() > usualMin);
        assertThat(fx(() -> dataColumn().getMinWidth())).isGreaterThanOrEqualTo(30 * 23 / 14.0);
        assertThat(fx(lane::getPrefHeight)).isCloseTo(34 * 23 / 14.0 * 0.85, within(0.01));

        // and back
        fx(() -> {
            ui.view.presenterModeProperty().set(false);
            return null;
        });
        waitUntil(5, () -> speed.getFont().getSize() == 14 && dataColumn().getMinWidth() == usualMin);
    }

    @Test
    void leaving_presenter_mode_gives_every_table_cell_and_lane_title_the_usual_font_back(FxRobot robot)
            throws Exception {
        // given rows in the tables and the usual sizes
        ui.submit(new io.cqrsflow.domain.RegisterCustomer("c-1", "Ada Lovelace"));
        ui.submit(new io.cqrsflow.domain.PlaceOrder("o-1", "c-1", List.of(new io.cqrsflow.domain.OrderLine("BOOK-1", 1,
                new java.math.BigDecimal("12.50")))));
        waitUntil(5, () -> ui.view.readModels().orderList().table().getItems().size() == 1);
        java.util.Set<Double> usual = fx(this::fontSizes);
        assertThat(usual).isNotEmpty().allMatch(size -> size < 17);

        // when presenter mode goes on and off again
        fx(() -> {
            ui.view.presenterModeProperty().set(true);
            return null;
        });
        waitUntil(5, () -> fontSizes().stream().allMatch(size -> size > 17));
        fx(() -> {
            ui.view.presenterModeProperty().set(false);
            return null;
        });

        // then no cell or title keeps the presenter font
        waitUntil(5, () -> fontSizes().equals(usual));
    }

    /** The font sizes of the lane titles and of the visible cells of the read-model tables. */
    private java.util.Set<Double> fontSizes() {
        ui.view.applyCss();
        ui.view.layout();
        java.util.Set<Double> sizes = new java.util.TreeSet<>();
        for (String selector : List.of(".lane-title", ".read-model-table .table-cell", ".read-model-title")) {
            for (Node n : ui.view.lookupAll(selector)) {
                if (n instanceof javafx.scene.control.Labeled l && n.isVisible() && l.getText() != null
                        && !l.getText().isEmpty()) {
                    sizes.add(Math.round(l.getFont().getSize() * 10) / 10.0);
                }
            }
        }
        return sizes;
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
