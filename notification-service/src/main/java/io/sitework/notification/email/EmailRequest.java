package io.sitework.notification.email;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * One notification to send to one person by e-mail, as the dispatcher hands it to {@link EmailOutbox}.
 * Everything the e-mail needs travels with it, so sending never looks anything up elsewhere.
 *
 * @param deliveryId    {@code InboxEntry.idFor(eventId, recipientId, "email")}: one e-mail per (event, recipient)
 * @param link          a path in the portal (e.g. {@code /work/w-1}), or null for the portal's start page
 * @param occurredAt    the CloudEvent's {@code time}; the latency metric is measured from it
 * @param zone          the recipient's time zone, for quiet hours, the digest time and dates in the e-mail
 * @param quietHours    when the recipient is not to be e-mailed, or null for never
 * @param digest        true: collect it into the recipient's daily digest instead of sending it alone
 * @param digestAt      the local time of the daily digest; required when {@code digest}
 */
public record EmailRequest(
        String deliveryId,
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
        ZoneId zone,
        QuietHours quietHours,
        boolean digest,
        LocalTime digestAt) {

    public EmailRequest {
        require(deliveryId, "deliveryId");
        require(recipientId, "recipientId");
        require(toAddress, "toAddress");
        require(title, "title");
        if (zone == null) {
            throw new IllegalArgumentException("zone is required");
        }
        if (digest && digestAt == null) {
            throw new IllegalArgumentException("digestAt is required for a digest request");
        }
    }

    private static void require(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
    }
}
