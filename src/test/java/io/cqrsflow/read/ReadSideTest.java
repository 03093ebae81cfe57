package io.cqrsflow.read;

import io.cqrsflow.domain.CancelOrder;
import io.cqrsflow.domain.OrderLine;
import io.cqrsflow.domain.OrderStatus;
import io.cqrsflow.domain.PayOrder;
import io.cqrsflow.domain.PlaceOrder;
import io.cqrsflow.domain.RegisterCustomer;
import io.cqrsflow.domain.ShipOrder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static io.cqrsflow.read.ProjectionNames.ORDER_DETAIL;
import static io.cqrsflow.read.ProjectionNames.ORDER_LIST;
import static io.cqrsflow.read.ProjectionNames.SALES_BY_CUSTOMER;
import static io.cqrsflow.read.QuerySource.READ_MODEL;
import static io.cqrsflow.read.QuerySource.WRITE_MODEL;
import static org.assertj.core.api.Assertions.assertThat;

/** The read side as the app runs it: restarts, projections added at runtime, queries from either side, staleness. */
class ReadSideTest {
    @TempDir
    Path dir;

    private ReadSideFixture fixture;

    @AfterEach
    void close() {
        if (fixture != null) {
            fixture.close();
        }
    }

    private static PlaceOrder order(String orderId, String customerId, int quantity, String price) {
        return new PlaceOrder(orderId, customerId, List.of(new OrderLine("BOOK-1", quantity, new BigDecimal(price))));
    }

    private OrderQueries queries() {
        return fixture.readSide.queries();
    }

    @Test
    void onRestartEveryProjectorResumesFromItsStoredCheckpoint() {
        // given both read models caught up with three events
        fixture = new ReadSideFixture(dir).open();
        fixture.given(new RegisterCustomer("c-1", "Ada Lovelace"), order("o-1", "c-1", 2, "12.50"), new PayOrder("o-1"));
        fixture.runAll();
        fixture.closeReadSide();

        // when two more events are recorded while the read side is down, and it starts again
        fixture.given(new ShipOrder("o-1"), order("o-2", "c-1", 1, "3.20"));
        fixture.applied.clear();
        fixture.notices.clear();
        fixture.openReadSide();
        assertThat(fixture.readSide.projector(ORDER_LIST).status().checkpoint()).isEqualTo(3);
        fixture.runAll();

        // then each applies only the two new ones
        assertThat(fixture.appliedBy(ORDER_LIST)).containsExactly(4L, 5L);
        assertThat(fixture.appliedBy(ORDER_DETAIL)).containsExactly(4L, 5L);
        assertThat(fixture.readSide.allCaughtUp()).isTrue();
        assertThat(queries().listOrders(READ_MODEL)).isEqualTo(queries().listOrders(WRITE_MODEL));
        assertThat(fixture.notices).isEmpty();
    }

    @Test
    void aProjectionAddedAtRuntimeStartsAtZeroCatchesUpAndKeepsRunningAfterARestart() {
        // given a history from before sales-by-customer existed
        fixture = new ReadSideFixture(dir).open();
        fixture.given(new RegisterCustomer("c-1", "Ada Lovelace"), new RegisterCustomer("c-2", "Grace Hopper"),
                order("o-1", "c-1", 2, "12.50"), order("o-2", "c-2", 1, "9.90"), order("o-3", "c-1", 1, "3.20"),
                new CancelOrder("o-3", "changed mind"));
        fixture.runAll();
        assertThat(fixture.readSide.isRunning(SALES_BY_CUSTOMER)).isFalse();
        assertThat(fixture.readSide.sales().all()).isEmpty();

        // when it is added
        Projector sales = fixture.readSide.addProjection(SALES_BY_CUSTOMER, 0);
        assertThat(sales.status().checkpoint()).isZero();
        fixture.runAll();

        // then it replayed the whole history, in order
        assertThat(fixture.appliedBy(SALES_BY_CUSTOMER)).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
        assertThat(fixture.readSide.sales().all()).containsExactly(
                new CustomerSales("c-1", "Ada Lovelace", 2, new BigDecimal("25.00"), 1),
                new CustomerSales("c-2", "Grace Hopper", 1, new BigDecimal("9.90"), 0));
        assertThat(fixture.readSide.addProjection(SALES_BY_CUSTOMER, 0)).as("adding it again").isSameAs(sales);

        // when the app restarts and more happens
        fixture.closeReadSide();
        fixture.given(new PayOrder("o-2"), order("o-4", "c-2", 3, "1.00"));
        fixture.applied.clear();
        fixture.openReadSide();
        fixture.runAll();

        // then it runs again, from its checkpoint
        assertThat(fixture.readSide.isRunning(SALES_BY_CUSTOMER)).isTrue();
        assertThat(fixture.appliedBy(SALES_BY_CUSTOMER)).containsExactly(7L, 8L);
        assertThat(fixture.readSide.sales().all()).element(1)
                .isEqualTo(new CustomerSales("c-2", "Grace Hopper", 2, new BigDecimal("12.90"), 0));
    }

