package io.sitework.notification.webhook;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RetryScheduleTest {

    private static WebhookProperties properties(List<Duration> schedule, double jitter) {
        return new WebhookProperties(schedule, jitter, 5, Duration.ofSeconds(10), Duration.ofSeconds(10), Duration.ofMinutes(1),
                Duration.ofSeconds(1), 20, true);
    }

    private final RetrySchedule standard = properties(List.of(Duration.ofSeconds(5), Duration.ofMinutes(5), Duration.ofMinutes(30),
            Duration.ofHours(2), Duration.ofHours(5), Duration.ofHours(10), Duration.ofHours(10)), 0.2).schedule();

    @Test
    void theDefaultsSpreadEightAttemptsOverAboutADay() {
        WebhookProperties defaults = properties(List.of(Duration.ofSeconds(5), Duration.ofMinutes(5), Duration.ofMinutes(30),
                Duration.ofHours(2), Duration.ofHours(5), Duration.ofHours(10), Duration.ofHours(10)), 0.2);
        assertThat(defaults.schedule().attempts()).isEqualTo(8);
        assertThat(defaults.schedule().pauses().stream().reduce(Duration.ZERO, Duration::plus)).isEqualTo(Duration.parse("PT27H35M5S"));
    }

    @Test
    void thePauseAfterTheNthFailureIsTheNthOfTheScheduleWithoutJitterAtTheMiddle() {
        assertThat(standard.pauseAfter(1, () -> 0.5)).contains(Duration.ofSeconds(5));
        assertThat(standard.pauseAfter(2, () -> 0.5)).contains(Duration.ofMinutes(5));
        assertThat(standard.pauseAfter(7, () -> 0.5)).contains(Duration.ofHours(10));
    }

    @Test
    void jitterStaysWithinTwentyPercentEitherWay() {
        assertThat(standard.pauseAfter(4, () -> 0.0)).contains(Duration.ofMinutes(96));
        assertThat(standard.pauseAfter(4, () -> Math.nextDown(1.0)).orElseThrow()).isLessThanOrEqualTo(Duration.ofMinutes(144))
                .isGreaterThan(Duration.ofMinutes(143));
        for (int i = 0; i < 1000; i++) {
            Duration pause = standard.pauseAfter(1, Math::random).orElseThrow();
            assertThat(pause).isBetween(Duration.ofMillis(4000), Duration.ofMillis(6000));
        }
    }

    @Test
    void afterTheLastAttemptThereIsNoPause() {
        assertThat(standard.pauseAfter(8, () -> 0.5)).isEmpty();
        assertThat(standard.pauseAfter(0, () -> 0.5)).isEmpty();
        assertThat(properties(List.of(), 0.2).schedule().pauseAfter(1, () -> 0.5)).as("an empty schedule: one attempt").isEmpty();
    }

    @Test
    void refusesNonsenseSettings() {
        assertThatThrownBy(() -> properties(List.of(Duration.ZERO), 0.2)).hasMessageContaining("retry-schedule");
        assertThatThrownBy(() -> properties(List.of(Duration.ofSeconds(1)), 1.0)).hasMessageContaining("jitter");
        assertThatThrownBy(() -> new WebhookProperties(List.of(), 0.2, 5, Duration.ofSeconds(10), Duration.ofSeconds(10),
                Duration.ofSeconds(20), Duration.ofSeconds(1), 20, true)).hasMessageContaining("lease");
        assertThatThrownBy(() -> new WebhookProperties(List.of(), 0.2, 0, Duration.ofSeconds(10), Duration.ofSeconds(10),
                Duration.ofMinutes(1), Duration.ofSeconds(1), 20, true)).hasMessageContaining("disable-after");
    }
}
