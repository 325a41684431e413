package io.sitework.notification.web;

import io.sitework.notification.inbox.InboxEntry;

import java.time.Instant;

/**
 * An inbox entry as the portal sees it.
 *
 * @param seq the entry's number in the live stream (its SSE id); null for entries stored before the stream existed
 */
public record NotificationView(
        String id,
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
        boolean read,
        Long seq) {

    static NotificationView of(InboxEntry entry) {
        return new NotificationView(entry.id(), entry.userId(), entry.siteId(), entry.eventId(), entry.eventType(),
                entry.subjectId(), entry.title(), entry.body(), entry.correlationId(), entry.occurredAt(),
                entry.createdAt(), entry.readAt(), entry.isRead(), entry.seq());
    }
}
