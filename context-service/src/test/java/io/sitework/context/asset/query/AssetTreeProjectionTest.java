package io.sitework.context.asset.query;

import io.sitework.context.asset.api.AssetEvents.AssetRegistered;
import io.sitework.context.asset.api.AssetStatus;
import io.sitework.context.asset.api.Criticality;
import io.sitework.support.axon.CommandMetadata;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class AssetTreeProjectionTest {

    private final Map<String, AssetDocument> saved = new HashMap<>();
    private int saves;
    private final AssetTreeProjection projection = new AssetTreeProjection(new AssetTreeStore() {
        @Override
        public Optional<AssetDocument> find(String assetId) {
            return Optional.ofNullable(saved.get(assetId));
        }

        @Override
        public void save(AssetDocument document) {
            saves++;
            saved.put(document.getId(), document);
        }

        @Override
        public void clear() {
            saved.clear();
        }
    });

    private void deliver(AssetRegistered event, long sequence, String actor) {
        GenericDomainEventMessage<AssetRegistered> message = new GenericDomainEventMessage<>("Asset", event.assetId(), sequence, event,
                MetaData.with(CommandMetadata.ACTOR, actor), "e-" + sequence, Instant.parse("2026-11-20T08:00:00Z"));
        projection.on(event, message, sequence);
    }

    @Test
    void registrationCreatesTheTreeNodeOnceEvenWhenRedelivered() {
        AssetRegistered registered = new AssetRegistered("a-1", "s-1", "area-1", "P-101", "Feed pump", "PUMP", Criticality.A,
                AssetStatus.IN_SERVICE);

        deliver(registered, 0, "carla");
        deliver(registered, 0, "mallory");

        assertThat(saves).isEqualTo(1);
        AssetDocument doc = saved.get("a-1");
        assertThat(doc.getTagKey()).isEqualTo("P-101");
        assertThat(doc.getParentId()).isEqualTo("area-1");
        assertThat(doc.getRegisteredBy()).isEqualTo("carla");
        assertThat(doc.getStatus()).isEqualTo(AssetStatus.IN_SERVICE);
    }
}
