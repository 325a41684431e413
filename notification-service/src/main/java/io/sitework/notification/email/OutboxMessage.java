package io.sitework.notification.email;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/**
 * One document of the e-mail outbox. Three kinds share the collection, so a delivery id is stored once
 * whichever way it goes:
 * <ul>
 *   <li>{@code MESSAGE}: one notification sent alone; PENDING → SENDING → SENT, or back to PENDING to retry,
 *       or FAILED;</li>
 *   <li>{@code DIGEST_ITEM}: one notification waiting for its recipient's digest (COLLECTED), and INCLUDED,
 *       with {@code digestId}, once a sent digest carried it;</li>
 *   <li>{@code DIGEST}: one digest e-mail (id from recipient and local date), sent like a message; its items are
 *       read when it is sent: COLLECTED items of its recipient due by its {@code cutoff}. SKIPPED when none are
 *       left.</li>
 * </ul>
 * Times of day and zones are stored as ISO strings.
 */
@Document(OutboxMessage.COLLECTION)
public record OutboxMessage(
        @Id String id,
        String type,
        String status,
        String eventId,
        String eventType,
        String siteId,
        String recipientId,
        String toAddress,
        String recipientName,
        String kind,
        String subjectId,
        String title,
        String body,
        String link,
        Instant occurredAt,
        String correlationId,
        String zone,
        String quietStart,
        String quietEnd,
        String digestAt,
        Instant notBefore,
        Instant dueAt,
        String digestId,
        Instant cutoff,
        String digestDate,
        int attempts,
        Instant leaseUntil,
        String lastError,
        Instant createdAt,
        Instant sentAt) {

    public static final String COLLECTION = "email_outbox";

    public static final String MESSAGE = "MESSAGE";
    public static final String DIGEST_ITEM = "DIGEST_ITEM";
    public static final String DIGEST = "DIGEST";

    public static final String PENDING = "PENDING";
    public static final String SENDING = "SENDING";
    public static final String SENT = "SENT";
    public static final String FAILED = "FAILED";
    public static final String SKIPPED = "SKIPPED";
    public static final String COLLECTED = "COLLECTED";
    public static final String INCLUDED = "INCLUDED";

    public boolean isDigest() {
        return DIGEST.equals(type);
    }
}
