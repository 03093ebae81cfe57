package io.cqrsflow.ui;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HumanTest {
    private static final char NB = Human.THOUSANDS;

    @Test
    void durations_read_as_a_person_says_them() {
        assertThat(Human.duration(0)).isEqualTo("0.0 s");
        assertThat(Human.duration(800)).isEqualTo("0.8 s");
        assertThat(Human.duration(59_900)).isEqualTo("59.9 s");
        assertThat(Human.duration(59_960)).isEqualTo("1 min 0 s");
        assertThat(Human.duration(130_000)).isEqualTo("2 min 10 s");
        assertThat(Human.duration(3 * 3600_000L + 5 * 60_000)).isEqualTo("3 h 5 min");
        assertThat(Human.duration(86_400_000L)).isEqualTo("1 day");
        assertThat(Human.duration(28_928_822_600L)).isEqualTo("334 days");
    }

    @Test
    void counts_have_a_space_between_thousands() {
        assertThat(Human.count(7)).isEqualTo("7");
        assertThat(Human.count(1000)).isEqualTo("1" + NB + "000");
        assertThat(Human.count(927_001)).isEqualTo("927" + NB + "001");
        assertThat(Human.count(1_000_000)).isEqualTo("1" + NB + "000" + NB + "000");
        assertThat(Human.count(-12_345)).isEqualTo("-12" + NB + "345");
        assertThat(Human.count(1, "event")).isEqualTo("1 event");
        assertThat(Human.count(2, "event")).isEqualTo("2 events");
    }
}
