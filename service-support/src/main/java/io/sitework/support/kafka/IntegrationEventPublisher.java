package io.sitework.support.kafka;

import io.sitework.events.CloudEvent;
import io.sitework.events.EventCatalog;
import io.sitework.events.KafkaHeaders;
import io.micrometer.tracing.Span;
import io.sitework.support.tracing.TraceContext;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.core.KafkaTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Publishes integration events to their topic, keyed by aggregate id so that per-aggregate order is
 * kept, and waits for the broker's acknowledgement. A failure is thrown to the caller (the
 * event-store-driven publisher), which then retries from its last token: delayed, never lost.
 *
 * <p>Each record carries a W3C {@code traceparent} header (not part of the CloudEvent, so the payload
 * contract is unchanged): a producer span that is a child of the trace the event was caused in, taken
 * from the event's metadata, so that consumers in other services continue the same trace.
 */
public class IntegrationEventPublisher {

    private final KafkaTemplate<String, CloudEvent> template;
    private final Duration ackTimeout;
    private final TraceContext traces;

    public IntegrationEventPublisher(KafkaTemplate<String, CloudEvent> template, Duration ackTimeout) {
        this(template, ackTimeout, TraceContext.none());
    }

    public IntegrationEventPublisher(KafkaTemplate<String, CloudEvent> template, Duration ackTimeout, TraceContext traces) {
        this.template = template;
        this.ackTimeout = ackTimeout;
        this.traces = traces;
    }

    /** Publishes in the current trace, if any (an operator's re-publication, for example). */
    public void publish(CloudEvent event) {
        publish(event, null);
    }

    /**
     * Publishes as part of the trace {@code traceparent} names (the metadata of the stored event); null: the
     * current trace, if any.
     */
    public void publish(CloudEvent event, String traceparent) {
        String topic = EventCatalog.find(event.type())
                .orElseThrow(() -> new IllegalArgumentException("unregistered event type " + event.type()))
                .topic();
        ProducerRecord<String, CloudEvent> record = new ProducerRecord<>(topic, event.subject(), event);
        record.headers().add(KafkaHeaders.CONTENT_TYPE, KafkaHeaders.CONTENT_TYPE_VALUE.getBytes(StandardCharsets.UTF_8));
        record.headers().add(KafkaHeaders.CE_TYPE, event.type().getBytes(StandardCharsets.UTF_8));
        if (event.correlationid() != null) {
            record.headers().add(KafkaHeaders.CORRELATION_ID, event.correlationid().getBytes(StandardCharsets.UTF_8));
        }
        try (TraceContext.Handle span = traces.start("publish " + event.type(), Span.Kind.PRODUCER, traceparent)) {
            span.inject((key, value) -> {
                record.headers().remove(key);
                record.headers().add(key, value.getBytes(StandardCharsets.UTF_8));
            });
            try {
                template.send(record).get(ackTimeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                span.error(e);
                throw new PublicationFailedException("interrupted while publishing " + event.id(), e);
            } catch (ExecutionException | TimeoutException e) {
                span.error(e);
                throw new PublicationFailedException("could not publish " + event.type() + " " + event.id() + ": " + e.getMessage(), e);
            }
        }
    }

    public static class PublicationFailedException extends RuntimeException {
        public PublicationFailedException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
