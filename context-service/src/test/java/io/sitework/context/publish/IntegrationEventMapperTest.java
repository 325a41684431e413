package io.sitework.context.publish;

import io.sitework.context.asset.api.AssetEvents;
import io.sitework.context.asset.api.AssetStatus;
import io.sitework.context.asset.api.Criticality;
import io.sitework.events.CloudEvent;
import io.sitework.events.CloudEventCodec;
import io.sitework.events.EventCatalog;
import io.sitework.support.axon.CommandMetadata;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class IntegrationEventMapperTest {

    @Test
    void assetRegisteredBecomesTheV1Contract() {
        AssetEvents.AssetRegistered registered = new AssetEvents.AssetRegistered("a-1", "s-1", null, "P-101", "Pump", "PUMP",
                Criticality.B, AssetStatus.IN_SERVICE);
        GenericDomainEventMessage<Object> message = new GenericDomainEventMessage<>("Asset", "a-1", 0, registered,
                MetaData.with(CommandMetadata.ACTOR, "carla").and(CommandMetadata.CORRELATION_ID, "c-1"), "evt-1",
                Instant.parse("2026-11-20T08:00:00Z"));

        CloudEvent event = IntegrationEventMapper.toCloudEvent(message, 0).orElseThrow();

        assertThat(event.id()).isEqualTo("evt-1");
        assertThat(event.source()).isEqualTo("/sites/s-1/assets/a-1");
        assertThat(event.actor()).isEqualTo("carla");
        assertThat(event.correlationid()).isEqualTo("c-1");
        assertThat(event.dataAs(EventCatalog.ASSET_REGISTERED).criticality()).isEqualTo("B");
        assertThat(event.dataAs(EventCatalog.ASSET_REGISTERED).status()).isEqualTo("IN_SERVICE");
        assertThat(event.dataAs(EventCatalog.ASSET_REGISTERED).parentId()).isNull();
        assertThat(CloudEventCodec.fromBytes(CloudEventCodec.toBytes(event))).isEqualTo(event);
    }
}
