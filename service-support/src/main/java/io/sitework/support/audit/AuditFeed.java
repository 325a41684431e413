package io.sitework.support.audit;

import com.fasterxml.jackson.databind.JsonNode;
import io.sitework.events.CloudEvent;
import io.sitework.events.CloudEventCodec;
import io.sitework.support.axon.EventHistory;
import io.sitework.support.kafka.IntegrationEventPublisher;
import io.sitework.support.web.BadRequestException;
import org.axonframework.eventhandling.DomainEventMessage;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A site's events in the event store's global order, for auditors and for downstream systems that missed
 * Kafka's retention: a paged feed with a resumable cursor, an NDJSON export of the CloudEvents, and their
 * re-publication to Kafka.
 *
 * <p>The global index is taken when an event is inserted, but becomes visible when its transaction commits:
 * a transaction still in flight can commit a smaller index than one already visible. A cursor past such a
 * gap would skip that event for ever. So only events older than the settle window are served, and a page
 * stops at the first younger one: a transaction that takes less than half the window from creating its
 * events to committing them cannot commit behind a cursor handed out (see docs/api.md).
 */
public class AuditFeed {

    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1000;
    public static final int MAX_REPUBLISH = 1000;
    private static final int EXPORT_CHUNK = 500;

    /** One event as the feed shows it: the public integration event it is published as, if any. */
    public record Item(String id, String type, Instant time, String subject, String aggregateId, long sequence, String actor,
                       String correlationId, JsonNode data) {
    }

    /** A page of the feed; pass {@code next} as {@code after} to continue (it never moves past an unsettled event). */
    public record Page(List<Item> items, String next) {
    }

    /** What a re-publication sent, and where to continue. */
    public record Republished(int published, String next) {
    }

    private final String stream;
    private final SiteEventLog log;
    private final EventHistory.Publication publication;
    private final EventHistory history;
    private final IntegrationEventPublisher publisher;
    private final Clock clock;
    private final Duration settle;

    public AuditFeed(String stream, SiteEventLog log, EventHistory.Publication publication, IntegrationEventPublisher publisher,
                     Clock clock, Duration settle) {
        this.stream = stream;
        this.log = log;
        this.publication = publication;
        this.history = new EventHistory(null, publication); // only its per-event view is used, never the store
        this.publisher = publisher;
        this.clock = clock;
        this.settle = settle;
    }

    /** The name of this service's feed ({@code work}, {@code context}): the last segment of its paths. */
    public String stream() {
        return stream;
    }

    public Page page(String siteId, String after, int limit) {
        long position = FeedCursor.decode(after, "after");
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new BadRequestException("limit", "must be between 1 and " + MAX_LIMIT);
        }
        List<Item> items = new ArrayList<>();
        for (SiteEventLog.StoredEvent event : settled(log.after(siteId, position, limit))) {
            items.add(item(event.message()));
            position = event.globalIndex();
        }
        return new Page(items, FeedCursor.encode(position));
    }

    /** Writes the site's published events whose time is in [from, to) as NDJSON, one CloudEvent per line, a chunk at a time. */
    public void export(String siteId, Instant from, Instant to, OutputStream out) throws IOException {
        long position = -1;
        while (true) {
            List<SiteEventLog.StoredEvent> chunk = log.between(siteId, position, from, to, EXPORT_CHUNK);
            List<SiteEventLog.StoredEvent> settled = settled(chunk);
            for (SiteEventLog.StoredEvent event : settled) {
                Optional<CloudEvent> published = publication.toCloudEvent(event.message(), event.message().getSequenceNumber());
                if (published.isPresent()) {
                    out.write(CloudEventCodec.toBytes(published.get()));
                    out.write('\n');
                }
                position = event.globalIndex();
            }
            out.flush();
            if (chunk.size() < EXPORT_CHUNK || settled.size() < chunk.size()) {
                return;
            }
        }
    }

    /**
     * Sends the site's integration events after the cursor again, in global order (so in order per aggregate),
     * under their original ids and keys, each acknowledged by the broker before the next.
     */
    public Republished republish(String siteId, String after, int limit) {
        long position = FeedCursor.decode(after, "after");
        if (limit < 1 || limit > MAX_REPUBLISH) {
            throw new BadRequestException("limit", "must be between 1 and " + MAX_REPUBLISH);
        }
        int published = 0;
        for (SiteEventLog.StoredEvent event : settled(log.after(siteId, position, limit))) {
            Optional<CloudEvent> cloudEvent = publication.toCloudEvent(event.message(), event.message().getSequenceNumber());
            if (cloudEvent.isPresent()) {
                publisher.publish(cloudEvent.get());
                published++;
            }
            position = event.globalIndex();
        }
        return new Republished(published, FeedCursor.encode(position));
    }

    /** The events up to (not including) the first one younger than the settle window. */
    private List<SiteEventLog.StoredEvent> settled(List<SiteEventLog.StoredEvent> events) {
        Instant horizon = clock.instant().minus(settle);
        List<SiteEventLog.StoredEvent> settled = new ArrayList<>();
        for (SiteEventLog.StoredEvent event : events) {
            if (!event.message().getTimestamp().isBefore(horizon)) {
                break;
            }
            settled.add(event);
        }
        return settled;
    }

    private Item item(DomainEventMessage<?> message) {
        EventHistory.Entry entry = history.entry(message);
        String subject = publication.toCloudEvent(message, message.getSequenceNumber()).map(CloudEvent::subject)
                .orElse(message.getAggregateIdentifier());
        return new Item(entry.id(), entry.type(), entry.occurredAt(), subject, message.getAggregateIdentifier(), entry.sequence(),
                entry.actor(), entry.correlationId(), entry.data());
    }
}