    @Test
    void aProjectionAddedAtRuntimeIsRestartedEvenIfTheAppStoppedBeforeItAppliedAnything() {
        // given sales-by-customer added with a delay, and the app stopped before the first event was due
        fixture = new ReadSideFixture(dir).open();
        fixture.given(new RegisterCustomer("c-1", "Ada Lovelace"), order("o-1", "c-1", 2, "12.50"));
        fixture.readSide.addProjection(SALES_BY_CUSTOMER, 5_000);
        fixture.advance(1_000);
        assertThat(fixture.appliedBy(SALES_BY_CUSTOMER)).isEmpty();
        fixture.closeReadSide();

        // when it starts again
        fixture.openReadSide();
        fixture.advance(1);

        // then the projection the user added is still there, and catches up
        assertThat(fixture.readSide.isRunning(SALES_BY_CUSTOMER)).isTrue();
        fixture.settle();
        assertThat(fixture.readSide.sales().all())
                .containsExactly(new CustomerSales("c-1", "Ada Lovelace", 1, new BigDecimal("25.00"), 0));
    }

    @Test
    void aLaggingListShowsTheStaleAnswerWhileTheWriteModelShowsTheTruth() {
        // given the list 2.5 s behind and the detail at once
        fixture = new ReadSideFixture(dir).openStore().openReadSide(Map.of(ORDER_LIST, 2_500L, ORDER_DETAIL, 0L));
        fixture.given(new RegisterCustomer("c-1", "Ada Lovelace"));
        fixture.advance(100);
        fixture.given(order("o-1", "c-1", 1, "12.50"));

        // when asked 200 ms later
        fixture.advance(200);

        // then the detail has o-1, the list does not, the write model does
        OrderDetails truth = queries().getOrderById("o-1", WRITE_MODEL).orElseThrow();
        assertThat(truth.status()).isEqualTo(OrderStatus.PENDING);
        assertThat(truth.customerName()).isEqualTo("Ada Lovelace");
        assertThat(truth.total()).isEqualByComparingTo("12.50");
        assertThat(queries().getOrderById("o-1", READ_MODEL)).contains(truth);
        assertThat(queries().listOrders(READ_MODEL)).isEmpty();
        assertThat(queries().getOrdersForCustomer("c-1", READ_MODEL)).isEmpty();
        assertThat(queries().listOrders(WRITE_MODEL)).containsExactly(truth.summary());
        assertThat(queries().getOrdersForCustomer("c-1", WRITE_MODEL)).containsExactly(truth.summary());

        // and the list's staleness is measured and explained
        ProjectorStatus list = fixture.readSide.projector(ORDER_LIST).status();
        assertThat(list.eventsBehind()).isEqualTo(2);
        assertThat(list.timeBehindMs(fixture.clock.instant())).isEqualTo(300);
        assertThat(fixture.readSide.projector(ORDER_DETAIL).status().eventsBehind()).isZero();
        Map<String, OrderDetails> all = queries().writeModel().allOrders();
        assertThat(Staleness.ofList(queries().listOrders(READ_MODEL), all)).containsOnlyKeys("o-1")
                .extractingByKey("o-1").extracting(StaleRow::difference)
                .isEqualTo("not in the read model yet; the truth is pending, 12.50");
        assertThat(Staleness.ofDetails(queries().allDetails(), all)).isEmpty();

        // when the list's delay has passed since the order was placed
        fixture.advance(2_299);
        assertThat(queries().listOrders(READ_MODEL)).isEmpty();
        fixture.advance(1);

        // then it shows the truth too
        assertThat(queries().listOrders(READ_MODEL)).containsExactly(truth.summary());
        assertThat(queries().getOrdersForCustomer("c-1", READ_MODEL)).containsExactly(truth.summary());
        assertThat(Staleness.ofList(queries().listOrders(READ_MODEL), queries().writeModel().allOrders())).isEmpty();
    }

