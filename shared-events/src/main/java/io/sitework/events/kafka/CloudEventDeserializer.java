package io.sitework.events.kafka;

import io.sitework.events.CloudEvent;
import io.sitework.events.CloudEventCodec;
import io.sitework.events.EventFormatException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Kafka value deserializer for integration events; delegates to {@link CloudEventCodec}.
 * Malformed records raise {@link SerializationException} so the consumer can dead-letter them.
 */
public class CloudEventDeserializer implements Deserializer<CloudEvent> {

    @Override
    public CloudEvent deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        try {
            return CloudEventCodec.fromBytes(data);
        } catch (EventFormatException e) {
            throw new SerializationException("record on " + topic + " is not a Sitework CloudEvent: " + e.getMessage(), e);
        }
    }
}
