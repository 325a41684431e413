package io.sitework.notification.process;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.sitework.events.CloudEvent;
import io.sitework.notification.inbox.InboxEntry;
import io.sitework.notification.inbox.InboxStore;
import io.sitework.notification.webhook.WebhookFanout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.util.List;

/**
 * Applies one integration event: works out its notifications and stores them. Safe to call again with
 * the same event (Kafka redelivers after a crash or rebalance): entries are inserted only if absent,
 * and only new deliveries are counted.
 */
@Service
public class NotificationDispatcher {

    public static final String DELIVERED_METRIC = "sitework.notifications.delivered";

    private static final Logger log = LoggerFactory.getLogger(NotificationDispatcher.class);

    private final InboxProjection projection;
    private final InboxStore inbox;
    private final Clock clock;
    private final Counter deliveredToInbox;
    private final WebhookFanout webhooks;

    public NotificationDispatcher(InboxProjection projection, InboxStore inbox, Clock clock, MeterRegistry meterRegistry,
                                  WebhookFanout webhooks) {
        this.webhooks = webhooks;
        this.projection = projection;
        this.inbox = inbox;
        this.clock = clock;
        this.deliveredToInbox = Counter.builder(DELIVERED_METRIC)
                .description("Notifications delivered to a channel (redeliveries of the same event are not counted)")
                .tag("channel", InboxEntry.CHANNEL)
                .register(meterRegistry);
    }

    public void dispatch(CloudEvent event) {
        webhooks.onEvent(event);
        if (!projection.handles(event.type())) {
            log.debug("No notification rule for {} {}; skipped", event.type(), event.id());
            return;
        }
        List<InboxEntry> entries = projection.entriesFor(event, clock.instant());
        for (InboxEntry entry : entries) {
            if (inbox.insertIfAbsent(entry)) {
                deliveredToInbox.increment();
                log.info("Inbox entry {} for {} from {} {}", entry.id(), entry.userId(), event.type(), event.id());
            } else {
                log.debug("Inbox entry {} from {} already stored; redelivery ignored", entry.id(), event.id());
            }
        }
    }
}
