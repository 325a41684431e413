package io.sitework.notification.rules;

/** The channels that carry a notification to a person (webhooks carry events to systems, not people). */
public enum Channel {
    INBOX,
    EMAIL
}
