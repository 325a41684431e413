package io.sitework.work.publish;

import io.sitework.support.kafka.IntegrationEventPublisher;
import io.sitework.support.tracing.TraceContext;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.stereotype.Component;

/**
 * The transactional outbox: a streaming processor reads the event store and publishes each domain
 * event's integration event to Kafka, advancing its token only after the broker acknowledged. A
 * Kafka outage stalls it (the error propagates and the processor retries from its token); it never
 * skips. Replays of read models do not re-publish.
 */
@Component
@ProcessingGroup(WorkEventPublisher.NAME)
public class WorkEventPublisher {

    public static final String NAME = "work-publisher";

    private final IntegrationEventPublisher publisher;

    public WorkEventPublisher(IntegrationEventPublisher publisher) {
        this.publisher = publisher;
    }

    @EventHandler
    @DisallowReplay
    void on(Object payload, EventMessage<?> message, @SequenceNumber long sequence) {
        // the trace the causing command was handled in (TraceCorrelationDataProvider) goes on in the record's headers
        Object traceparent = message.getMetaData().get(TraceContext.TRACEPARENT);
        IntegrationEventMapper.toCloudEvent(message, sequence)
                .ifPresent(event -> publisher.publish(event, traceparent == null ? null : traceparent.toString()));
    }
}
