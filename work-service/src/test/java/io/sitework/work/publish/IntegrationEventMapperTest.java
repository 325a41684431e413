package io.sitework.work.publish;

import io.sitework.events.CloudEvent;
import io.sitework.events.CloudEventCodec;
import io.sitework.events.EventCatalog;
import io.sitework.support.axon.CommandMetadata;
import io.sitework.work.api.Priority;
import io.sitework.work.api.WorkEvents;
import io.sitework.work.api.WorkKind;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class IntegrationEventMapperTest {

    private static final Instant AT = Instant.parse("2026-11-25T07:30:00Z");

    private static GenericDomainEventMessage<Object> message(Object payload, long sequence) {
        return new GenericDomainEventMessage<>("Work", "w-1", sequence, payload,
                MetaData.with(CommandMetadata.ACTOR, "anna").and(CommandMetadata.CORRELATION_ID, "corr-9"), "evt-" + sequence, AT);
    }

    @Test
    void workRequestedBecomesTheV1ContractWithTheEnvelopeFromTheStoredEvent() {
        WorkEvents.WorkRequested requested = new WorkEvents.WorkRequested("w-1", "s-1", WorkKind.ROUND, "Night round", null,
                Priority.LOW, "bruno", AT.plusSeconds(3600), List.of("a-1", "a-2"));

        CloudEvent event = IntegrationEventMapper.toCloudEvent(message(requested, 0), 0).orElseThrow();

        assertThat(event.id()).isEqualTo("evt-0");
        assertThat(event.type()).isEqualTo("io.sitework.work.requested.v1");
        assertThat(event.source()).isEqualTo("/sites/s-1/work/w-1");
        assertThat(event.subject()).isEqualTo("w-1");
        assertThat(event.time()).isEqualTo(AT);
        assertThat(event.sequence()).isZero();
        assertThat(event.correlationid()).isEqualTo("corr-9");
        assertThat(event.actor()).isEqualTo("anna");
        io.sitework.events.work.WorkRequested data = event.dataAs(EventCatalog.WORK_REQUESTED);
        assertThat(data.kind()).isEqualTo("ROUND");
        assertThat(data.priority()).isEqualTo("LOW");
        assertThat(data.ownerId()).isEqualTo("bruno");
        assertThat(data.requestedBy()).isEqualTo("anna");
        assertThat(data.assetIds()).containsExactly("a-1", "a-2");
        assertThat(CloudEventCodec.fromBytes(CloudEventCodec.toBytes(event))).isEqualTo(event);
    }

    @Test
    void startAndCompleteCarryTheActorAndSequence() {
        CloudEvent started = IntegrationEventMapper.toCloudEvent(message(new WorkEvents.WorkStarted("w-1", "s-1"), 1), 1).orElseThrow();
        CloudEvent completed = IntegrationEventMapper.toCloudEvent(message(new WorkEvents.WorkCompleted("w-1", "s-1", "ok"), 2), 2).orElseThrow();

        assertThat(started.dataAs(EventCatalog.WORK_STARTED).startedBy()).isEqualTo("anna");
        assertThat(started.sequence()).isEqualTo(1);
        assertThat(completed.dataAs(EventCatalog.WORK_COMPLETED).outcome()).isEqualTo("ok");
        assertThat(completed.dataAs(EventCatalog.WORK_COMPLETED).completedBy()).isEqualTo("anna");
    }

    @Test
    void eventsWithoutAContractArePublishedAsNothing() {
        assertThat(IntegrationEventMapper.toCloudEvent(message("something internal", 3), 3)).isEmpty();
    }
}
