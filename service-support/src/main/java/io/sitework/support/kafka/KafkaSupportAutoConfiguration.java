package io.sitework.support.kafka;

import io.sitework.events.CloudEvent;
import io.sitework.events.kafka.CloudEventSerializer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import io.sitework.support.tracing.TraceContext;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.kafka.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.MicrometerProducerListener;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The producer every service publishes integration events with: idempotent, acks from all replicas, and a
 * {@code traceparent} header on each record that continues the trace of the command that caused the event.
 */
@AutoConfiguration
public class KafkaSupportAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    public IntegrationEventPublisher integrationEventPublisher(KafkaProperties kafkaProperties,
                                                               @Value("${sitework.kafka.ack-timeout:PT15S}") Duration ackTimeout,
                                                               ObjectProvider<MeterRegistry> meterRegistry,
                                                               ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        Map<String, Object> props = new HashMap<>(kafkaProperties.buildProducerProperties(null));
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        props.putIfAbsent(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 12_000);
        props.putIfAbsent(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        props.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 0);
        DefaultKafkaProducerFactory<String, CloudEvent> factory =
                new DefaultKafkaProducerFactory<>(props, new StringSerializer(), new CloudEventSerializer());
        meterRegistry.ifAvailable(registry -> factory.addListener(new MicrometerProducerListener<>(registry)));
        return new IntegrationEventPublisher(new KafkaTemplate<>(factory), ackTimeout, new TraceContext(tracer, propagator));
    }
}
