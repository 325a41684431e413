package io.sitework.notification.webhook;

/** Whether a subscription's deliveries are attempted. */
public enum WebhookStatus {
    ENABLED,
    /** Too many deliveries in a row failed (or an operator will say so): events are logged as SKIPPED, not sent. */
    DISABLED
}
