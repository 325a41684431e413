package io.sitework.support.kafka;

import io.sitework.events.CloudEvent;
import io.sitework.events.kafka.CloudEventSerializer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.support.serializer.DelegatingByTypeSerializer;

import java.util.Map;

/**
 * Values of dead-lettered records, for every service that consumes integration events: the original
 * bytes of a record that could not be deserialized, or the event (written with the one CloudEvent
 * codec) of a record whose handling failed.
 */
public class DeadLetterValueSerializer extends DelegatingByTypeSerializer {

    public DeadLetterValueSerializer() {
        super(Map.of(byte[].class, new ByteArraySerializer(), CloudEvent.class, new CloudEventSerializer()));
    }

    /** A template for dead letters: Boot's producer settings (bootstrap servers, metrics) with keys as strings and these values. */
    public static KafkaTemplate<String, Object> template(ProducerFactory<?, ?> producerFactory) {
        @SuppressWarnings({"unchecked", "rawtypes"})
        ProducerFactory<String, Object> factory = (ProducerFactory) producerFactory;
        return new KafkaTemplate<>(factory, Map.of(
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, DeadLetterValueSerializer.class));
    }
}
