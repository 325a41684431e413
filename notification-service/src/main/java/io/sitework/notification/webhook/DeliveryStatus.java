package io.sitework.notification.webhook;

/** Where one delivery (one event to one subscription) stands. */
public enum DeliveryStatus {
    /** Waiting for its next attempt at {@code nextAttemptAt}. */
    PENDING,
    /** Claimed by a worker that is sending it now (until {@code leaseUntil}). */
    SENDING,
    /** A 2xx answer was received. */
    DELIVERED,
    /** Every attempt of the retry schedule failed. */
    FAILED,
    /** Not attempted because the subscription was disabled; can be redelivered by hand. */
    SKIPPED
}
