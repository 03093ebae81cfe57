package io.cqrsflow.ui;

import io.cqrsflow.domain.CustomerRegistered;
import io.cqrsflow.domain.Event;
import io.cqrsflow.domain.OrderLine;
import io.cqrsflow.domain.OrderPlaced;
import io.cqrsflow.domain.PayOrder;
import io.cqrsflow.domain.Streams;
import io.cqrsflow.eventstore.EventCodec;
import io.cqrsflow.eventstore.EventMetadata;
import io.cqrsflow.eventstore.SqliteEventStore;
import io.cqrsflow.eventstore.SqliteFiles;
import io.cqrsflow.flow.Engine;
import io.cqrsflow.read.OrderSummary;
import io.cqrsflow.read.ProjectionNames;
import io.cqrsflow.read.ProjectorState;
import io.cqrsflow.read.ReadModelReading;
import io.cqrsflow.read.ReadModelsSnapshot;
import io.cqrsflow.read.RowWindow;
import io.cqrsflow.read.orderlist.OrderListModule;
import io.cqrsflow.ui.flow.LaneView;
import io.cqrsflow.ui.readmodel.ReadModelPanel;
import io.cqrsflow.write.CommandResult;
import javafx.scene.control.Label;
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

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.cqrsflow.ui.UiFixture.fx;
import static io.cqrsflow.ui.UiFixture.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A read model of 10 000 rows in a real read.db, shown by the real panel: scrolled to the middle and to the
 * end it shows the right rows, holds only a window of them, tints the stale ones there, and its count line
 * says what a whole fold of the log says.
 */
@ExtendWith(ApplicationExtension.class)
class ReadModelPagingTest {
    private static final String LIST = ProjectionNames.ORDER_LIST;
    private static final int ORDERS = 10_000;

    @TempDir
    Path dir;

    private UiFixture ui;

    @Start
    void start(Stage stage) throws Exception {
        writeOrders(dir.resolve(Engine.EVENTS_FILE), ORDERS);
        ui = UiFixture.start(stage, dir, Map.of());
    }

    @AfterEach
    void close() {
        ui.close();
    }

    @Test
    void ten_thousand_rows_scrolled_to_the_middle_and_the_end(FxRobot robot) throws Exception {
        // given: every order projected, then the order list paused and two orders paid behind its back
        waitUntil(60, () -> total() == ORDERS && ui.view.model().statuses().get(LIST).eventsBehind() == 0);
        pause();
        assertThat(ui.submit(new PayOrder("o-5000"))).isInstanceOf(CommandResult.Accepted.class);
        assertThat(ui.submit(new PayOrder("o-9990"))).isInstanceOf(CommandResult.Accepted.class);
        waitUntil(10, () -> summary(robot).equals("⚠ 2 stale rows"));

        // when: scrolled to the middle
        fx(() -> {
            table().scrollTo(4_990);
            return null;
        });
        // then: the rows on screen are the rows at those places, o-5000 tinted with its truth, no other
        waitUntil(10, () -> allShown(4_990, 5_000));
        assertRowsOnScreen(robot, "o-5000");

        // when: scrolled to the end
        fx(() -> {
            table().scrollTo(ORDERS - 1);
            return null;
        });
        waitUntil(10, () -> allShown(ORDERS - 3, ORDERS - 1));
        assertRowsOnScreen(robot, "o-9990");

        // and the count line is the whole fold's count, the table as long as the read model
        ReadModelReading<OrderSummary> whole = ui.engine.readSide().readModels().reading(new OrderListModule());
        assertThat(whole.rows()).hasSize(ORDERS);
        assertThat(whole.staleRows()).isEqualTo(2);
        assertThat(summary(robot)).isEqualTo("⚠ " + Human.count(whole.staleRows(), "stale row"));
        assertThat(fx(() -> table().getItems().size())).isEqualTo(ORDERS);

        // and the event table's "#" column shows five-digit positions whole: it widens with the head's digits
        List<String> cut = fx(() -> ClippedText.in(ui.view.eventTable()));
        assertThat(cut).noneMatch(found -> found.matches(".* of \"\\d+\"$"));
        assertThat(fx(() -> ui.view.eventTable().table().getItems().get(0).position())).isGreaterThan(10_000);
    }

    /**
     * Every row on screen is the row at its place, tinted as it should be. A reading asked for before the
     * table's layout caught up with a scroll can land after the one for the new place and blank those places
     * until the next frame asks again: so this waits (10 s at most) for the screen to settle, then asserts.
     */
    private void assertRowsOnScreen(FxRobot robot, String staleId) {
        List<String> wrong = rowsOnScreenWrong(robot, staleId);
        long until = System.nanoTime() + 10_000_000_000L;
        while (!wrong.isEmpty() && System.nanoTime() < until) {
            org.testfx.util.WaitForAsyncUtils.sleep(100, java.util.concurrent.TimeUnit.MILLISECONDS);
            wrong = rowsOnScreenWrong(robot, staleId);
        }
        assertThat(wrong).isEmpty();
    }

