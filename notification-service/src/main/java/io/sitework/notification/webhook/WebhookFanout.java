package io.sitework.notification.webhook;

import io.sitework.events.CloudEvent;
import io.sitework.events.CloudEventCodec;
import io.sitework.notification.inbox.InboxEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * From an integration event to one stored delivery per matching subscription. Called by the Kafka listener
 * before the offset is committed, so it returns only once every delivery is stored; a repeat of the same event
 * finds the deliveries there (their ids derive from the event and the subscription) and changes nothing.
 * Sending is the {@link WebhookDeliveryWorker}'s job, so a slow receiver never holds up the topic.
 */
@Component
public class WebhookFanout {

    private static final Logger log = LoggerFactory.getLogger(WebhookFanout.class);

    private final WebhookSubscriptionStore subscriptions;
    private final WebhookDeliveryStore deliveries;
    private final Clock clock;

    public WebhookFanout(WebhookSubscriptionStore subscriptions, WebhookDeliveryStore deliveries, Clock clock) {
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.clock = clock;
    }

    public void onEvent(CloudEvent event) {
        List<WebhookSubscription> matching = subscriptions.findAll().stream()
                .filter(subscription -> subscription.matches(event.type(), event.siteid()))
                .toList();
        if (matching.isEmpty()) {
            return;
        }
        String payload = CloudEventCodec.toJsonString(event);
        Instant now = clock.instant();
        for (WebhookSubscription subscription : matching) {
            WebhookDelivery delivery = newDelivery(event, subscription, payload, now);
            if (deliveries.insertIfAbsent(delivery)) {
                log.debug("Webhook delivery {} of {} {} to subscription {} ({})", delivery.id(), event.type(), event.id(),
                        subscription.id(), delivery.status());
            }
        }
    }

    /** Due now for an enabled subscription; SKIPPED (kept for a manual redelivery) for a disabled one. */
    static WebhookDelivery newDelivery(CloudEvent event, WebhookSubscription subscription, String payload, Instant now) {
        boolean send = subscription.enabled();
        return new WebhookDelivery(
                InboxEntry.idFor(event.id(), subscription.id(), WebhookDelivery.CHANNEL),
                subscription.id(), event.id(), event.type(), event.siteid(), event.time(), payload,
                send ? DeliveryStatus.PENDING : DeliveryStatus.SKIPPED, 0, 0, send ? now : null, null, null,
                now, null, null, 0, List.of());
    }
}
