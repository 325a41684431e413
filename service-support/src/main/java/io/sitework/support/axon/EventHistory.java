package io.sitework.support.axon;

import com.fasterxml.jackson.databind.JsonNode;
import io.sitework.events.CloudEvent;
import io.sitework.events.CloudEventCodec;
import io.sitework.support.web.Paging;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The history of one aggregate, straight from the event store (every event from sequence 0, never a
 * snapshot), each event shown as the public integration event it is published as: the same
 * {@code type} and {@code data} a Kafka consumer sees. A service gives it its own mapping from
 * domain events to integration events.
 */
public class EventHistory {

    /** How a service publishes a stored event, if it does (its IntegrationEventMapper). */
    @FunctionalInterface
    public interface Publication {
        Optional<CloudEvent> toCloudEvent(EventMessage<?> message, long sequence);
    }

    /**
     * One stored event.
     *
     * @param id   the event's id (the CloudEvent id it is published under)
     * @param type the public event type (e.g. {@code io.sitework.work.requested.v1}); for a domain
     *             event with no public counterpart, the domain event's simple class name
     * @param occurredAt business time: when it happened on site, as the command's {@code X-Occurred-At} said;
     *                   the recording time when it said nothing
     * @param recordedAt when Sitework stored it (the event's timestamp; what {@code asOf} and the CloudEvent
     *                   {@code time} go by)
     * @param data the public event's data; for a domain event with no public counterpart, its payload
     */
    public record Entry(long sequence, String id, String type, Instant occurredAt, Instant recordedAt, String actor,
                        String correlationId, JsonNode data) {
    }

    private final EventStore eventStore;
    private final Publication publication;

    public EventHistory(EventStore eventStore, Publication publication) {
        this.eventStore = eventStore;
        this.publication = publication;
    }

    /** The events of the aggregate in sequence order, {@code size} at a time; {@code total} is the number of events. */
    public Paging.Page<Entry> page(String aggregateId, int page, int size) {
        Optional<Long> last = eventStore.lastSequenceNumberFor(aggregateId);
        long total = last.map(l -> l + 1).orElse(0L);
        long first = (long) page * size;
        List<Entry> entries = new ArrayList<>();
        if (first < total) {
            DomainEventStream events = eventStore.readEvents(aggregateId, first);
            while (events.hasNext() && entries.size() < size) {
                entries.add(entry(events.next()));
            }
        }
        return new Paging.Page<>(entries, page, size, total);
    }

    public Entry entry(DomainEventMessage<?> message) {
        long sequence = message.getSequenceNumber();
        String actor = CommandMetadata.actor(message.getMetaData());
        String correlationId = CommandMetadata.correlationId(message.getMetaData());
        Instant recordedAt = message.getTimestamp();
        Instant occurredAt = CommandMetadata.occurredAt(message.getMetaData()).orElse(recordedAt);
        Optional<CloudEvent> published = publication.toCloudEvent(message, sequence);
        if (published.isPresent()) {
            CloudEvent event = published.get();
            return new Entry(sequence, message.getIdentifier(), event.type(), occurredAt, recordedAt, actor, correlationId,
                    CloudEventCodec.toJson(event).get("data"));
        }
        return new Entry(sequence, message.getIdentifier(), message.getPayloadType().getSimpleName(), occurredAt, recordedAt, actor,
                correlationId, CloudEventCodec.mapper().valueToTree(message.getPayload()));
    }
}
