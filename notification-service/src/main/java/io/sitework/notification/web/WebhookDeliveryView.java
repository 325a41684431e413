package io.sitework.notification.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.sitework.events.CloudEventCodec;
import io.sitework.notification.webhook.DeliveryStatus;
import io.sitework.notification.webhook.WebhookAttempt;
import io.sitework.notification.webhook.WebhookDelivery;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;

/**
 * One delivery of the log. In lists it is a summary; read on its own it also carries the payload sent and
 * every attempt (when, HTTP status, error, duration, the first 1 KB of the answer).
 *
 * @param id the {@code webhook-id} header of its every attempt
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WebhookDeliveryView(
        String id,
        String subscriptionId,
        String eventId,
        String eventType,
        String siteId,
        DeliveryStatus status,
        int attemptCount,
        Instant createdAt,
        Instant nextAttemptAt,
        Instant lastAttemptAt,
        Instant deliveredAt,
        int redeliveries,
        Integer lastStatusCode,
        String lastError,
        JsonNode payload,
        List<WebhookAttempt> attempts) {

    static WebhookDeliveryView summary(WebhookDelivery d) {
        WebhookAttempt last = d.lastAttempt();
        return new WebhookDeliveryView(d.id(), d.subscriptionId(), d.eventId(), d.eventType(), d.siteId(), d.status(), d.attempts().size(),
                d.createdAt(), d.nextAttemptAt(), d.lastAttemptAt(), d.deliveredAt(), d.redeliveries(),
                last == null ? null : last.statusCode(), last == null ? null : last.error(), null, null);
    }

    static WebhookDeliveryView detail(WebhookDelivery d) {
        WebhookDeliveryView s = summary(d);
        JsonNode payload;
        try {
            payload = CloudEventCodec.mapper().readTree(d.payload());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new WebhookDeliveryView(s.id(), s.subscriptionId(), s.eventId(), s.eventType(), s.siteId(), s.status(), s.attemptCount(),
                s.createdAt(), s.nextAttemptAt(), s.lastAttemptAt(), s.deliveredAt(), s.redeliveries(), s.lastStatusCode(), s.lastError(),
                payload, d.attempts());
    }
}
