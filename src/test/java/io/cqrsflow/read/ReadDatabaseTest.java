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

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * read.db is derived data: whatever is in its place — nothing, a stranger's file, an old schema, a
 * database built from another events.db — the read side ends up with read models equal to the events,
 * says what it did, keeps the old file, and never changes events.db.
 *
 * <p>Longer than 300 lines on purpose: one case for each thing that can stand where read.db should be.
 */
class ReadDatabaseTest {
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

    /** A store with a little of everything, closed again; returns its folder's events.db. */
    private Path storeWithHistory(Path folder, String name) {
        try (ReadSideFixture f = new ReadSideFixture(folder).openStore()) {
            f.given(new RegisterCustomer("c-1", name), order("o-1", "c-1", 2, "12.50"), order("o-2", "c-1", 1, "3.20"),
                    new PayOrder("o-1"), new ShipOrder("o-1"), new CancelOrder("o-2", "changed mind"));
        }
        return folder.resolve("events.db");
    }

    /** What read.db must hold for the store in {@code folder}: built by a fresh read side, no delays. */
    private Map<String, List<List<Object>>> freshlyBuilt(Path eventsDb) throws IOException {
        Path elsewhere = Files.createTempDirectory(dir, "reference-");
        Files.copy(eventsDb, elsewhere.resolve("events.db"));
        try (ReadSideFixture f = new ReadSideFixture(elsewhere).open()) {
            f.readSide.addProjection(ProjectionNames.SALES_BY_CUSTOMER, 0);
            f.settle();
        }
        return ReadDbContents.tables(elsewhere.resolve("read.db"));
    }

    private record FileState(byte[] bytes, FileTime modified) {
        static FileState of(Path file) throws IOException {
            return new FileState(Files.readAllBytes(file), Files.getLastModifiedTime(file));
        }
    }

    private ReadSideFixture openAndCatchUp() {
        fixture = new ReadSideFixture(dir).open();
        fixture.settle();
        return fixture;
    }

    private void assertEverythingCaughtUp() {
        long head = fixture.store.head();
        for (Projector p : fixture.readSide.projectors()) {
            assertThat(p.status().checkpoint()).as(p.name() + " " + p.status()).isEqualTo(head);
        }
        assertThat(ReadDbContents.checkpoints(fixture.readDb())).containsEntry("order-list", head)
                .containsEntry("order-detail", head);
        OrderQueries q = fixture.readSide.queries();
        Map<String, OrderDetails> truth = q.writeModel().allOrders();
        assertThat(Staleness.ofList(q.listOrders(QuerySource.READ_MODEL), truth)).isEmpty();
        assertThat(Staleness.ofDetails(q.allDetails(), truth)).isEmpty();
    }

