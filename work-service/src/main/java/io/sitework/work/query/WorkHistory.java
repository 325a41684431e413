package io.sitework.work.query;

import com.fasterxml.jackson.databind.JsonNode;
import io.sitework.events.CloudEvent;
import io.sitework.events.CloudEventCodec;
import io.sitework.support.axon.CommandMetadata;
import io.sitework.support.domain.NotFoundException;
import io.sitework.support.domain.SiteScoped;
import io.sitework.support.web.Paging;
import io.sitework.work.publish.IntegrationEventMapper;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The history of one work item, straight from the event store (every event from sequence 0, never
 * a snapshot), each event shown as the public integration event it is published as: the same
 * {@code type} and {@code data} a Kafka consumer sees.
 */
@Component
public class WorkHistory {

    private final EventStore eventStore;

    public WorkHistory(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    /**
     * One stored event.
     *
     * @param id   the event's id (the CloudEvent id it is published under)
     * @param type the public event type (e.g. {@code io.sitework.work.requested.v1}); for a domain
     *             event with no public counterpart, the domain event's simple class name
     * @param data the public event's data; for a domain event with no public counterpart, its payload
     */
    public record Entry(long sequence, String id, String type, Instant occurredAt, String actor, String correlationId,
                        JsonNode data) {
    }

    /** The site of the work, from its first event. */
    public String siteOf(String workId) {
        DomainEventStream events = eventStore.readEvents(workId, 0);
        if (!events.hasNext()) {
            throw new NotFoundException("No work with id " + workId);
        }
        if (events.next().getPayload() instanceof SiteScoped scoped) {
            return scoped.siteId();
        }
        throw new NotFoundException("No work with id " + workId);
    }

    /** The events of the work in sequence order, {@code size} at a time; {@code total} is the number of events. */
    public Paging.Page<Entry> page(String workId, int page, int size) {
        Optional<Long> last = eventStore.lastSequenceNumberFor(workId);
        long total = last.map(l -> l + 1).orElse(0L);
        long first = (long) page * size;
        List<Entry> entries = new ArrayList<>();
        if (first < total) {
            DomainEventStream events = eventStore.readEvents(workId, first);
            while (events.hasNext() && entries.size() < size) {
                entries.add(entry(events.next()));
            }
        }
        return new Paging.Page<>(entries, page, size, total);
    }

    static Entry entry(DomainEventMessage<?> message) {
        long sequence = message.getSequenceNumber();
        String actor = CommandMetadata.actor(message.getMetaData());
        String correlationId = CommandMetadata.correlationId(message.getMetaData());
        Optional<CloudEvent> published = IntegrationEventMapper.toCloudEvent(message, sequence);
        if (published.isPresent()) {
            CloudEvent event = published.get();
            return new Entry(sequence, message.getIdentifier(), event.type(), message.getTimestamp(), actor, correlationId,
                    CloudEventCodec.toJson(event).get("data"));
        }
        return new Entry(sequence, message.getIdentifier(), message.getPayloadType().getSimpleName(), message.getTimestamp(), actor,
                correlationId, CloudEventCodec.mapper().valueToTree(message.getPayload()));
    }
}
