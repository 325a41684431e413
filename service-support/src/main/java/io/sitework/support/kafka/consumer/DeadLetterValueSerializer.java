package io.sitework.support.kafka.consumer;

import io.sitework.events.CloudEvent;
import io.sitework.events.kafka.CloudEventSerializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.springframework.kafka.support.serializer.DelegatingByTypeSerializer;

import java.util.Map;

/**
 * Values of dead-lettered records: the original bytes of a record that could not be deserialized, or
 * the event (written with the one CloudEvent codec) of a record whose handling failed.
 */
public class DeadLetterValueSerializer extends DelegatingByTypeSerializer {

    public DeadLetterValueSerializer() {
        super(Map.of(byte[].class, new ByteArraySerializer(), CloudEvent.class, new CloudEventSerializer()));
    }
}
