package io.sitework.support.axon;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BoundedAppendEventStorageEngineTest {

    @Test
    void theGapTimeoutMustOutlastEveryStatementAndPauseAfterTheAppend() {
        assertThatCode(() -> BoundedAppendEventStorageEngine.check(Duration.ofSeconds(10), Duration.ofSeconds(120)))
                .as("the defaults").doesNotThrowAnyException();
        assertThatCode(() -> BoundedAppendEventStorageEngine.check(Duration.ofSeconds(1), Duration.ofSeconds(9)))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> BoundedAppendEventStorageEngine.check(Duration.ofSeconds(10), Duration.ofSeconds(60)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sitework.event-store.gap-timeout (PT1M) must be longer than 8 x");
        assertThatThrownBy(() -> BoundedAppendEventStorageEngine.check(Duration.ZERO, Duration.ofSeconds(60)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must be positive");
    }
}
