package io.sitework.context.publish;

import io.sitework.context.asset.api.AssetEvents;
import io.sitework.context.permit.api.PermitEvents;
import io.sitework.events.CloudEvent;
import io.sitework.events.EventCatalog;
import io.sitework.events.context.AssetRegistered;
import io.sitework.support.axon.CommandMetadata;
import org.axonframework.eventhandling.EventMessage;

import java.util.Optional;

/** Translates context-service's private domain events into the public integration events of shared-events. */
public final class IntegrationEventMapper {

    private IntegrationEventMapper() {
    }

    public static Optional<CloudEvent> toCloudEvent(EventMessage<?> message, long sequence) {
        String correlationId = CommandMetadata.correlationId(message.getMetaData());
        String actor = CommandMetadata.actor(message.getMetaData());
        if (message.getPayload() instanceof AssetEvents.AssetRegistered e) {
            return Optional.of(CloudEvent.of(EventCatalog.ASSET_REGISTERED, message.getIdentifier(), message.getTimestamp(), sequence,
                    correlationId, actor, new AssetRegistered(e.assetId(), e.siteId(), e.parentId(), e.tag(), e.name(), e.assetClass(),
                            e.criticality().name(), e.status().name())));
        }
        if (message.getPayload() instanceof PermitEvents.PermitEvent) {
            return PermitEventMapper.toCloudEvent(message, sequence);
        }
        return Optional.empty();
    }
}
