package io.sitework.support.axon;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DeadlinesTest {

    @Test
    void onlyDbSchedulersRemovalRaceCountsAsADeadlineThatFiredMeanwhile() {
        assertThat(Deadlines.firedMeanwhile(new IllegalStateException("removed 0"))).as("another exception type").isFalse();
        assertThat(Deadlines.firedMeanwhile(new RuntimeException("wrapped", new IllegalArgumentException("x")))).isFalse();
        assertThat(Deadlines.isRemovalRace(IllegalStateException.class, "Expected one execution to be removed, but removed 0")).isFalse();
    }
}
