package io.sitework.launcher;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The per-aggregate order rule (c) of {@link Invariants}: repeats are fine, gaps and reorderings are not. */
class InvariantsTest {

    @Test
    void inOrderAndRepublishedRunsPass() {
        assertThat(Invariants.orderViolation(List.of(0L, 1L, 2L))).isNull();
        assertThat(Invariants.orderViolation(List.of(0L, 1L, 1L, 2L))).isNull();
        // a batch published again after the broker came back: the consumer drops 1 and 2 the second time
        assertThat(Invariants.orderViolation(List.of(0L, 1L, 2L, 1L, 2L, 3L))).isNull();
        assertThat(Invariants.orderViolation(List.of())).isNull();
    }

    @Test
    void aGapOrAReorderingIsReported() {
        assertThat(Invariants.orderViolation(List.of(0L, 2L, 1L))).isEqualTo("sequence 2 after 0");
        assertThat(Invariants.orderViolation(List.of(1L, 2L))).isEqualTo("sequence 1 after -1");
    }
}
