package io.sitework.events.kafka;

import io.sitework.events.CloudEvent;
import io.sitework.events.CloudEventCodec;
import org.apache.kafka.common.serialization.Serializer;

/** Kafka value serializer for integration events; delegates to {@link CloudEventCodec}. */
public class CloudEventSerializer implements Serializer<CloudEvent> {

    @Override
    public byte[] serialize(String topic, CloudEvent event) {
        return event == null ? null : CloudEventCodec.toBytes(event);
    }
}
