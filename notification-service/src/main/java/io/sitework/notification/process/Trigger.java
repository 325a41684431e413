package io.sitework.notification.process;

import io.sitework.events.CloudEvent;

import java.time.Instant;

/**
 * What caused notifications: an integration event, or one of this service's timers (due soon,
 * escalations). {@code id} names it for good: with the recipient and channel it makes the delivery id,
 * so the same cause never notifies the same person twice on one channel.
 */
public record Trigger(String id, String type, String siteId, Instant occurredAt, String correlationId, String actor) {

    public static Trigger of(CloudEvent event) {
        return new Trigger(event.id(), event.type(), event.siteid(), event.time(), event.correlationid(), event.actor());
    }
}
