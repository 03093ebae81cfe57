package io.cqrsflow.ui;

import io.cqrsflow.domain.CancelOrder;
import io.cqrsflow.domain.OrderLine;
import io.cqrsflow.domain.PayOrder;
import io.cqrsflow.domain.PlaceOrder;
import io.cqrsflow.domain.RegisterCustomer;
import io.cqrsflow.read.OrderSummary;
import io.cqrsflow.read.ProjectionNames;
import io.cqrsflow.read.ProjectorState;
import io.cqrsflow.read.ProjectorStatus;
import io.cqrsflow.read.ReadModelsSnapshot;
import io.cqrsflow.ui.flow.LaneView;
import io.cqrsflow.ui.readmodel.ReadModelPanel;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.cqrsflow.ui.UiFixture.fx;
import static io.cqrsflow.ui.UiFixture.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * One truth per frame: a lagging order-list projector is driven through its states (behind with stale
 * rows, paused, stepped, caught up), and in each frame looked at, every staleness indicator — the row
 * tints and tooltips, the panel's line and figures, the lane's figures and state, the lag chart — is
 * checked against the one reading the rows came from.
 */
@ExtendWith(ApplicationExtension.class)
class OneTruthTest {
    private static final String LIST = ProjectionNames.ORDER_LIST;

    @TempDir
    Path dir;

    private UiFixture ui;

    @Start
    void start(Stage stage) {
        ui = UiFixture.start(stage, dir, Map.of(LIST, 1500L));
    }

    @AfterEach
    void close() {
        ui.close();
    }

    @Test
    void every_indicator_agrees_with_the_reading_in_every_frame(FxRobot robot) throws Exception {
        List<String> seen = new ArrayList<>();
        // watch every frame while the projector goes through its states
        Runnable stop = fx(() -> ui.view.model().onFrame(() -> seen.add(disagreement(robot))));
        ui.submit(new RegisterCustomer("c-1", "Ada Lovelace"));
        ui.submit(new PlaceOrder("o-1", "c-1", List.of(new OrderLine("BOOK-1", 1, new BigDecimal("5.00")))));
        ui.submit(new PayOrder("o-1"));
        waitUntil(5, () -> behindNow() > 0 && !stale().isEmpty());

        int lane = fx(this::laneNumber);
        fx(() -> {
            ui.view.flow().togglePause(lane);
            return null;
        });
        waitUntil(5, () -> ui.view.model().statuses().get(LIST).state() == ProjectorState.PAUSED);
        ui.submit(new CancelOrder("o-1", "changed mind"));
        waitUntil(5, () -> ui.view.model().readModelsProperty().get().truth().get("o-1").status().name().equals("CANCELLED"));
        fx(() -> {
            ui.view.flow().step(lane);
            return null;
        });
        waitUntil(5, () -> behindNow() < 4 && behindNow() > 0);
        fx(() -> {
            ui.view.flow().togglePause(lane);
            return null;
        });
        waitUntil(10, () -> behindNow() == 0 && stale().isEmpty()
                && ui.view.model().statuses().get(LIST).state() == ProjectorState.CAUGHT_UP);
        fx(() -> {
            stop.run();
            return null;
        });

        assertThat(seen).hasSizeGreaterThan(20);
        assertThat(seen.stream().filter(s -> !s.isEmpty()).distinct()).isEmpty();
    }

    private int laneNumber() {
        List<LaneView> lanes = ui.view.flow().lanes();
        for (int i = 0; i < lanes.size(); i++) {
            if (lanes.get(i).projectorName().equals(LIST)) {
                return i + 1;
            }
        }
        throw new AssertionError("no lane for " + LIST);
    }

    private long behindNow() {
        ReadModelsSnapshot.Progress p = ui.view.model().readModelsProperty().get().progress(LIST);
        return p == null ? -1 : p.eventsBehind();
    }

    private Map<String, ?> stale() {
        return ui.view.model().readModelsProperty().get().readings().get(LIST).stale();
    }

    /** Empty when every indicator on screen agrees with the reading; else what disagreed. Runs on the FX thread. */
    @SuppressWarnings("unchecked")
    private String disagreement(FxRobot robot) {
        FlowModel model = ui.view.model();
        ReadModelsSnapshot read = model.readModelsProperty().get();
        ReadModelsSnapshot.Progress p = read.progress(LIST);
        ProjectorStatus shown = model.statuses().get(LIST);
        ReadModelPanel<OrderSummary> panel = (ReadModelPanel<OrderSummary>) ui.view.readModels().orderList();
        String summary = robot.lookup("#stale-summary-" + LIST).<Label>query().getText();
        if (p == null) {
            return summary.contains("matches") ? "\"matches\" before any comparison: " + summary : "";
        }
        String laneFigures = robot.lookup("#lane-behind-" + LIST).<Label>query().getText();
        String panelFigures = robot.lookup("#figures-" + LIST).<Label>query().getText();
        String laneState = robot.lookup("#lane-state-" + LIST).<Label>query().getText();
        long behind = p.eventsBehind();
        int staleRows = read.readings().get(LIST).stale().size();
        List<String> wrong = new ArrayList<>();
        if (shown.checkpoint() != p.checkpoint() || shown.eventsBehind() != behind) {
            wrong.add("status " + shown.checkpoint() + "/" + shown.eventsBehind() + " vs reading " + p);
        }
        String expectedFigures = behind == 0 ? "caught up · #" + Human.count(p.checkpoint())
                : Human.count(behind) + " behind";
        // the labels are set on the frame pulse; a frame listener may run before or after them
        if (!laneFigures.startsWith(expectedFigures)) {
            wrong.add("lane says " + laneFigures + ", reading " + expectedFigures);
        }
        if (!panelFigures.startsWith(expectedFigures)) {
            wrong.add("panel says " + panelFigures + ", reading " + expectedFigures);
        }
        if (laneState.equals("caught up") != (behind == 0) && shown.state() != ProjectorState.PAUSED) {
            wrong.add("lane state " + laneState + " with " + behind + " behind");
        }
        if (summary.startsWith("✓") != (staleRows == 0 && read.readings().get(LIST).missing() == 0)
                || summary.contains("checking")) {
            wrong.add("panel line " + summary + " with " + staleRows + " stale rows");
        }
        TableView<OrderSummary> table = panel.table();
        for (OrderSummary row : table.getItems()) {
            boolean tinted = panel.staleness(row) != null;
            if (tinted != read.readings().get(LIST).stale().containsKey(row.orderId())) {
                wrong.add("row " + row.orderId() + " tinted=" + tinted);
            }
        }
        long chart = ui.view.lagChart().latest(LIST);
        if (chart != -1 && chart != behind) {
            wrong.add("lag chart " + chart + " vs " + behind);
        }
        return String.join("; ", wrong);
    }
}
