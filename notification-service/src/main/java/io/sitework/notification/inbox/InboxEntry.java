package io.sitework.notification.inbox;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.mapping.Document;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * One notification in one user's in-app inbox.
 *
 * @param id            derived from (event id, recipient, channel): the same event never yields two entries
 * @param eventId       the CloudEvent that caused it
 * @param subjectId     what it is about (e.g. the work id)
 * @param correlationId the request that caused the event, so support can follow it from the portal to here
 * @param occurredAt    when the event happened (the CloudEvent {@code time}); the inbox is ordered by it
 * @param createdAt     when this entry was stored
 * @param readAt        when the user marked it read, or null while unread
 * @param seq           the entry's place in the order of storage, across all inboxes, given by the store on
 *                      insert: the live stream's event id, from which a client resumes; null for an entry not
 *                      stored yet and for entries stored before the stream existed
 */
@Document(InboxEntry.COLLECTION)
public record InboxEntry(
        @Id String id,
        String userId,
        String siteId,
        String eventId,
        String eventType,
        String subjectId,
        String title,
        String body,
        String correlationId,
        Instant occurredAt,
        Instant createdAt,
        Instant readAt,
        Long seq) {

    public static final String COLLECTION = "inbox";
    public static final String CHANNEL = "inbox";

    @PersistenceCreator
    public InboxEntry {
    }

    /** An entry not stored yet: the store gives it its {@link #seq()}. */
    public InboxEntry(String id, String userId, String siteId, String eventId, String eventType, String subjectId, String title,
                      String body, String correlationId, Instant occurredAt, Instant createdAt, Instant readAt) {
        this(id, userId, siteId, eventId, eventType, subjectId, title, body, correlationId, occurredAt, createdAt, readAt, null);
    }

    /** A name-based UUID of the triple; each part is length-prefixed so no two triples collide by concatenation. */
    public static String idFor(String eventId, String recipientId, String channel) {
        String name = eventId.length() + ":" + eventId + "|" + recipientId.length() + ":" + recipientId + "|" + channel;
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }

    public boolean isRead() {
        return readAt != null;
    }
}