    private List<String> rowsOnScreenWrong(FxRobot robot, String staleId) {
        return fx(() -> {
            List<String> w = new ArrayList<>();
            ReadModelPanel<OrderSummary> panel = panel();
            int shown = 0;
            for (TableRow<?> r : robot.lookup("#table-" + LIST + " .table-row-cell").queryAllAs(TableRow.class)) {
                if (!r.isVisible() || r.isEmpty() || r.getIndex() < 0) {
                    continue;
                }
                OrderSummary row = (OrderSummary) r.getItem();
                if (row == null || !row.orderId().equals("o-" + r.getIndex())) {
                    w.add("place " + r.getIndex() + " shows " + (row == null ? "nothing" : row.orderId()));
                    continue;
                }
                shown++;
                boolean stale = row.orderId().equals(staleId);
                if ((panel.staleness(row) != null) != stale || r.getPseudoClassStates().stream()
                        .anyMatch(p -> p.getPseudoClassName().equals("stale")) != stale) {
                    w.add(row.orderId() + " tinted wrongly");
                }
                if (stale && !r.getTooltip().getText().contains("truth is paid")) {
                    w.add(row.orderId() + " tooltip: " + r.getTooltip().getText());
                }
            }
            if (shown < ReadModelPanel.ROWS_SHOWN) {
                w.add("only " + shown + " rows on screen");
            }
            // the panel holds a window of rows, never the table
            if (panel.rowsHeld() > 2 * RowWindow.MOST) {
                w.add("holds " + panel.rowsHeld() + " rows");
            }
            return w;
        });
    }

    private boolean allShown(int from, int to) {
        for (int i = from; i <= to; i++) {
            OrderSummary row = table().getItems().get(i);
            if (row == null || !row.orderId().equals("o-" + i) || panel().staleness(row) == null
                    && (row.orderId().equals("o-5000") || row.orderId().equals("o-9990"))) {
                return false;
            }
        }
        return true;
    }

    private long total() {
        ReadModelsSnapshot read = ui.view.model().readModelsProperty().get();
        return read.compared(LIST) ? read.readings().get(LIST).total() : -1;
    }

    private void pause() throws Exception {
        fx(() -> {
            List<LaneView> lanes = ui.view.flow().lanes();
            for (int i = 0; i < lanes.size(); i++) {
                if (lanes.get(i).projectorName().equals(LIST)) {
                    ui.view.flow().togglePause(i + 1);
                }
            }
            return null;
        });
        waitUntil(5, () -> ui.view.model().statuses().get(LIST).state() == ProjectorState.PAUSED);
    }

    private String summary(FxRobot robot) {
        return fx(() -> robot.lookup("#stale-summary-" + LIST).<Label>query().getText());
    }

    @SuppressWarnings("unchecked")
    private ReadModelPanel<OrderSummary> panel() {
        return (ReadModelPanel<OrderSummary>) ui.view.readModels().orderList();
    }

    private TableView<OrderSummary> table() {
        return panel().table();
    }

    /**
     * An events.db of one customer and {@code orders} pending orders o-0, o-1, …: made by the store (its schema
     * and marks), the rows written in one transaction — 10 000 durable appends would take the disk's time,
     * not the test's. The store's scan at the engine's open checks every row.
     */
    private static void writeOrders(Path file, int orders) throws Exception {
        SqliteEventStore.open(file, Clock.systemUTC()).close();
        EventCodec codec = new EventCodec();
        String meta = codec.encodeMetadata(EventMetadata.forCommand("paging-test"));
        String at = SqliteFiles.formatInstant(Instant.parse("2026-01-01T00:00:00Z"));
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement s = c.createStatement();
             PreparedStatement insert = c.prepareStatement("INSERT INTO events(position, stream_id, stream_version, type,"
                     + " data, metadata, recorded_at) VALUES (?,?,?,?,?,?,?)")) {
            s.execute("BEGIN IMMEDIATE");
            long position = 0;
            List<Event> events = new ArrayList<>();
            events.add(new CustomerRegistered("c-1", "Ada Lovelace"));
            for (int i = 0; i < orders; i++) {
                events.add(new OrderPlaced("o-" + i, "c-1", List.of(new OrderLine("BOOK-1", 1, new BigDecimal("5.00"))),
                        new BigDecimal("5.00")));
            }
            for (Event e : events) {
                insert.setLong(1, ++position);
                insert.setString(2, e instanceof OrderPlaced p ? Streams.order(p.orderId()) : Streams.customer("c-1"));
                insert.setLong(3, 1);
                insert.setString(4, e.type());
                insert.setString(5, codec.encode(e));
                insert.setString(6, meta);
                insert.setString(7, at);
                insert.executeUpdate();
            }
            s.execute("COMMIT");
        }
    }
}
