package io.sitework.notification.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.sitework.notification.webhook.WebhookStatus;
import io.sitework.notification.webhook.WebhookSubscription;

import java.time.Instant;
import java.util.List;

/**
 * A webhook subscription as its managers see it. {@code secret} appears only in the answer to its creation
 * (Standard Webhooks: the subscriber stores it then, it is never shown again).
 */
public record WebhookView(
        String id,
        String url,
        List<String> eventTypes,
        List<String> siteIds,
        String description,
        WebhookStatus status,
        Instant createdAt,
        String createdBy,
        int consecutiveFailedDeliveries,
        Instant disabledAt,
        String disabledReason,
        @JsonInclude(JsonInclude.Include.NON_NULL) String secret) {

    static WebhookView of(WebhookSubscription s) {
        return new WebhookView(s.id(), s.url(), s.eventTypes(), s.siteIds(), s.description(), s.status(), s.createdAt(), s.createdBy(),
                s.consecutiveFailedDeliveries(), s.disabledAt(), s.disabledReason(), null);
    }

    static WebhookView withSecret(WebhookSubscription s) {
        return new WebhookView(s.id(), s.url(), s.eventTypes(), s.siteIds(), s.description(), s.status(), s.createdAt(), s.createdBy(),
                s.consecutiveFailedDeliveries(), s.disabledAt(), s.disabledReason(), s.secret());
    }
}
