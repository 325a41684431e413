package io.sitework.events;

import java.util.Objects;

/**
 * A CloudEvents {@code type} bound to the record that carries its data, the topic it is published
 * on and the kind of aggregate that appears in its {@code source}.
 */
public record EventType<T extends IntegrationEvent>(String type, Class<T> dataClass, String topic, String sourceCollection) {

    public EventType {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(dataClass, "dataClass");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(sourceCollection, "sourceCollection");
        if (!type.matches("io\\.sitework\\.[a-z]+(\\.[a-z_]+)+\\.v[0-9]+")) {
            throw new IllegalArgumentException("event type must look like io.sitework.<aggregate>.<event>.v<n>: " + type);
        }
    }

    /** {@code /sites/{siteId}/{collection}/{aggregateId}}, the CloudEvents source of one aggregate. */
    public String sourceFor(String siteId, String aggregateId) {
        return "/sites/" + siteId + "/" + sourceCollection + "/" + aggregateId;
    }
}
