package io.cqrsflow.read;

import io.cqrsflow.domain.CancelOrder;
import io.cqrsflow.domain.OrderLine;
import io.cqrsflow.domain.PayOrder;
import io.cqrsflow.domain.PlaceOrder;
import io.cqrsflow.domain.RegisterCustomer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A read model knows what it was built from (issue 11, item 3): two copies of one store, each given other
 * commands, and A's read.db beside B's events.db. read.db is moved aside and rebuilt with a notice; events.db
 * is not touched.
 */
class ReadDatabaseForkTest {
    @TempDir
    Path dir;

    private ReadSideFixture fixture;

    @AfterEach
    void close() {
        if (fixture != null) {
            fixture.close();
        }
    }

    private static PlaceOrder order(String orderId, String customerId, String price) {
        return new PlaceOrder(orderId, customerId, List.of(new OrderLine("BOOK-1", 1, new BigDecimal(price))));
    }

    /** Folders a and b, each holding a copy of one store with two orders, read.db caught up. */
    private void twoCopiesOfOneStore() throws IOException {
        Path a = Files.createDirectory(dir.resolve("a"));
        try (ReadSideFixture f = new ReadSideFixture(a).open()) {
            f.given(new RegisterCustomer("c-1", "Ada Lovelace"), order("o-1", "c-1", "12.50"), order("o-2", "c-1", "3.20"));
            f.settle();
        }
        Path b = Files.createDirectory(dir.resolve("b"));
        Files.copy(a.resolve("events.db"), b.resolve("events.db"));
        Files.copy(a.resolve("read.db"), b.resolve("read.db"));
    }

    /** Adds {@code commands} in {@code folder} and lets its read models catch up. */
    private void add(String folder, io.cqrsflow.domain.Command... commands) {
        try (ReadSideFixture f = new ReadSideFixture(dir.resolve(folder)).open()) {
            f.given(commands);
            f.settle();
            assertThat(f.notices).isEmpty();
        }
    }

    /** Puts A's read.db beside B's events.db, opens, and checks the read.db was rebuilt from B's events. */
    private void assertAsReadDbIsRebuiltBesideBsEvents() throws IOException {
        Path b = dir.resolve("b");
        Files.copy(dir.resolve("a/read.db"), b.resolve("read.db"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        byte[] eventsBefore = Files.readAllBytes(b.resolve("events.db"));

        fixture = new ReadSideFixture(b).open();
        fixture.settle();

        assertThat(fixture.notices).singleElement().asString()
                .startsWith("read.db was built from a different events.db: moved it to ").contains("old-");
        OrderQueries q = fixture.readSide.queries();
        Map<String, OrderDetails> truth = q.writeModel().allOrders();
        assertThat(q.listOrders(QuerySource.READ_MODEL)).extracting(OrderSummary::orderId)
                .containsExactlyInAnyOrderElementsOf(truth.keySet());
        assertThat(Staleness.ofList(q.listOrders(QuerySource.READ_MODEL), truth)).isEmpty();
        assertThat(Staleness.ofDetails(q.allDetails(), truth)).isEmpty();
        fixture.close();
        fixture = null;
        assertThat(Files.readAllBytes(b.resolve("events.db"))).as("B's events.db").isEqualTo(eventsBefore);
    }

    @Test
    void aReadDbFromAForkWithOtherCommandsIsMovedAsideAndRebuilt() throws IOException {
        twoCopiesOfOneStore();
        add("a", order("o-3", "c-1", "99.00"), new PayOrder("o-3"), order("o-4", "c-1", "1.00"));
        add("b", new PayOrder("o-1"), new CancelOrder("o-2", "changed mind"));

        assertAsReadDbIsRebuiltBesideBsEvents();
    }

    @Test
    void aForkThatComesBackToTheSameEventAtTheCheckpointIsStillNoticed() throws IOException {
        // A and B differ at position 4 but both end with the very same event at position 5
        twoCopiesOfOneStore();
        add("a", new PayOrder("o-1"), new RegisterCustomer("c-5", "Grace Hopper"));
        add("b", new PayOrder("o-2"), new RegisterCustomer("c-5", "Grace Hopper"));

        assertAsReadDbIsRebuiltBesideBsEvents();
    }

    @Test
    void theSameLogGrownFurtherKeepsItsReadDb() throws IOException {
        twoCopiesOfOneStore();
        add("b", new PayOrder("o-1"));
        Files.copy(dir.resolve("a/read.db"), dir.resolve("b/read.db"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        fixture = new ReadSideFixture(dir.resolve("b")).open();
        fixture.settle();

        assertThat(fixture.notices).isEmpty();
        assertThat(ReadDbContents.checkpoints(fixture.readDb())).containsEntry("order-list", 4L);
    }
}
