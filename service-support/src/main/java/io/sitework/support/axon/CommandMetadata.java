package io.sitework.support.axon;

import io.sitework.support.web.RequestContext;
import org.axonframework.messaging.MetaData;

import java.util.HashMap;
import java.util.Map;

/**
 * The metadata every command carries from the web layer: the correlation id and the actor. Axon's
 * correlation data provider (see {@link AxonSupportAutoConfiguration}) copies both onto every event
 * the command produces, so they reach the event store, the history and the CloudEvent envelope.
 */
public final class CommandMetadata {

    public static final String CORRELATION_ID = "correlationId";
    public static final String ACTOR = "actor";

    private CommandMetadata() {
    }

    public static MetaData current() {
        Map<String, Object> values = new HashMap<>();
        RequestContext.correlationId().ifPresent(id -> values.put(CORRELATION_ID, id));
        values.put(ACTOR, RequestContext.actor());
        return MetaData.from(values);
    }

    /** Metadata for commands a service issues by itself (a process reacting to events). */
    public static MetaData system(String component, String correlationId) {
        Map<String, Object> values = new HashMap<>();
        if (correlationId != null) {
            values.put(CORRELATION_ID, correlationId);
        }
        values.put(ACTOR, "system:" + component);
        return MetaData.from(values);
    }

    public static String correlationId(MetaData metaData) {
        Object value = metaData.get(CORRELATION_ID);
        return value == null ? null : value.toString();
    }

    public static String actor(MetaData metaData) {
        Object value = metaData.get(ACTOR);
        return value == null ? null : value.toString();
    }
}
