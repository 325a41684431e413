package io.sitework.context.publish;

import io.sitework.events.CloudEvent;
import io.sitework.events.EventCatalog;
import io.sitework.events.EventType;
import io.sitework.events.IntegrationEvent;
import io.sitework.support.axon.CommandMetadata;
import org.axonframework.eventhandling.EventMessage;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Translates context-service's private domain events into the public integration events of shared-events. Each
 * area of the service maps its own events (answering null for the others); the CloudEvent id is the domain event's
 * id, so re-publication is recognisable.
 */
public final class IntegrationEventMapper {

    /** (domain event payload, actor) → the public event's data, or null when the area does not publish it. */
    private static final List<BiFunction<Object, String, IntegrationEvent>> AREAS = List.of(
            SiteEventMapper::data,
            AssetEventMapper::data,
            ContractorEventMapper::data,
            (payload, actor) -> PermitEventMapper.data(payload));

    private IntegrationEventMapper() {
    }

    public static Optional<CloudEvent> toCloudEvent(EventMessage<?> message, long sequence) {
        String actor = CommandMetadata.actor(message.getMetaData());
        return AREAS.stream()
                .map(area -> area.apply(message.getPayload(), actor))
                .filter(Objects::nonNull)
                .findFirst()
                .map(data -> CloudEvent.of(typed(EventCatalog.typeOf(data)), message.getIdentifier(), message.getTimestamp(), sequence,
                        CommandMetadata.correlationId(message.getMetaData()), actor, data));
    }

    @SuppressWarnings("unchecked")
    private static EventType<IntegrationEvent> typed(EventType<?> type) {
        return (EventType<IntegrationEvent>) type;
    }
}
