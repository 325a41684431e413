package io.sitework.context.publish;

import io.sitework.support.kafka.IntegrationEventPublisher;
import io.sitework.support.tracing.TraceContext;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.stereotype.Component;

/**
 * The transactional outbox of context-service: publishes each stored domain event's integration
 * event to {@code sitework.context.v1}, advancing its token only after Kafka acknowledged.
 */
@Component
@ProcessingGroup(ContextEventPublisher.NAME)
public class ContextEventPublisher {

    public static final String NAME = "context-publisher";

    private final IntegrationEventPublisher publisher;

    public ContextEventPublisher(IntegrationEventPublisher publisher) {
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
