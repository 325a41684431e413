package io.sitework.notification.webhook;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.List;

/**
 * A downstream system's standing order for events: which types, of which sites, POSTed where. The secret
 * is kept to sign deliveries (an HMAC needs the key itself) and is shown to the subscriber only once.
 *
 * @param siteIds                     the sites whose events it receives; empty means every site
 * @param consecutiveFailedDeliveries deliveries in a row that FAILED (every retry used up); reset by a delivery
 */
@Document(WebhookSubscription.COLLECTION)
public record WebhookSubscription(
        @Id String id,
        String url,
        List<String> eventTypes,
        List<String> siteIds,
        String description,
        WebhookStatus status,
        String secret,
        Instant createdAt,
        String createdBy,
        int consecutiveFailedDeliveries,
        Instant disabledAt,
        String disabledReason) {

    public static final String COLLECTION = "webhook_subscriptions";

    public WebhookSubscription {
        eventTypes = eventTypes == null ? List.of() : List.copyOf(eventTypes);
        siteIds = siteIds == null ? List.of() : List.copyOf(siteIds);
    }

    public boolean allSites() {
        return siteIds.isEmpty();
    }

    public boolean enabled() {
        return status == WebhookStatus.ENABLED;
    }

    /** Whether an event of this type and site is for this subscription. */
    public boolean matches(String eventType, String siteId) {
        return (allSites() || siteIds.contains(siteId)) && eventTypes.stream().anyMatch(pattern -> EventTypePatterns.matches(pattern, eventType));
    }
}
