package io.cqrsflow.flow;

import io.cqrsflow.domain.CustomerRegistered;
import io.cqrsflow.eventstore.EventMetadata;
import io.cqrsflow.eventstore.ExpectedVersion;
import io.cqrsflow.eventstore.SqliteEventStore;
import io.cqrsflow.read.History;
import io.cqrsflow.read.Projector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The headless way of opening ({@link Engine#openProjectingBesideCheck}): a read.db with nothing applied yet
 * catches up while events.db's check has not even begun; a read.db that has applied events waits for the
 * check (it must be checked against the log first), and catches up once it passes. The check is held back
 * here by never letting it start until the test says so.
 */
@Timeout(60)
class ProjectingBesideCheckTest {
    @TempDir
    Path dir;

    @Test
    void a_new_read_db_catches_up_before_the_check_has_run() throws Exception {
        // given a store of history and no read.db
        long head = History.withOrders(dir, Clock.systemUTC(), 30);
        CompletableFuture<Void> checkMayStart = new CompletableFuture<>();

        // when it is opened with the check held back
        try (Engine engine = Engine.openProjectingBesideCheck(dir, Clock.systemUTC(), Map.of(), checkMayStart)) {
            // then the projectors catch up all the same
            assertThat(engine.readSide().started().toCompletableFuture().get())
                    .containsEntry("order-list", 0L).containsEntry("order-detail", 0L);
            assertThat(engine.awaitCaughtUp(Duration.ofSeconds(20))).isTrue();
            for (Projector p : engine.readSide().projectors()) {
                assertThat(p.status().checkpoint()).as(p.name()).isEqualTo(head);
            }
            assertThat(engine.store().checked().toCompletableFuture().isDone()).as("check done").isFalse();

            // and the check, let go, passes; read.db is kept as it was built
            checkMayStart.complete(null);
            assertThat(engine.store().checked().toCompletableFuture().get()).isNull();
            assertThat(engine.readSide().staleRowCount()).isZero();
            assertThat(engine.notices()).noneMatch(n -> n.contains("built from"));
        }
    }

    @Test
    void a_read_db_that_has_applied_events_waits_for_the_check() throws Exception {
        // given a read.db caught up with 30 orders, then more history it has not seen
        History.withOrders(dir, Clock.systemUTC(), 30);
        try (Engine engine = Engine.open(dir, Clock.systemUTC(), Map.of())) {
            assertThat(engine.awaitCaughtUp(Duration.ofSeconds(20))).isTrue();
        }
        long before;
        long head;
        try (SqliteEventStore store = SqliteEventStore.open(dir.resolve("events.db"), Clock.systemUTC())) {
            before = store.head();
            store.append("customer-c-2", ExpectedVersion.ANY, List.of(new CustomerRegistered("c-2", "Grace Hopper")),
                    EventMetadata.forCommand("more"));
            head = store.head();
        }
        CompletableFuture<Void> checkMayStart = new CompletableFuture<>();

        // when it is opened with the check held back
        try (Engine engine = Engine.openProjectingBesideCheck(dir, Clock.systemUTC(), Map.of(), checkMayStart)) {
            // then nothing is applied while the check has not passed
            Thread.sleep(300);
            assertThat(engine.readSide().started().toCompletableFuture().isDone()).as("started").isFalse();
            for (Projector p : engine.readSide().projectors()) {
                assertThat(p.status().checkpoint()).as(p.name()).isEqualTo(before);
            }

            // and once it has, they start from where they were and catch up
            checkMayStart.complete(null);
            assertThat(engine.readSide().started().toCompletableFuture().get())
                    .containsEntry("order-list", before).containsEntry("order-detail", before);
            assertThat(engine.awaitCaughtUp(Duration.ofSeconds(20))).isTrue();
            for (Projector p : engine.readSide().projectors()) {
                assertThat(p.status().checkpoint()).as(p.name()).isEqualTo(head);
            }
        }
    }

    @Test
    void the_count_beside_the_check_keeps_a_new_truth_but_waits_to_use_an_old_one() throws Exception {
        // given a store of history and no read.db nor truth.db
        History.withOrders(dir, Clock.systemUTC(), 30);
        Path truth = dir.resolve(io.cqrsflow.read.ReadSide.TRUTH_FILE);

        // when the summary counts while the check is held back
        CompletableFuture<Void> checkMayStart = new CompletableFuture<>();
        try (Engine engine = Engine.openProjectingBesideCheck(dir, Clock.systemUTC(), Map.of(), checkMayStart)) {
            assertThat(engine.awaitCaughtUp(Duration.ofSeconds(20))).isTrue();
            assertThat(engine.readSide().staleRowCount()).isZero();
            assertThat(engine.store().checked().toCompletableFuture().isDone()).as("check done").isFalse();
            checkMayStart.complete(null);
        }
        // then the truth it folded is kept (a new truth chains its own log hash: nothing to check it against)
        assertThat(truth).exists();
        long kept = Files.size(truth);

        // and opened again with the check held back, the kept truth is not used before the check: the count
        // folds a temporary one, leaving truth.db as it was
        CompletableFuture<Void> again = new CompletableFuture<>();
        try (Engine engine = Engine.openProjectingBesideCheck(dir, Clock.systemUTC(), Map.of(), again)) {
            assertThat(engine.readSide().staleRowCount()).isZero();
            assertThat(engine.store().checked().toCompletableFuture().isDone()).as("check done").isFalse();
            assertThat(Files.size(truth)).isEqualTo(kept);
            again.complete(null);
        }
    }
}
