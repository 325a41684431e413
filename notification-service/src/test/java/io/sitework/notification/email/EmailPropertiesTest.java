package io.sitework.notification.email;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class EmailPropertiesTest {

    private final EmailProperties.Retry retry = new EmailProperties.Retry(Duration.ofSeconds(10), Duration.ofMinutes(15), 100);

    @Test
    void theBackoffDoublesFromTheFirstPauseUpToTheLongest() {
        assertThat(retry.backoffAfter(1)).isEqualTo(Duration.ofSeconds(10));
        assertThat(retry.backoffAfter(2)).isEqualTo(Duration.ofSeconds(20));
        assertThat(retry.backoffAfter(7)).isEqualTo(Duration.ofSeconds(640));
        assertThat(retry.backoffAfter(8)).isEqualTo(Duration.ofMinutes(15));
        assertThat(retry.backoffAfter(99)).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void theDefaultsKeepTryingForAboutADay() {
        Duration total = Duration.ZERO;
        for (int failed = 1; failed < retry.maxAttempts(); failed++) {
            total = total.plus(retry.backoffAfter(failed));
        }

        assertThat(total).isBetween(Duration.ofHours(20), Duration.ofHours(28));
    }
}
