package io.sitework.events;

import java.time.Instant;
import java.util.Objects;

/**
 * A CloudEvents 1.0 envelope in structured JSON mode, with Sitework's extensions.
 *
 * @param id            the domain event's id: stable across redelivery and re-publication
 * @param source        {@code /sites/{siteId}/{collection}/{aggregateId}}
 * @param type          e.g. {@code io.sitework.work.requested.v1}
 * @param subject       the aggregate id
 * @param time          when the domain event was recorded
 * @param siteid        extension: the site of the aggregate
 * @param sequence      extension: the event's sequence number within its aggregate (0-based)
 * @param correlationid extension: the correlation id of the request that caused it, if any
 * @param actor         extension: the user (or system component) that caused it
 * @param data          the typed payload, one of the records registered in {@link EventCatalog}
 */
public record CloudEvent(
        String id,
        String source,
        String type,
        String subject,
        Instant time,
        String siteid,
        long sequence,
        String correlationid,
        String actor,
        IntegrationEvent data) {

    public static final String SPEC_VERSION = "1.0";
    public static final String DATA_CONTENT_TYPE = "application/json";

    public CloudEvent {
        requireText(id, "id");
        requireText(source, "source");
        requireText(type, "type");
        requireText(subject, "subject");
        Objects.requireNonNull(time, "time");
        requireText(siteid, "siteid");
        if (sequence < 0) {
            throw new IllegalArgumentException("sequence must not be negative");
        }
        Objects.requireNonNull(data, "data");
    }

    /** Builds the envelope for a payload of a registered type. */
    public static <T extends IntegrationEvent> CloudEvent of(EventType<T> eventType, String id, Instant time, long sequence,
                                                             String correlationId, String actor, T data) {
        return new CloudEvent(id, eventType.sourceFor(data.siteId(), data.aggregateId()), eventType.type(), data.aggregateId(),
                time, data.siteId(), sequence, correlationId, actor, data);
    }

    /** The payload cast to the record of the given type, or an exception if this event is of another type. */
    public <T extends IntegrationEvent> T dataAs(EventType<T> eventType) {
        if (!eventType.type().equals(type)) {
            throw new IllegalStateException("event " + id + " is " + type + ", not " + eventType.type());
        }
        return eventType.dataClass().cast(data);
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
    }
}
