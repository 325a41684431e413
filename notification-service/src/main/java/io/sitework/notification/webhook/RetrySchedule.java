package io.sitework.notification.webhook;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * When a failed delivery is tried again. Kept apart from the worker so the schedule and its jitter bounds
 * are tested as plain values.
 */
public final class RetrySchedule {

    private final List<Duration> pauses;
    private final double jitter;

    public RetrySchedule(List<Duration> pauses, double jitter) {
        this.pauses = List.copyOf(pauses);
        this.jitter = jitter;
    }

    /** Attempts a delivery gets in one run: the first and one per pause. */
    public int attempts() {
        return pauses.size() + 1;
    }

    /**
     * The pause after the {@code failedAttempt}-th attempt of a run failed (1 = the first attempt), or empty
     * when that was the last attempt.
     *
     * @param random a value in [0, 1) that picks where in the jitter band the pause falls
     */
    public Optional<Duration> pauseAfter(int failedAttempt, DoubleSupplier random) {
        if (failedAttempt < 1 || failedAttempt > pauses.size()) {
            return Optional.empty();
        }
        Duration base = pauses.get(failedAttempt - 1);
        double factor = 1 - jitter + 2 * jitter * random.getAsDouble();
        return Optional.of(Duration.ofNanos(Math.round(base.toNanos() * factor)));
    }

    public List<Duration> pauses() {
        return pauses;
    }
}
