package io.cqrsflow.ui;

import io.cqrsflow.scenario.Scenario;
import io.cqrsflow.scenario.ScenarioLibrary;
import io.cqrsflow.ui.lesson.LessonFeed;
import io.cqrsflow.ui.readmodel.ReadModelPanel;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.Map;

import static io.cqrsflow.ui.UiFixture.fx;
import static io.cqrsflow.ui.UiFixture.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * At 1280 × 800, the classroom projector: with a lesson's caption up both read models stay open side by side
 * (the point of the app), each with room for five rows — the caption's note talks about both; with a third
 * read model, the one that lags stays open rather than the oldest, and panels do not swap as lags change.
 */
@ExtendWith(ApplicationExtension.class)
class LessonFitTest {
    @TempDir
    Path dir;

    private UiFixture ui;
    private ScenarioPlayerControls controls;

    @Start
    void start(Stage stage) {
        ui = UiFixture.start(stage, dir, Map.of());
    }

    @AfterEach
    void close() {
        if (controls != null) {
            controls.close();
        }
        ui.close();
    }

    @Test
    void both_read_models_stay_open_with_five_rows_while_a_caption_is_up(org.testfx.api.FxRobot robot) throws Exception {
        play("first-order");
        Label caption = fx(() -> (Label) ui.view.lookup("#lesson-caption"));
        waitUntil(60, () -> caption.getText().contains("Both say o-1 is pending"));
        WaitForAsyncUtils.waitForFxEvents(4);

        ReadModelPanel<?> list = fx(() -> ui.view.readModels().orderList());
        ReadModelPanel<?> detail = fx(() -> ui.view.readModels().panel(io.cqrsflow.read.ProjectionNames.ORDER_DETAIL));
        String heights = fx(() -> heights(ui.view.lookup("#read-side")));
        assertThat(fx(() -> list.foldedProperty().get())).as(heights).isFalse();
        assertThat(fx(() -> detail.foldedProperty().get())).as(heights).isFalse();
        assertThat(fx(() -> ClippedText.tablesShowingFewerThan(5, ui.view))).as(heights).isEmpty();
        // and the lag chart, folded (here by a click on its title), takes no more than its title's lines
        robot.clickOn(fx(() -> ui.view.lagChart().lookup(".panel-header")));
        WaitForAsyncUtils.waitForFxEvents(4);
        assertThat(fx(() -> ui.view.lagChart().foldedProperty().get())).isTrue();
        assertThat(fx(() -> ui.view.lagChart().getHeight())).as(heights).isLessThan(60);
    }

    @Test
    void both_read_models_stay_open_while_a_question_about_one_of_them_is_up() throws Exception {
        // the lagging-list lesson asks what the order list says while the list is paused and the detail is not
        playUntilAsked("lagging-list", "order list say", 90);
        WaitForAsyncUtils.waitForFxEvents(4);

        String heights = fx(() -> heights(ui.view.lookup("#read-side")));
        assertThat(fx(() -> ui.view.readModels().orderList().foldedProperty().get())).as(heights).isFalse();
        assertThat(fx(() -> ui.view.readModels().panel(io.cqrsflow.read.ProjectionNames.ORDER_DETAIL)
                .foldedProperty().get())).as(heights).isFalse();
        assertThat(fx(() -> ClippedText.tablesShowingFewerThan(5, ui.view))).as(heights).isEmpty();
    }

    @Test
    void the_lagging_list_stays_open_while_under_load_asks_about_it() throws Exception {
        // under-load asks what the order list says about o-200 while the list lags and the detail is in step;
        // with the question up only one table fits: it must be the list (the newest panel used to stay open)
        playUntilAsked("under-load", "What does order-list say", 120);
        // the situation asked about, as the window shows it: the list lags, the detail is in step (its reading
        // may still show it a few events behind for a moment after the question comes up)
        waitUntil(5, () -> ui.view.readModels().behind(ui.view.readModels().orderList())
                && !ui.view.readModels().behind(ui.view.readModels().panel(io.cqrsflow.read.ProjectionNames.ORDER_DETAIL)));
        WaitForAsyncUtils.waitForFxEvents(4);

        String heights = fx(() -> heights(ui.view.lookup("#read-side")));
        assertThat(fx(() -> ui.view.readModels().orderList().foldedProperty().get())).as(heights).isFalse();
        assertThat(fx(() -> ClippedText.tablesShowingFewerThan(5, ui.view))).as(heights).isEmpty();
    }

