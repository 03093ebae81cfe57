package io.cqrsflow.read;

import io.cqrsflow.domain.CancelOrder;
import io.cqrsflow.domain.OrderLine;
import io.cqrsflow.domain.PayOrder;
import io.cqrsflow.domain.PlaceOrder;
import io.cqrsflow.domain.RegisterCustomer;
import io.cqrsflow.domain.ShipOrder;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every registered read model promises, checked for each one — so a new read model is held to it by
 * being registered: a name of its own, a projection of that name, something to show, rows that catch up
 * from history and match the write model, stale rows while it is behind, and the same rows after a rebuild.
 */
class ReadModelsTest {
    @TempDir
    Path dir;

    @Test
    void names_are_unique_and_some_run_from_the_start() {
        assertThat(ReadModels.names()).doesNotHaveDuplicates().isNotEmpty();
        assertThat(ReadModels.atStart()).isNotEmpty();
        assertThat(ProjectionNames.ALL).isEqualTo(ReadModels.names());
        assertThat(ProjectionNames.AT_START).isEqualTo(ReadModels.atStart());
    }

    @Test
    void an_unknown_name_is_refused_with_the_known_ones() {
        assertThat(ReadModels.named("stock-levels")).isEmpty();
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> ReadModels.require("stock-levels")))
                .hasMessage("unknown projection \"stock-levels\"; known: " + String.join(", ", ReadModels.names()));
    }

    @TestFactory
    Stream<DynamicTest> each_read_model_keeps_its_promises() {
        return ReadModels.ALL.stream().map(m -> DynamicTest.dynamicTest(m.name(), () -> keepsItsPromises(m)));
    }

    private <R> void keepsItsPromises(ReadModelModule<R> m) throws Exception {
        // it describes itself
        assertThat(m.projection().name()).isEqualTo(m.name());
        ReadModelDisplay<R> display = m.display();
        assertThat(display.title()).isNotBlank();
        assertThat(display.colourHex()).matches("#[0-9a-f]{6}");
        assertThat(display.description()).isNotBlank();
        assertThat(display.columns()).isNotEmpty().allSatisfy(c -> assertThat(c.width()).isPositive());

        Path folder = Files.createDirectories(dir.resolve(m.name()));
        try (ReadSideFixture f = new ReadSideFixture(folder).open()) {
            // given a history from before it ran, where it was not already running
            f.given(new RegisterCustomer("c-1", "Ada Lovelace"), new RegisterCustomer("c-2", "Grace Hopper"),
                    order("o-1", "c-1", "12.50"), order("o-2", "c-2", "9.90"), order("o-3", "c-1", "3.20"),
                    new PayOrder("o-1"), new ShipOrder("o-1"), new CancelOrder("o-3", "changed mind"));
            assertThat(f.readSide.isRunning(m.name())).isEqualTo(m.runsFromStart());
            Projector p = f.readSide.addProjection(m.name(), 0);
            f.runAll();

            // then it caught up: it has rows, each with a key, and they match the write model
            ReadModelReading<R> caughtUp = f.readSide.readModels().reading(m);
            assertThat(caughtUp.rows()).isNotEmpty().allSatisfy(r -> assertThat(m.key(r)).isNotBlank());
            assertThat(caughtUp.stale()).as("stale rows once caught up").isEmpty();
            assertThat(display.columns()).allSatisfy(c -> assertThat(c.cell().apply(caughtUp.rows().get(0))).isNotNull());

            // when it is paused while an order is placed and another cancelled
            p.pause();
            f.given(order("o-4", "c-2", "5.00"), new CancelOrder("o-2", "too late"));
            f.runAll();

            // then its reading says which rows are stale, and why
            ReadModelReading<R> behind = f.readSide.readModels().reading(m);
            assertThat(behind.stale()).as("stale rows while behind").isNotEmpty()
                    .allSatisfy((key, row) -> assertThat(row.difference()).isNotBlank());

            // when it resumes and is then rebuilt from position 0
            p.resume();
            f.runAll();
            List<R> resumed = f.readSide.readModels().reading(m).rows();
            p.rebuild();
            f.runAll();

            // then it matches the write model again, with the same rows as before the rebuild
            assertThat(f.readSide.readModels().reading(m).stale()).isEmpty();
            assertThat(f.readSide.readModels().reading(m).rows()).isEqualTo(resumed);
        }
    }

    private static PlaceOrder order(String orderId, String customerId, String price) {
        return new PlaceOrder(orderId, customerId, List.of(new OrderLine("BOOK-1", 1, new BigDecimal(price))));
    }
}
