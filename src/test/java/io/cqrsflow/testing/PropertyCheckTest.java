package io.cqrsflow.testing;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The harness itself: shrinking finds the minimal counterexample of properties that are false on purpose. */
class PropertyCheckTest {

    /** A step like an order line: a string, a whole number and a price, each with room to shrink. */
    record Line(String sku, int quantity, BigDecimal price) {
    }

    private static List<Line> lines(Random random) {
        List<Line> lines = new ArrayList<>();
        int size = 5 + random.nextInt(30);
        for (int i = 0; i < size; i++) {
            lines.add(new Line("SKU-" + random.nextInt(1000), random.nextInt(20),
                    new BigDecimal(random.nextInt(10_000)).movePointLeft(2)));
        }
        return lines;
    }

    private static List<Line> simpler(Line line) {
        List<Line> out = new ArrayList<>();
        Shrink.shorter(line.sku()).forEach(s -> out.add(new Line(s, line.quantity(), line.price())));
        Shrink.toward(line.quantity(), 0).forEach(q -> out.add(new Line(line.sku(), q, line.price())));
        Shrink.decimal(line.price()).forEach(p -> out.add(new Line(line.sku(), line.quantity(), p)));
        return out;
    }

    private static PropertyCheck<Line> check() {
        return new PropertyCheck<>("no big line", PropertyCheckTest::lines, PropertyCheckTest::simpler)
                .tries(50).firstSeed(7);
    }

    /** False on purpose: some generated line will have 7 or more at 10.00 or more. */
    private static void noLineOfSevenOrMoreAtTenOrMore(List<Line> steps, Set<String> reached) {
        for (Line line : steps) {
            assertThat(line.quantity() >= 7 && line.price().compareTo(BigDecimal.TEN) >= 0)
                    .as("a line of %d at %s", line.quantity(), line.price()).isFalse();
        }
    }

    @Test
    void shrinking_drops_every_step_it_can_and_makes_each_value_as_small_as_still_fails() {
        PropertyCheck.Failure failure = catchThrowableOfType(
                () -> check().run(PropertyCheckTest::noLineOfSevenOrMoreAtTenOrMore), PropertyCheck.Failure.class);

        assertThat(failure).as("the property is false, so some seed breaks it").isNotNull();
        assertThat(failure.original().size()).isGreaterThan(1);
        // the one minimal counterexample: a single line, a one-character sku, quantity 7, price 10
        assertThat(failure.shrunkSteps()).hasSize(1);
        Line minimal = (Line) failure.shrunkSteps().get(0);
        assertThat(minimal.sku()).hasSize(1);
        assertThat(minimal.quantity()).isEqualTo(7);
        assertThat(minimal.price()).isEqualByComparingTo("10");
    }

    @Test
    void shrinking_keeps_the_steps_that_only_fail_together() {
        // a property false only when a line of quantity 0 comes after a line of quantity 19
        PropertyCheck.Property<Line> property = (steps, reached) -> {
            boolean sawBig = false;
            for (Line line : steps) {
                sawBig |= line.quantity() == 19;
                assertThat(sawBig && line.quantity() == 0).as("a 0 after a 19").isFalse();
            }
        };

        PropertyCheck.Failure failure = catchThrowableOfType(() -> check().run(property), PropertyCheck.Failure.class);

        assertThat(failure.shrunkSteps()).extracting(step -> ((Line) step).quantity()).containsExactly(19, 0);
        assertThat(failure.shrunkSteps()).allSatisfy(step -> {
            assertThat(((Line) step).sku()).hasSize(1);
            assertThat(((Line) step).price()).isEqualByComparingTo("0");
        });
    }

    @Test
    void the_report_names_the_seed_and_replaying_that_seed_alone_fails_the_same_way() {
        PropertyCheck.Failure failure = catchThrowableOfType(
                () -> check().run(PropertyCheckTest::noLineOfSevenOrMoreAtTenOrMore), PropertyCheck.Failure.class);

        assertThat(failure).hasMessageContaining("seed " + failure.seed())
                .hasMessageContaining("-Dcqrsflow.seed=" + failure.seed())
                .hasMessageContaining("shrunk from " + failure.original().size() + " to 1 steps");
        PropertyCheck.Failure replayed = catchThrowableOfType(() -> check().runSeed(failure.seed(),
                PropertyCheckTest::noLineOfSevenOrMoreAtTenOrMore, new TreeSet<>()), PropertyCheck.Failure.class);
        assertThat(replayed.original()).isEqualTo(failure.original());
        assertThat(replayed.shrunkSteps()).isEqualTo(failure.shrunkSteps());
    }

    @Test
    void a_true_property_passes_every_try_and_returns_what_the_tries_reached() {
        Set<String> reached = check().run((steps, labels) -> {
            for (Line line : steps) {
                labels.add(line.quantity() == 0 ? "quantity 0" : "quantity above 0");
            }
        });

        assertThat(reached).containsExactly("quantity 0", "quantity above 0");
    }

    @Test
    void a_property_false_for_every_input_shrinks_to_no_steps_at_all() {
        assertThatThrownBy(() -> check().run((steps, labels) -> {
            labels.add("reached");
            throw new AssertionError("always false");
        })).isInstanceOf(PropertyCheck.Failure.class).hasMessageContaining("shrunk from").hasMessageContaining("to 0 steps");
    }

    @Test
    void simpler_values_are_strictly_simpler() {
        assertThat(Shrink.toward(10, 1)).containsExactly(1, 6, 9);
        assertThat(Shrink.toward(1, 1)).isEmpty();
        assertThat(Shrink.decimal(new BigDecimal("12.50"))).extracting(BigDecimal::toPlainString)
                .containsExactly("0", "12", "6.25", "11.50");
        assertThat(Shrink.decimal(new BigDecimal("-0.01"))).extracting(BigDecimal::toPlainString).containsExactly("0");
        assertThat(Shrink.shorter("o-12")).containsExactly("o", "o-", "o-1");
        assertThat(Shrink.shorter(" ")).containsExactly("");
        assertThat(Shrink.list(List.of(1, 2), i -> i > 0 ? List.of(i - 1) : List.of()))
                .containsExactly(List.of(2), List.of(1), List.of(0, 2), List.of(1, 1));
    }
}
