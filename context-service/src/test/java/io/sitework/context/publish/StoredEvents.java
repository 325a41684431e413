package io.sitework.context.publish;

import io.sitework.events.CloudEvent;
import io.sitework.events.CloudEventCodec;
import io.sitework.support.axon.CommandMetadata;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** Domain events as the event store hands them to the publisher, and what it publishes for them. */
final class StoredEvents {

    static final Instant AT = Instant.parse("2026-11-20T08:00:00Z");

    private StoredEvents() {
    }

    /** The CloudEvent published for a stored event (which must have one); checks the envelope survives the wire. */
    static CloudEvent published(String aggregateId, long sequence, Object payload, String actor) {
        GenericDomainEventMessage<Object> message = new GenericDomainEventMessage<>("Aggregate", aggregateId, sequence, payload,
                MetaData.with(CommandMetadata.ACTOR, actor).and(CommandMetadata.CORRELATION_ID, "corr-1"), "evt-" + sequence, AT);
        CloudEvent event = IntegrationEventMapper.toCloudEvent(message, sequence).orElseThrow();
        assertThat(event.id()).isEqualTo("evt-" + sequence);
        assertThat(event.sequence()).isEqualTo(sequence);
        assertThat(event.subject()).isEqualTo(aggregateId);
        assertThat(event.actor()).isEqualTo(actor);
        assertThat(event.correlationid()).isEqualTo("corr-1");
        assertThat(event.time()).isEqualTo(AT);
        assertThat(CloudEventCodec.fromBytes(CloudEventCodec.toBytes(event))).isEqualTo(event);
        return event;
    }

    /** Whether a stored event is published at all. */
    static boolean isPublished(Object payload) {
        return IntegrationEventMapper.toCloudEvent(new GenericDomainEventMessage<>("Aggregate", "x", 0, payload, MetaData.emptyInstance()), 0)
                .isPresent();
    }
}
