package io.cqrsflow.ui;

import io.cqrsflow.domain.RegisterCustomer;
import io.cqrsflow.flow.FlowSignal;
import io.cqrsflow.read.ProjectionNames;
import io.cqrsflow.ui.command.ResultLog;
import io.cqrsflow.ui.eventstore.EventRow;
import io.cqrsflow.write.CommandEnvelope;
import io.cqrsflow.write.CommandResult;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static io.cqrsflow.ui.UiFixture.fx;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A burst of commands: the result log, the event table and the forms' customers redraw a few times a second
 * (paced, in turns), not once per command or per frame — and nothing is dropped: once the window settles,
 * every result, every event and every customer is there. The event table keeps its rows (no rebuild of
 * every row and cell to redraw the marks).
 */
@ExtendWith(ApplicationExtension.class)
class PacedViewsTest {
    private static final int WARM_UP = 40;
    private static final int COMMANDS = 300;

    @TempDir
    Path dir;

    private UiFixture ui;

    @Start
    void start(Stage stage) {
        ui = UiFixture.start(stage, dir, Map.of(ProjectionNames.ORDER_LIST, 500L));
    }

    @AfterEach
    void close() {
        ui.close();
    }

    @Test
    void a_burst_is_drawn_a_few_times_a_second_and_nothing_is_dropped(FxRobot robot) throws Exception {
        // enough events to fill the event table's view, so the burst needs no new rows
        for (int i = 1; i <= WARM_UP; i++) {
            ui.submit(new RegisterCustomer("c-" + i, "Customer " + i));
        }
        fx(() -> ui.view.model().settle()).get(10, TimeUnit.SECONDS);
        TableView<EventRow> events = ui.view.eventTable().table();
        Set<Node> rowsBefore = fx(() -> rows(events));
        assertThat(rowsBefore).as("the event table shows rows").hasSizeGreaterThan(3);

        List<Long> logChanges = Collections.synchronizedList(new ArrayList<>());
        List<Long> customerChanges = Collections.synchronizedList(new ArrayList<>());
        List<Long> tableChanges = Collections.synchronizedList(new ArrayList<>());
        int[] signals = new int[1];
        fx(() -> {
            ui.view.commands().log().getItems().addListener((ListChangeListener<ResultLog.Entry>) c -> logChanges.add(System.nanoTime()));
            ui.view.model().customers().addListener((ListChangeListener<FlowModel.Customer>) c -> customerChanges.add(System.nanoTime()));
            events.getItems().addListener((ListChangeListener<EventRow>) c -> tableChanges.add(System.nanoTime()));
            ui.view.model().onSignal(s -> {
                if (s instanceof FlowSignal.CommandHandled) {
                    signals[0]++;
                }
            });
            return null;
        });

        List<CompletableFuture<CommandResult>> sent = new ArrayList<>();
        for (int i = WARM_UP + 1; i <= WARM_UP + COMMANDS; i++) {
            sent.add(ui.engine.submit(CommandEnvelope.of("paced-" + i, new RegisterCustomer("c-" + i, "Customer " + i))));
        }
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        fx(() -> ui.view.model().settle()).get(20, TimeUnit.SECONDS);

        // nothing dropped
        assertThat(fx(() -> signals[0])).as("every result reached the window").isEqualTo(COMMANDS);
        List<ResultLog.Entry> log = fx(() -> List.copyOf(ui.view.commands().log().getItems()));
        assertThat(log).as("the log keeps the latest " + ResultLog.KEPT).hasSize(ResultLog.KEPT);
        assertThat(log.get(0).headline()).contains("RegisterCustomer c-" + (WARM_UP + COMMANDS) + " ");
        assertThat(log.get(ResultLog.KEPT - 1).headline()).contains("RegisterCustomer c-" + (WARM_UP + 1) + " ");
        assertThat(fx(() -> events.getItems().size())).as("one row per event").isEqualTo(WARM_UP + COMMANDS);
        List<FlowModel.Customer> customers = fx(() -> List.copyOf(ui.view.model().customers()));
        assertThat(customers).hasSize(WARM_UP + COMMANDS);
        assertThat(customers.get(WARM_UP + COMMANDS - 1).id()).isEqualTo("c-" + (WARM_UP + COMMANDS));

        // paced: successive redraws at least the busy gap apart (less a little for the pulse's clock)
        assertGapsAtLeast(logChanges, "the result log");
        assertGapsAtLeast(customerChanges, "the forms' customers");
        assertGapsAtLeast(tableChanges, "the event table");
        assertThat(logChanges.size()).as("the log redrew far fewer times than commands came").isLessThan(COMMANDS / 5);

        // the rows the event table shows are the rows it had: moved and redrawn, not thrown away and rebuilt
        Set<Node> rowsAfter = fx(() -> rows(events));
        assertThat(rowsAfter).isNotEmpty();
        assertThat(rowsBefore).containsAll(rowsAfter);

        // a closed drop-down is filled when it opens
        ComboBox<String> customer = robot.lookup("#place-order-customer").query();
        fx(() -> {
            customer.show();
            return null;
        });
        assertThat(fx(() -> List.copyOf(customer.getItems()))).hasSize(WARM_UP + COMMANDS)
                .endsWith("c-" + (WARM_UP + COMMANDS));
        fx(() -> {
            customer.hide();
            return null;
        });
    }

    @Test
    void nothing_on_screen_is_drawn_through_a_cache_image(FxRobot robot) throws Exception {
        // the flow animates every frame and the read side's lines change a few times a second: a cached
        // viewport (a scroll pane's default) would be drawn again into its image and then to the window
        ui.submit(new RegisterCustomer("c-1", "Customer 1"));
        fx(() -> ui.view.model().settle()).get(10, TimeUnit.SECONDS);
        List<String> cached = fx(() -> {
            List<String> found = new ArrayList<>();
            cachedNodes(ui.view, found);
            return found;
        });
        assertThat(cached).as("nodes drawn through a cache image").isEmpty();
    }

    private static void cachedNodes(Node node, List<String> found) {
        if (!node.isVisible()) {
            return;
        }
        if (node.isCache()) {
            found.add(node.getClass().getName() + node.getStyleClass() + " in " + node.getParent());
        }
        if (node instanceof javafx.scene.Parent parent) {
            parent.getChildrenUnmodifiable().forEach(child -> cachedNodes(child, found));
        }
    }

    private static void assertGapsAtLeast(List<Long> changes, String what) {
        List<Long> at = new ArrayList<>(changes);
        assertThat(at).as(what + " redrew").isNotEmpty();
        for (int i = 1; i < at.size(); i++) {
            long gapMs = (at.get(i) - at.get(i - 1)) / 1_000_000;
            assertThat(gapMs).as(what + ": redraw " + i + " came " + gapMs + " ms after the one before")
                    .isGreaterThanOrEqualTo(Pace.BUSY_GAP_NANOS / 1_000_000 - 40);
        }
    }

    private static Set<Node> rows(TableView<?> table) {
        Set<Node> rows = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Node n : table.lookupAll(".table-row-cell")) {
            if (n instanceof TableRow<?> r && !r.isEmpty() && r.isVisible()) {
                rows.add(n);
            }
        }
        return rows;
    }
}
