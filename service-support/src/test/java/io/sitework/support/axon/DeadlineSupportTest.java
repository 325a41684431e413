package io.sitework.support.axon;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DeadlineSupportTest {

    @Test
    void theActorOfADeadlineIsItsKindWithoutTheQualifier() {
        assertThat(DeadlineSupport.SystemActor.kind("work-overdue")).isEqualTo("work-overdue");
        assertThat(DeadlineSupport.SystemActor.kind("qualification-lapse/HOT_WORK")).isEqualTo("qualification-lapse");
    }
}
