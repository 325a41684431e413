package io.sitework.support.tracing;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.springframework.beans.factory.ObjectProvider;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * The W3C trace context ({@code traceparent}) of the current span, written to and read from the places a
 * trace crosses without an HTTP call: the metadata of the events a command causes (so the trace survives
 * the event store and the asynchronous publisher) and the headers of Kafka records (so a consumer in
 * another service continues it). Micrometer Tracing does the work; without a tracer (or with tracing off)
 * a context that arrived is still passed on unchanged, so the trace id stays in the records for support.
 *
 * <p>The tracer and propagator are looked up when used, not when this is built: Axon asks for its
 * correlation data providers before the tracing auto-configuration has necessarily run.
 */
public class TraceContext {

    /** The W3C header and metadata key that carries the trace id, the parent span id and the sampled flag. */
    public static final String TRACEPARENT = "traceparent";

    private final ObjectProvider<Tracer> tracer;
    private final ObjectProvider<Propagator> propagator;

    public TraceContext(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    /** A context without Micrometer Tracing: carries what arrived, starts nothing. */
    public static TraceContext none() {
        return new TraceContext(null, null);
    }

    /** The {@code traceparent} of the span in scope on this thread, if one is. */
    public Optional<String> currentTraceparent() {
        Tracer t = tracer();
        Propagator p = propagator();
        if (t == null || p == null) {
            return Optional.empty();
        }
        Span span = currentSpan(t);
        if (span == null) {
            return Optional.empty();
        }
        Map<String, String> carrier = new HashMap<>();
        p.inject(span.context(), carrier, Map::put);
        return Optional.ofNullable(carrier.get(TRACEPARENT));
    }

    /**
     * Starts a span whose parent is the given {@code traceparent} (or the current span when that is null; with
     * neither, no span).
     * The returned handle writes the context downstream consumers should continue: the new span's, or, if
     * no real span could be started, the {@code traceparent} that arrived.
     */
    public Handle start(String name, Span.Kind kind, String traceparent) {
        Tracer t = tracer();
        Propagator p = propagator();
        if (t != null && p != null) {
            if (traceparent == null && currentSpan(t) == null) {
                // nothing to continue: no new trace for work nobody asked about
                return new Handle(null, null, null, null);
            }
            Span.Builder builder = traceparent == null
                    ? t.spanBuilder()
                    : p.extract(Map.of(TRACEPARENT, traceparent), (carrier, key) -> carrier.get(key));
            Span span = builder.name(name).kind(kind).start();
            if (!span.isNoop()) {
                return new Handle(t, p, span, null);
            }
        }
        return new Handle(null, null, null, traceparent == null ? currentTraceparent().orElse(null) : traceparent);
    }

    private static Span currentSpan(Tracer tracer) {
        Span span = tracer.currentSpan();
        return span == null || span.isNoop() ? null : span;
    }

    private Tracer tracer() {
        return tracer == null ? null : tracer.getIfAvailable();
    }

    private Propagator propagator() {
        return propagator == null ? null : propagator.getIfAvailable();
    }

    /** A started span (or none) and the context it hands on. End it once, after the work it measures. */
    public static final class Handle implements AutoCloseable {

        private final Tracer tracer;
        private final Propagator propagator;
        private final Span span;
        private final String passedOn;
        private final Tracer.SpanInScope scope;

        private Handle(Tracer tracer, Propagator propagator, Span span, String passedOn) {
            this.tracer = tracer;
            this.propagator = propagator;
            this.span = span;
            this.passedOn = passedOn;
            this.scope = span == null ? null : tracer.withSpan(span);
        }

        /** Writes the context to pass on ({@code traceparent}, and whatever else the propagator adds). */
        public void inject(BiConsumer<String, String> setter) {
            if (span != null) {
                propagator.inject(span.context(), setter, BiConsumer::accept);
            } else if (passedOn != null) {
                setter.accept(TRACEPARENT, passedOn);
            }
        }

        /** The trace id this work belongs to, if any. */
        public Optional<String> traceId() {
            if (span != null) {
                return Optional.of(span.context().traceId());
            }
            return Optional.ofNullable(passedOn).flatMap(TraceContext::traceIdOf);
        }

        public void error(Throwable failure) {
            if (span != null) {
                span.error(failure);
            }
        }

        @Override
        public void close() {
            if (scope != null) {
                scope.close();
            }
            if (span != null) {
                span.end();
            }
        }
    }

    /** The trace id inside a {@code traceparent} ({@code 00-<trace id>-<span id>-<flags>}). */
    public static Optional<String> traceIdOf(String traceparent) {
        if (traceparent == null) {
            return Optional.empty();
        }
        String[] parts = traceparent.split("-");
        return parts.length == 4 && parts[1].length() == 32 ? Optional.of(parts[1]) : Optional.empty();
    }
}