    @Test
    void a_lagging_read_model_stays_open_when_a_third_one_needs_room() throws Exception {
        // given five orders, then the order list paused and one event behind, the order detail in step
        ui.fiveCustomersWithAnOrderEach();
        ui.engine.client().pause(io.cqrsflow.read.ProjectionNames.ORDER_LIST).toCompletableFuture().get();
        ui.submit(new io.cqrsflow.domain.RegisterCustomer("c-6", "Ada Lovelace"));
        ReadModelPanel<?> list = fx(() -> ui.view.readModels().orderList());
        ReadModelPanel<?> detail = fx(() -> ui.view.readModels().panel(io.cqrsflow.read.ProjectionNames.ORDER_DETAIL));
        waitUntil(10, () -> ui.view.readModels().behind(list) && !ui.view.readModels().behind(detail));

        // when a third read model is added at 1280 x 800 (three do not fit with five rows each)
        ui.engine.addProjection(io.cqrsflow.read.ProjectionNames.SALES_BY_CUSTOMER, 0);
        waitUntil(10, () -> ui.view.readModels().panel(io.cqrsflow.read.ProjectionNames.SALES_BY_CUSTOMER) != null);
        waitUntil(5, () -> detail.foldedProperty().get() || list.foldedProperty().get());
        WaitForAsyncUtils.waitForFxEvents(4);

        // then the one in step folds, and the one that lags (the thing to watch) stays open
        String heights = fx(() -> heights(ui.view.lookup("#read-side")));
        assertThat(fx(() -> detail.foldedProperty().get())).as(heights).isTrue();
        assertThat(fx(() -> list.foldedProperty().get())).as(heights).isFalse();

        // and when the list catches up, the panels do not swap
        ui.engine.client().resume(io.cqrsflow.read.ProjectionNames.ORDER_LIST).toCompletableFuture().get();
        waitUntil(10, () -> !ui.view.readModels().behind(list));
        fx(() -> {
            ((ReadSideColumn) ui.view.lookup("#read-side")).fit(); // as any change of rows or size would
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents(4);
        assertThat(fx(() -> list.foldedProperty().get())).isFalse();
        assertThat(fx(() -> detail.foldedProperty().get())).isTrue();
    }

    @Test
    void when_both_lag_and_one_fits_the_one_lagging_most_stays_open() throws Exception {
        // given the order list three events behind and the order detail one
        ui.fiveCustomersWithAnOrderEach();
        ReadModelPanel<?> list = fx(() -> ui.view.readModels().orderList());
        ReadModelPanel<?> detail = fx(() -> ui.view.readModels().panel(io.cqrsflow.read.ProjectionNames.ORDER_DETAIL));
        ui.engine.client().pause(io.cqrsflow.read.ProjectionNames.ORDER_LIST).toCompletableFuture().get();
        ui.submit(new io.cqrsflow.domain.RegisterCustomer("c-6", "Ada Lovelace"));
        ui.submit(new io.cqrsflow.domain.RegisterCustomer("c-7", "Grace Hopper"));
        waitUntil(10, () -> ui.view.readModels().eventsBehind(list) == 2
                && ui.view.readModels().eventsBehind(detail) == 0);
        ui.engine.client().pause(io.cqrsflow.read.ProjectionNames.ORDER_DETAIL).toCompletableFuture().get();
        ui.submit(new io.cqrsflow.domain.RegisterCustomer("c-8", "Alan Turing"));
        waitUntil(10, () -> ui.view.readModels().eventsBehind(list) == 3
                && ui.view.readModels().eventsBehind(detail) == 1);

        // when the window gets so short that only one read model fits with five rows
        fx(() -> {
            ui.view.getScene().getWindow().setHeight(440);
            return null;
        });
        waitUntil(5, () -> detail.foldedProperty().get() || list.foldedProperty().get());
        WaitForAsyncUtils.waitForFxEvents(4);

        // then the list, three behind, stays open, not the newer detail, one behind
        String heights = fx(() -> heights(ui.view.lookup("#read-side")));
        assertThat(fx(() -> list.foldedProperty().get())).as(heights).isFalse();
        assertThat(fx(() -> detail.foldedProperty().get())).as(heights).isTrue();
    }

    /** Starts a built-in lesson at 4x in the window, as the lesson picker does. */
    private void play(String id) {
        Scenario lesson = new ScenarioLibrary().load(id);
        controls = new ScenarioPlayerControls(ui.engine.client(), new ScenarioLibrary(), lesson,
                p -> ui.view.lessonBar().show(p));
        controls.setLessonHost(null, true, new LessonFeed(s -> ui.view.lessonPanel().show(s)));
        fx(() -> {
            new LessonMode().wire(ui.view, controls, () -> { });
            controls.setSpeed(4);
            controls.play(lesson.name());
            return null;
        });
    }

    /**
     * Plays a built-in lesson at 4x in the window, going on past each note that waits for the teacher (as a
     * teacher would), until it asks a question containing {@code asked}.
     */
    private void playUntilAsked(String id, String asked, long seconds) throws Exception {
        play(id);
        waitUntil(seconds, () -> {
            Label ask = (Label) ui.view.lookup(".lesson-question-ask");
            boolean asking = ui.view.lookup("#lesson-question").isVisible();
            if (asking && ask.getText().contains(asked)) {
                return true;
            }
            Node go = ui.view.lookup("#lesson-continue");
            if (!asking && go instanceof javafx.scene.control.Button b && !b.isDisabled()) {
                b.fire();
            }
            return false;
        });
    }

    /** The read side's boxes with their heights, least heights and viewport: what to look at if it fails. */
    private static String heights(Node n) {
        StringBuilder b = new StringBuilder();
        walk(n, 0, b);
        return b.toString();
    }

    private static void walk(Node n, int depth, StringBuilder b) {
        if (depth > 4 || !n.isManaged()) {
            return;
        }
        b.append("\n").append("  ".repeat(depth)).append(n.getClass().getSimpleName())
                .append(n.getId() == null ? "" : "#" + n.getId())
                .append(" h=").append(Math.round(n.getLayoutBounds().getHeight()))
                .append(" min=").append(Math.round(n.minHeight(-1)))
                .append(" pref=").append(Math.round(n.prefHeight(-1)));
        if (n instanceof javafx.scene.control.ScrollPane s) {
            b.append(" viewport=").append(Math.round(s.getViewportBounds().getHeight()));
            walk(s.getContent(), depth + 1, b);
        } else if (n instanceof Parent p && !(n instanceof javafx.scene.control.Control)) {
            for (Node c : p.getChildrenUnmodifiable()) {
                walk(c, depth + 1, b);
            }
        }
    }
}
