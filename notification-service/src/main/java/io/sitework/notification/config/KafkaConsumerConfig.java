package io.sitework.notification.config;

import io.micrometer.core.instrument.MeterRegistry;
import io.sitework.events.Topics;
import io.sitework.notification.process.UnprocessableEventException;
import io.sitework.support.kafka.DeadLetterValueSerializer;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;

import java.util.List;
import java.util.stream.Stream;

/**
 * The Kafka side of the service. The consumer itself is Boot's (application.yml), so its metrics reach
 * /actuator/prometheus; this class adds the topics it needs on a fresh broker and what happens to a
 * record that fails: transient failures are retried until they pass, other failures a few times, and
 * then the record goes to {@code <topic>.DLT} and the partition moves on.
 */
@Configuration(proxyBeanMethods = false)
public class KafkaConsumerConfig {

    /** The topics {@code IntegrationEventListener} subscribes to (an annotation cannot read this list). */
    public static final List<String> CONSUMED_TOPICS = List.of(Topics.WORK, Topics.CONTEXT);

    @Bean
    public KafkaAdmin.NewTopics notificationTopics(NotificationProperties properties) {
        return new KafkaAdmin.NewTopics(topicsToDeclare(properties.topics()).toArray(NewTopic[]::new));
    }

    static List<NewTopic> topicsToDeclare(NotificationProperties.Topics layout) {
        return CONSUMED_TOPICS.stream()
                .flatMap(topic -> Stream.of(topic, DeadLetterRecoverer.deadLetterTopic(topic)))
                .map(topic -> TopicBuilder.name(topic).partitions(layout.partitions()).replicas(layout.replicas()).build())
                .toList();
    }

    /** Boot's producer settings (bootstrap servers, metrics listener) with serializers for dead letters. */
    @Bean
    public KafkaTemplate<String, Object> deadLetterTemplate(ProducerFactory<Object, Object> producerFactory) {
        return DeadLetterValueSerializer.template(producerFactory);
    }

    @Bean
    public DeadLetterRecoverer deadLetterRecoverer(KafkaTemplate<String, Object> deadLetterTemplate, MeterRegistry meterRegistry) {
        // partition -1: the producer picks it from the key, so a dead-letter topic need not have as many
        // partitions as its source, and records of one aggregate stay together
        DeadLetterPublishingRecoverer publisher = new DeadLetterPublishingRecoverer(deadLetterTemplate,
                (record, exception) -> new TopicPartition(DeadLetterRecoverer.deadLetterTopic(record.topic()), -1));
        publisher.addHeadersFunction(DeadLetterRecoverer::reasonHeaders);
        return new DeadLetterRecoverer(publisher, meterRegistry);
    }

    /** Picked up by Boot's listener container factory. */
    @Bean
    public DefaultErrorHandler kafkaErrorHandler(DeadLetterRecoverer deadLetterRecoverer, NotificationProperties properties) {
        NotificationProperties.Retry retry = properties.retry();
        DefaultErrorHandler handler = new DefaultErrorHandler(deadLetterRecoverer,
                new FixedBackOff(retry.interval().toMillis(), retry.attempts()));
        // deserialization failures are already not retried (spring-kafka's defaults); neither is an event
        // that breaks the contract: it will be just as broken on the next attempt
        handler.addNotRetryableExceptions(UnprocessableEventException.class);
        handler.setBackOffFunction((record, exception) -> TransientFailures.isTransient(exception) ? transientBackOff(retry) : null);
        return handler;
    }

    static BackOff transientBackOff(NotificationProperties.Retry retry) {
        ExponentialBackOff backOff = new ExponentialBackOff(retry.transientInitialInterval().toMillis(), 2.0);
        backOff.setMaxInterval(retry.transientMaxInterval().toMillis());
        return backOff; // no max elapsed time: a record is never dead-lettered because the store was down
    }
}
