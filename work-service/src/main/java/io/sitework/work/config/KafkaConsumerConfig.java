package io.sitework.work.config;

import io.micrometer.core.instrument.MeterRegistry;
import io.sitework.events.Topics;
import io.sitework.support.kafka.consumer.ConsumerFailureHandling;
import io.sitework.support.kafka.consumer.DeadLetterRecoverer;
import io.sitework.support.kafka.consumer.DeadLetterTopics;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.DefaultErrorHandler;

import java.util.List;

/**
 * work-service consumes {@code sitework.context.v1} (permits and contractors). Failed records are
 * retried (transient failures until they pass), then dead-lettered to
 * {@code sitework.context.v1.work-service.DLT}; see service-support's ConsumerFailureHandling.
 */
@Configuration(proxyBeanMethods = false)
public class KafkaConsumerConfig {

    public static final DeadLetterTopics DEAD_LETTERS = DeadLetterTopics.of("work-service");

    @Bean
    public KafkaAdmin.NewTopics workConsumedTopics(@Value("${sitework.kafka.partitions:3}") int partitions,
                                                  @Value("${sitework.kafka.replicas:1}") short replicas) {
        return new KafkaAdmin.NewTopics(ConsumerFailureHandling.topicsToDeclare(List.of(Topics.CONTEXT), DEAD_LETTERS, partitions, replicas)
                .toArray(NewTopic[]::new));
    }

    @Bean
    public KafkaTemplate<String, Object> deadLetterTemplate(ProducerFactory<Object, Object> producerFactory) {
        return ConsumerFailureHandling.deadLetterTemplate(producerFactory);
    }

    @Bean
    public DeadLetterRecoverer deadLetterRecoverer(KafkaTemplate<String, Object> deadLetterTemplate, MeterRegistry meterRegistry) {
        return ConsumerFailureHandling.deadLetterRecoverer(deadLetterTemplate, meterRegistry, DEAD_LETTERS);
    }

    /** Picked up by Boot's listener container factory. */
    @Bean
    public DefaultErrorHandler kafkaErrorHandler(DeadLetterRecoverer deadLetterRecoverer) {
        return ConsumerFailureHandling.errorHandler(deadLetterRecoverer, ConsumerFailureHandling.Retry.defaults());
    }
}
