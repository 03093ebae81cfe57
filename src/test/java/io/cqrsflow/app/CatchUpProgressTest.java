package io.cqrsflow.app;

import com.fasterxml.jackson.databind.JsonNode;
import io.cqrsflow.eventstore.EventMetadata;
import io.cqrsflow.eventstore.RecordedEvent;
import io.cqrsflow.domain.OrderPaid;
import io.cqrsflow.flow.FlowSignal;
import io.cqrsflow.read.History;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A big catch-up is traced as progress lines, at most one a second, not a line per event: the lines, their
 * rate and time left on a clock the test moves, and the headless runner catching up a store of 2 000 events
 * with {@code --trace auto}, {@code events} and a word it does not know.
 */
@Timeout(60)
class CatchUpProgressTest {
    private static final Instant AT = Instant.parse("2026-01-01T00:00:00Z");

    @TempDir
    Path dir;

    @Test
    void aLineForTheFirstBatchThenOneASecondThenOneWhenCaughtUp() {
        // given a projector applying 1 000 events every 0.25 s towards a head of 10 000
        AtomicLong nanos = new AtomicLong();
        List<CatchUpProgress.Line> lines = new ArrayList<>();
        CatchUpProgress progress = new CatchUpProgress(lines::add, nanos::get);

        // when
        for (int b = 0; b < 10; b++) {
            nanos.set(b * 250_000_000L);
            progress.applied(batch("order-list", b * 1_000L + 1, 1_000, 10_000));
        }

        // then: the first batch, 1 s and 2 s after it, and the last
        assertThat(lines).extracting(CatchUpProgress.Line::checkpoint).containsExactly(1_000L, 5_000L, 9_000L, 10_000L);
        CatchUpProgress.Line second = lines.get(1);
        assertThat(second.eventsPerSecond()).as("5 000 events in 1 s").isEqualTo(5_000);
        assertThat(second.secondsLeft()).as("5 000 left at 5 000/s").isEqualTo(1);
        assertThat(second.words()).isEqualTo("5000 / 10000 applied (50 %), 5000 events/s, about 1 s left");
        assertThat(lines.get(0).words()).as("no rate after one batch").isEqualTo("1000 / 10000 applied (10 %)");
        assertThat(lines.get(3).words()).isEqualTo("10000 / 10000 applied (100 %), 4444 events/s, caught up");
        assertThat(progress.catchingUp("order-list")).as("a run ends at the head").isFalse();
    }

    @Test
    void eachProjectorHasItsOwnRun() {
        // given
        AtomicLong nanos = new AtomicLong();
        List<CatchUpProgress.Line> lines = new ArrayList<>();
        CatchUpProgress progress = new CatchUpProgress(lines::add, nanos::get);

        // when two projectors start within the same second
        progress.applied(batch("order-list", 1, 1_000, 5_000));
        nanos.set(100_000_000L);
        progress.applied(batch("order-detail", 1, 1_000, 5_000));

        // then each gets its first line
        assertThat(lines).extracting(CatchUpProgress.Line::projector).containsExactly("order-list", "order-detail");
        assertThat(progress.catchingUp("order-list")).isTrue();
    }

    @Test
    void aProjectorCaughtUpBeforeItWasHeardGetsOneCaughtUpLine() {
        AtomicLong nanos = new AtomicLong();
        List<CatchUpProgress.Line> lines = new ArrayList<>();
        CatchUpProgress progress = new CatchUpProgress(lines::add, nanos::get);

        // a projector whose batches were never heard, found at the head: one line
        progress.caughtUpUnheard("order-list", 2_001);
        assertThat(lines).extracting(CatchUpProgress.Line::words).containsExactly("2001 / 2001 applied (100 %), caught up");

        // one whose last batch's line said it already: none more
        progress.applied(batch("order-detail", 1, 2_001, 2_001));
        progress.caughtUpUnheard("order-detail", 2_001);
        assertThat(lines).extracting(CatchUpProgress.Line::projector).containsExactly("order-list", "order-detail");

        // and a later catch-up of the first (a rebuild to the same head) is said as any other
        progress.applied(batch("order-list", 1, 2_001, 2_001));
        assertThat(lines).extracting(CatchUpProgress.Line::projector).endsWith("order-list").hasSize(3);
    }

    @Test
    void theHeadlessCatchUpOfABigStorePrintsProgressNotEveryEvent() {
        // given a store of 2 000-odd events and no read.db
        long head = History.withOrders(dir.resolve("data"), Clock.systemUTC(), 1_500);

        // when
        HeadlessRunnerTest.Result r = HeadlessRunnerTest.run("--headless", "--data", dir.resolve("data").toString(), "--json");

        // then
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.kind("applied")).as("batches of 1 000 are not traced event by event").isEmpty();
        for (String projector : List.of("order-list", "order-detail")) {
            List<JsonNode> lines = r.kind("progress").stream()
                    .filter(n -> n.path("projector").asText().equals(projector)).toList();
            assertThat(lines).as(projector).isNotEmpty();
            assertThat(lines.get(lines.size() - 1).path("checkpoint").asLong()).isEqualTo(head);
            assertThat(lines).allSatisfy(n -> assertThat(n.path("head").asLong()).isEqualTo(head));
        }
        assertThat(r.summary().path("staleRows").asInt()).isZero();
    }

    @Test
    void traceEventsPrintsALinePerEventAndTheReadableTraceSaysHowFar() {
        // given
        long head = History.withOrders(dir.resolve("data"), Clock.systemUTC(), 1_500);
        Path copy = dir.resolve("copy");
        History.withOrders(copy, Clock.systemUTC(), 1_500);

        // when
        HeadlessRunnerTest.Result events = HeadlessRunnerTest.run("--headless", "--data", dir.resolve("data").toString(),
                "--json", "--trace", "events");
        HeadlessRunnerTest.Result text = HeadlessRunnerTest.run("--headless", "--data", copy.toString());

        // then
        assertThat(events.code()).isZero();
        List<Long> positions = events.kind("applied").stream()
                .filter(n -> n.path("projector").asText().equals("order-list"))
                .map(n -> n.path("position").asLong()).toList();
        // The projectors start as the engine opens, before the trace subscribes: a first batch may pass unseen.
        assertThat(positions).hasSizeGreaterThanOrEqualTo((int) head - 1_000).endsWith(head);
        for (int i = 1; i < positions.size(); i++) {
            assertThat(positions.get(i)).as("a line per event, in order").isEqualTo(positions.get(i - 1) + 1);
        }
        assertThat(events.kind("progress")).isEmpty();
        assertThat(text.code()).isZero();
        assertThat(text.out()).contains("progress  order-list        " + head + " / " + head + " applied (100 %)")
                .doesNotContain("applied   order-list");
    }

    @Test
    void anUnknownTraceWordIsNamed() {
        // when
        HeadlessRunnerTest.Result r = HeadlessRunnerTest.run("--headless", "--data", dir.resolve("data").toString(),
                "--trace", "everything");

        // then
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("--trace takes auto, events or progress, not \"everything\"");
    }

    private static FlowSignal.EventsApplied batch(String projector, long from, int size, long head) {
        List<RecordedEvent> events = new ArrayList<>();
        for (long p = from; p < from + size; p++) {
            events.add(new RecordedEvent(p, "order-o-" + p, 2, "OrderPaid", new OrderPaid("o-" + p),
                    "{\"orderId\":\"o-" + p + "\"}", EventMetadata.forCommand("test"), AT));
        }
        return new FlowSignal.EventsApplied(projector, events, head, AT);
    }
}
