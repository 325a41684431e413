package io.sitework.work.publish;

import io.sitework.events.CloudEvent;
import io.sitework.events.EventCatalog;
import io.sitework.support.axon.CommandMetadata;
import io.sitework.work.api.WorkEvents;
import org.axonframework.eventhandling.EventMessage;

import java.util.Optional;

/**
 * Translates work-service's private domain events into the public integration events of
 * shared-events. The CloudEvent id is the domain event's id, so re-publication is recognisable.
 */
public final class IntegrationEventMapper {

    private IntegrationEventMapper() {
    }

    public static Optional<CloudEvent> toCloudEvent(EventMessage<?> message, long sequence) {
        String correlationId = CommandMetadata.correlationId(message.getMetaData());
        String actor = CommandMetadata.actor(message.getMetaData());
        Object payload = message.getPayload();
        if (payload instanceof WorkEvents.WorkRequested e) {
            return Optional.of(CloudEvent.of(EventCatalog.WORK_REQUESTED, message.getIdentifier(), message.getTimestamp(), sequence,
                    correlationId, actor, new io.sitework.events.work.WorkRequested(e.workId(), e.siteId(), e.kind().name(), e.title(),
                            e.description(), e.priority().name(), e.ownerId(), actor, e.dueAt(), e.assetIds())));
        }
        if (payload instanceof WorkEvents.WorkStarted e) {
            return Optional.of(CloudEvent.of(EventCatalog.WORK_STARTED, message.getIdentifier(), message.getTimestamp(), sequence,
                    correlationId, actor, new io.sitework.events.work.WorkStarted(e.workId(), e.siteId(), actor)));
        }
        if (payload instanceof WorkEvents.WorkCompleted e) {
            return Optional.of(CloudEvent.of(EventCatalog.WORK_COMPLETED, message.getIdentifier(), message.getTimestamp(), sequence,
                    correlationId, actor, new io.sitework.events.work.WorkCompleted(e.workId(), e.siteId(), actor, e.outcome())));
        }
        return Optional.empty();
    }
}