    @Test
    void aCancelledOrderStillPendingInTheListIsAStaleRowThatSaysWhatDiffers() {
        // given
        fixture = new ReadSideFixture(dir).openStore().openReadSide(Map.of(ORDER_LIST, 3_000L, ORDER_DETAIL, 3_000L));
        fixture.given(new RegisterCustomer("c-1", "Ada Lovelace"), order("o-1", "c-1", 2, "12.50"));
        fixture.advance(3_000);
        fixture.readSide.projector(ORDER_DETAIL).setDelay(0);

        // when the order is cancelled
        fixture.given(new CancelOrder("o-1", "changed mind"));
        fixture.advance(500);

        // then
        Map<String, OrderDetails> truth = queries().writeModel().allOrders();
        assertThat(queries().getOrderById("o-1", READ_MODEL).orElseThrow().status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(queries().getOrderById("o-1", READ_MODEL).orElseThrow().cancelReason()).isEqualTo("changed mind");
        StaleRow<OrderSummary> stale = Staleness.ofList(queries().listOrders(READ_MODEL), truth).get("o-1");
        assertThat(stale.difference()).isEqualTo("status: shows pending, truth is cancelled");
        assertThat(stale.shown().status()).isEqualTo(OrderStatus.PENDING);
        assertThat(stale.truth().status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(Staleness.ofDetails(queries().allDetails(), truth)).isEmpty();
    }

    @Test
    void aStaleDetailRowNamesEveryDifference() {
        // given the detail paused before a cancellation
        fixture = new ReadSideFixture(dir).open();
        fixture.given(new RegisterCustomer("c-1", "Ada Lovelace"), order("o-1", "c-1", 2, "12.50"));
        fixture.runAll();
        fixture.readSide.projector(ORDER_DETAIL).pause();
        fixture.given(new CancelOrder("o-1", "changed mind"));
        fixture.advance(10);

        // then
        Map<String, StaleRow<OrderDetails>> stale = Staleness.ofDetails(queries().allDetails(),
                queries().writeModel().allOrders());
        assertThat(stale.get("o-1").difference()).isEqualTo(
                "status: shows pending, truth is cancelled; cancel reason: shows none, truth is \"changed mind\"");
        assertThat(fixture.readSide.projector(ORDER_DETAIL).status().state()).isEqualTo(ProjectorState.PAUSED);
        assertThat(fixture.readSide.allCaughtUp()).isFalse();
    }

    @Test
    void aRowForAnOrderTheWriteModelDoesNotHaveIsStaleToo() {
        // given read models caught up, and then a row nobody's events made (a leftover, a hand edit)
        fixture = new ReadSideFixture(dir).open();
        fixture.given(new RegisterCustomer("c-1", "Ada Lovelace"), order("o-1", "c-1", 1, "12.50"));
        fixture.runAll();
        ReadDbContents.execute(fixture.readDb(),
                "INSERT INTO order_list SELECT 'o-ghost', customer_id, customer_name, total, status, placed_at,"
                        + " item_count, last_position FROM order_list WHERE order_id = 'o-1'",
                "INSERT INTO order_detail SELECT 'o-ghost', customer_id, customer_name, items, total, status, placed_at,"
                        + " paid_at, shipped_at, cancelled_at, cancel_reason, last_position FROM order_detail"
                        + " WHERE order_id = 'o-1'");

        // when
        Map<String, OrderDetails> truth = queries().writeModel().allOrders();
        Map<String, StaleRow<OrderSummary>> list = Staleness.ofList(queries().listOrders(READ_MODEL), truth);
        Map<String, StaleRow<OrderDetails>> details = Staleness.ofDetails(queries().allDetails(), truth);

        // then
        assertThat(list).containsOnlyKeys("o-ghost");
        assertThat(list.get("o-ghost").truth()).isNull();
        assertThat(list.get("o-ghost").difference()).isEqualTo("the write model has no such order");
        assertThat(details).containsOnlyKeys("o-ghost");
        assertThat(details.get("o-ghost").shown().orderId()).isEqualTo("o-ghost");
    }

    @Test
    void writeModelQueriesAnswerUnknownIdsWithNothing() {
        fixture = new ReadSideFixture(dir).open();
        fixture.given(new RegisterCustomer("c-1", "Ada Lovelace"));
        fixture.runAll();

        assertThat(queries().getOrderById("o-404", WRITE_MODEL)).isEmpty();
        assertThat(queries().getOrderById("o-404", READ_MODEL)).isEmpty();
        assertThat(queries().getOrdersForCustomer("c-1", WRITE_MODEL)).isEmpty();
        assertThat(queries().getOrdersForCustomer("c-404", READ_MODEL)).isEmpty();
        assertThat(queries().listOrders(WRITE_MODEL)).isEmpty();
    }
}
