package io.sitework.support.tracing;

import org.axonframework.messaging.Message;
import org.axonframework.messaging.correlation.CorrelationDataProvider;

import java.util.Map;

/**
 * Copies the trace onto every message a handled message causes, as metadata {@code traceparent}: a command
 * handled inside an HTTP request's span gives its events that span's context, which the publisher reads
 * back when it sends the integration event to Kafka, hours later if need be. Without a span in scope (an
 * event processor's thread) the handled message's own {@code traceparent}, if any, is passed on.
 */
public class TraceCorrelationDataProvider implements CorrelationDataProvider {

    private final TraceContext traces;

    public TraceCorrelationDataProvider(TraceContext traces) {
        this.traces = traces;
    }

    @Override
    public Map<String, ?> correlationDataFor(Message<?> message) {
        String traceparent = traces.currentTraceparent().orElseGet(() -> {
            Object carried = message.getMetaData().get(TraceContext.TRACEPARENT);
            return carried == null ? null : carried.toString();
        });
        return traceparent == null ? Map.of() : Map.of(TraceContext.TRACEPARENT, traceparent);
    }
}
