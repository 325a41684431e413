package io.sitework.notification.webhook;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.List;

/**
 * One event on its way to one subscription, and the log of its attempts. The id is also the
 * {@code webhook-id} header: the same on every attempt and redelivery, so a receiver can drop repeats.
 *
 * @param payload       the CloudEvent in structured JSON, exactly the bytes that are signed and sent
 * @param attemptCount  attempts started (a claim counts one, even if the worker crashed before recording it)
 * @param runStart      {@code attemptCount} when the current run began (0, or the count at the last redelivery):
 *                      the retry schedule counts from there
 * @param leaseUntil    while SENDING: until when the claiming worker owns it
 * @param leaseToken    while SENDING: which claim owns it, so a worker whose lease expired cannot record
 * @param redeliveries  how many times it was redelivered by hand
 */
@Document(WebhookDelivery.COLLECTION)
public record WebhookDelivery(
        @Id String id,
        String subscriptionId,
        String eventId,
        String eventType,
        String siteId,
        Instant eventTime,
        String payload,
        DeliveryStatus status,
        int attemptCount,
        int runStart,
        Instant nextAttemptAt,
        Instant leaseUntil,
        String leaseToken,
        Instant createdAt,
        Instant lastAttemptAt,
        Instant deliveredAt,
        int redeliveries,
        List<WebhookAttempt> attempts) {

    public static final String COLLECTION = "webhook_deliveries";
    public static final String CHANNEL = "webhook";

    public WebhookDelivery {
        attempts = attempts == null ? List.of() : List.copyOf(attempts);
    }

    /** The number of the attempt within the current run (1 = the run's first). */
    public int attemptInRun() {
        return attemptCount - runStart;
    }

    public WebhookAttempt lastAttempt() {
        return attempts.isEmpty() ? null : attempts.get(attempts.size() - 1);
    }
}