    private List<Path> movedAside() throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> p.getParent().getFileName().toString().startsWith("old-"))
                    .filter(p -> p.getFileName().toString().equals("read.db"))
                    .toList();
        }
    }

    @Test
    void aMissingReadDbIsCreatedWithANoticeAndBuiltFromTheEvents() throws IOException {
        // given a store with history and no read.db
        Path events = storeWithHistory(dir, "Ada Lovelace");
        FileState before = FileState.of(events);

        // when
        openAndCatchUp();

        // then
        assertThat(fixture.notices).singleElement().asString()
                .isEqualTo("read.db does not exist yet: building the read models from events.db");
        assertEverythingCaughtUp();
        fixture.close();
        assertThat(ReadDbContents.tables(dir.resolve("read.db")))
                .isEqualTo(withoutSales(freshlyBuilt(events)));
        assertThat(FileState.of(events)).usingRecursiveComparison().isEqualTo(before);
    }

    private static Map<String, List<List<Object>>> withoutSales(Map<String, List<List<Object>>> tables) {
        Map<String, List<List<Object>>> copy = new TreeMap<>(tables);
        copy.keySet().removeIf(t -> t.startsWith("sales_by_customer"));
        return copy;
    }

    @Test
    void aTextFileNamedReadDbIsMovedAsideWithItsBytesAndTheReadModelsAreRebuilt() throws IOException {
        // given someone's notes where read.db should be
        Path events = storeWithHistory(dir, "Ada Lovelace");
        byte[] notes = "my notes about CQRS\nthey are not a database\n".getBytes(StandardCharsets.UTF_8);
        Files.write(dir.resolve("read.db"), notes);
        FileState before = FileState.of(events);

        // when
        openAndCatchUp();

        // then the notes are kept, byte for byte, in old-<time>/, and the user is told where
        List<Path> moved = movedAside();
        assertThat(moved).hasSize(1);
        assertThat(Files.readAllBytes(moved.get(0))).isEqualTo(notes);
        assertThat(fixture.notices).singleElement().asString()
                .startsWith("read.db is not an SQLite database: moved it to " + moved.get(0))
                .endsWith("and rebuilding the read models from events.db");
        assertEverythingCaughtUp();
        fixture.close();
        assertThat(FileState.of(events)).usingRecursiveComparison().isEqualTo(before);
    }

    @Test
    void aStrangersSqliteFileIsMovedAsideUnchangedAndTheReadModelsAreRebuilt() throws IOException {
        // given an SQLite database of someone else's, in the default rollback-journal mode
        Path events = storeWithHistory(dir, "Ada Lovelace");
        Path readDb = dir.resolve("read.db");
        ReadDbContents.execute(readDb, "CREATE TABLE recipes(name TEXT, minutes INTEGER)",
                "INSERT INTO recipes VALUES ('pancakes', 20)");
        byte[] original = Files.readAllBytes(readDb);
        FileState before = FileState.of(events);

        // when
        openAndCatchUp();

        // then it is kept exactly as it was (not even switched to WAL), and read.db is ours again
        List<Path> moved = movedAside();
        assertThat(moved).hasSize(1);
        assertThat(Files.readAllBytes(moved.get(0))).as("the stranger's file, byte for byte").isEqualTo(original);
        assertThat(ReadDbContents.rows(moved.get(0), "SELECT * FROM recipes")).containsExactly(List.of("pancakes", 20));
        assertThat(fixture.notices).singleElement().asString()
                .startsWith("read.db is not a CQRS Flow read database: moved it to " + moved.get(0));
        assertEverythingCaughtUp();
        fixture.close();
        assertThat(ReadDbContents.tableNames(readDb)).doesNotContain("recipes");
        assertThat(FileState.of(events)).usingRecursiveComparison().isEqualTo(before);
    }

    @Test
    void aReadDbWithAnOlderSchemaIsMovedAsideAndRebuilt() throws IOException {
        // given a read.db that an older version wrote (user_version 0) with rows that are now wrong
        Path events = storeWithHistory(dir, "Ada Lovelace");
        openAndCatchUp().close();
        Path readDb = dir.resolve("read.db");
        ReadDbContents.execute(readDb, "UPDATE order_list SET status = 'pending'", "PRAGMA user_version = 0");
        FileState before = FileState.of(events);

        // when
        openAndCatchUp();

        // then
        assertThat(fixture.notices).singleElement().asString()
                .startsWith("read.db has an older schema (0): moved it to " + movedAside().get(0));
        assertEverythingCaughtUp();
        fixture.close();
        assertThat(ReadDbContents.tables(readDb)).isEqualTo(withoutSales(freshlyBuilt(events)));
        assertThat(FileState.of(events)).usingRecursiveComparison().isEqualTo(before);
    }

    @Test
    void aReadDbFromANewerVersionIsMovedAsideNotOverwritten() throws IOException {
        // given
        storeWithHistory(dir, "Ada Lovelace");
        openAndCatchUp().close();
        ReadDbContents.execute(dir.resolve("read.db"), "PRAGMA user_version = 7");

        // when
        openAndCatchUp();

        // then
        List<Path> moved = movedAside();
        assertThat(moved).hasSize(1);
        assertThat(ReadDbContents.rows(moved.get(0), "PRAGMA user_version")).containsExactly(List.of(7));
        assertThat(fixture.notices).singleElement().asString().startsWith("read.db has a newer schema (7): moved it");
        assertEverythingCaughtUp();
    }

    @Test
    void aCorruptReadDbIsMovedAsideAndRebuilt() throws IOException {
        // given a file that starts like SQLite and then is garbage
        Path events = storeWithHistory(dir, "Ada Lovelace");
        byte[] corrupt = new byte[8192];
        byte[] header = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(header, 0, corrupt, 0, header.length);
        for (int i = header.length; i < corrupt.length; i++) {
            corrupt[i] = (byte) (i * 31);
        }
        Files.write(dir.resolve("read.db"), corrupt);

        // when
        openAndCatchUp();

        // then
        List<Path> moved = movedAside();
        assertThat(moved).hasSize(1);
        assertThat(Files.readAllBytes(moved.get(0))).isEqualTo(corrupt);
        assertThat(fixture.notices).singleElement().asString().startsWith("read.db is corrupt");
        assertEverythingCaughtUp();
        fixture.close();
        assertThat(ReadDbContents.tables(dir.resolve("read.db"))).isEqualTo(withoutSales(freshlyBuilt(events)));
    }

    @Test
    void aReadDbBuiltFromAnotherEventStoreIsMovedAsideAndRebuilt() throws IOException {
        // given read models built from Ada's store, sales-by-customer included
        storeWithHistory(dir, "Ada Lovelace");
        openAndCatchUp();
        fixture.readSide.addProjection(ProjectionNames.SALES_BY_CUSTOMER, 0);
        fixture.settle();
        fixture.close();

        // when events.db is replaced by Grace's store (other first event, more events)
        Path other = Files.createDirectory(dir.resolve("grace"));
        fixture = new ReadSideFixture(other, new MutableClock(Instant.parse("2025-12-02T09:00:00Z"))).openStore();
        fixture.given(new RegisterCustomer("c-9", "Grace Hopper"), order("o-9", "c-9", 3, "1.00"),
                new RegisterCustomer("c-1", "Edsger Dijkstra"), order("o-1", "c-1", 1, "99.99"), new PayOrder("o-1"),
                new PayOrder("o-9"), new ShipOrder("o-9"));
        fixture.close();
        Files.delete(dir.resolve("events.db"));
        Files.move(other.resolve("events.db"), dir.resolve("events.db"));
        FileState before = FileState.of(dir.resolve("events.db"));
        openAndCatchUp();

        // then nothing of Ada's store is left in read.db, the old file is kept aside, and the user is told why
        assertThat(fixture.notices).anySatisfy(n -> assertThat(n)
                .startsWith("read.db was built from a different events.db: moved it to ").contains("old-"));
        try (Stream<Path> aside = Files.list(dir)) {
            assertThat(aside.filter(p -> p.getFileName().toString().startsWith("old-"))
                    .map(p -> p.resolve("read.db")).filter(Files::exists)).hasSize(1);
        }
        assertEverythingCaughtUp();
        assertThat(fixture.readSide.queries().listOrders(QuerySource.READ_MODEL))
                .extracting(OrderSummary::customerName).containsExactlyInAnyOrder("Grace Hopper", "Edsger Dijkstra");
        fixture.close();
        assertThat(withoutSales(ReadDbContents.tables(dir.resolve("read.db"))))
                .isEqualTo(withoutSales(freshlyBuilt(dir.resolve("events.db"))));
        assertThat(ReadDbContents.tables(dir.resolve("read.db")).get("sales_by_customer"))
                .as("no sales figures of Ada's store survive").isNullOrEmpty();
        assertThat(FileState.of(dir.resolve("events.db"))).usingRecursiveComparison().isEqualTo(before);
    }

    @Test
    void aReadDbStartedOnAnEmptyStoreStillNoticesWhenEventsDbIsReplaced() throws IOException {
        // given read models that were begun while the store was still empty, then caught up with Ada's orders
        fixture = new ReadSideFixture(dir).open();
        fixture.given(new RegisterCustomer("c-1", "Ada Lovelace"), order("o-1", "c-1", 2, "12.50"));
        fixture.settle();
        fixture.close();

        // when events.db is replaced by a longer store of Grace's
        Path other = Files.createDirectory(dir.resolve("grace"));
        try (ReadSideFixture grace = new ReadSideFixture(other,
                new MutableClock(Instant.parse("2025-12-03T09:00:00Z"))).openStore()) {
            grace.given(new RegisterCustomer("c-7", "Grace Hopper"), order("o-7", "c-7", 1, "5.00"),
                    new PayOrder("o-7"), new ShipOrder("o-7"));
        }
        Files.delete(dir.resolve("events.db"));
        Files.move(other.resolve("events.db"), dir.resolve("events.db"));
        openAndCatchUp();

        // then Ada's order is not shown as if it were in Grace's store
        assertThat(fixture.notices).anySatisfy(n -> assertThat(n)
                .startsWith("read.db was built from a different events.db: moved it to "));
        assertEverythingCaughtUp();
        assertThat(fixture.readSide.queries().listOrders(QuerySource.READ_MODEL))
                .extracting(OrderSummary::orderId).containsExactly("o-7");
    }

    @Test
    void aReadDbThatDoesNotSayWhichStoreItWasBuiltFromIsRebuilt() throws IOException {
        // given read models whose origin was never recorded (as an earlier version could leave them)
        storeWithHistory(dir, "Ada Lovelace");
        openAndCatchUp().close();
        ReadDbContents.execute(dir.resolve("read.db"), "UPDATE checkpoints SET log_hash = ''", "UPDATE order_list SET status = 'stale'");

        // when
        openAndCatchUp();

        // then
        assertThat(fixture.notices).singleElement().asString()
                .startsWith("read.db does not say which events.db it was built from: moved it to ");
        assertEverythingCaughtUp();
    }

    @Test
    void aCheckpointBeyondTheHeadIsNoticedAndTheReadModelsRebuilt() throws IOException {
        // given read models caught up with six events
        Path events = storeWithHistory(dir, "Ada Lovelace");
        openAndCatchUp().close();

        // when events.db is replaced by a store with the same first event but only two events
        Path shorter = Files.createDirectory(dir.resolve("shorter"));
        try (ReadSideFixture f = new ReadSideFixture(shorter).openStore()) {
            f.given(new RegisterCustomer("c-1", "Ada Lovelace"), order("o-1", "c-1", 2, "12.50"));
        }
        Files.delete(events);
        Files.move(shorter.resolve("events.db"), events);
        openAndCatchUp();

        // then
        assertThat(fixture.notices).anySatisfy(n -> assertThat(n)
                .startsWith("read.db was built from a different events.db: moved it to "));
        assertEverythingCaughtUp();
        assertThat(fixture.readSide.queries().listOrders(QuerySource.READ_MODEL)).singleElement()
                .satisfies(o -> assertThat(o.status()).isEqualTo(OrderStatus.PENDING));
        assertThat(fixture.store.head()).isEqualTo(2);
    }

    @Test
    void aGoodReadDbIsKeptWithoutANoticeAndEventsDbIsNeverWritten() throws IOException {
        // given
        Path events = storeWithHistory(dir, "Ada Lovelace");
        openAndCatchUp();
        fixture.readSide.addProjection(ProjectionNames.SALES_BY_CUSTOMER, 0);
        fixture.settle();
        fixture.close();
        FileState before = FileState.of(events);
        Map<String, List<List<Object>>> tables = ReadDbContents.tables(dir.resolve("read.db"));

        // when the read side opens again and rebuilds every projector
        fixture = new ReadSideFixture(dir).open();
        for (Projector p : fixture.readSide.projectors()) {
            p.rebuild();
        }
        fixture.settle();

        // then
        assertThat(fixture.notices).isEmpty();
        assertThat(movedAside()).isEmpty();
        assertEverythingCaughtUp();
        fixture.close();
        assertThat(ReadDbContents.tables(dir.resolve("read.db"))).isEqualTo(tables);
        assertThat(FileState.of(events)).usingRecursiveComparison().isEqualTo(before);
    }
}
