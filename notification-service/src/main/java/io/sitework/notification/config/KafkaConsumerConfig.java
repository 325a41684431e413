package io.sitework.notification.config;

import io.micrometer.core.instrument.MeterRegistry;
import io.sitework.events.Topics;
import io.sitework.notification.deadletter.DeadLetterStore;
import io.sitework.support.kafka.consumer.ConsumerFailureHandling;
import io.sitework.support.kafka.consumer.DeadLetterRecoverer;
import io.sitework.support.kafka.consumer.DeadLetterTopics;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.DefaultErrorHandler;

import java.time.Clock;
import java.util.List;

/**
 * The Kafka side of the service. The consumer itself is Boot's (application.yml), so its metrics reach
 * /actuator/prometheus; this class adds the topics it needs on a fresh broker and what happens to a
 * record that fails (service-support's {@link ConsumerFailureHandling}): transient failures are
 * retried until they pass, other failures a few times, and then the record goes to
 * {@code <topic>.notification-service.DLT} and the partition moves on.
 */
@Configuration(proxyBeanMethods = false)
public class KafkaConsumerConfig {

    /** The topics {@code IntegrationEventListener} subscribes to (an annotation cannot read this list). */
    public static final List<String> CONSUMED_TOPICS = List.of(Topics.WORK, Topics.CONTEXT);

    public static final DeadLetterTopics DEAD_LETTERS = DeadLetterTopics.of("notification-service");

    @Bean
    public KafkaAdmin.NewTopics notificationTopics(NotificationProperties properties) {
        return new KafkaAdmin.NewTopics(topicsToDeclare(properties.topics()).toArray(NewTopic[]::new));
    }

    static List<NewTopic> topicsToDeclare(NotificationProperties.Topics layout) {
        return ConsumerFailureHandling.topicsToDeclare(CONSUMED_TOPICS, DEAD_LETTERS, layout.partitions(), layout.replicas());
    }

    @Bean
    public KafkaTemplate<String, Object> deadLetterTemplate(ProducerFactory<Object, Object> producerFactory) {
        return ConsumerFailureHandling.deadLetterTemplate(producerFactory);
    }

    /**
     * A dead letter is kept in MongoDB first (where an admin sees and retries it, see DeadLetterController),
     * then published to the dead-letter topic; if either fails the record is not committed and comes again.
     */
    @Bean
    public DeadLetterRecoverer deadLetterRecoverer(KafkaTemplate<String, Object> deadLetterTemplate, MeterRegistry meterRegistry,
                                                   DeadLetterStore deadLetters, Clock clock) {
        return ConsumerFailureHandling.deadLetterRecoverer(deadLetterTemplate, meterRegistry, DEAD_LETTERS,
                (record, consumer, exception) -> deadLetters.keep(record, exception, clock.instant()));
    }

    /** Picked up by Boot's listener container factory. */
    @Bean
    public DefaultErrorHandler kafkaErrorHandler(DeadLetterRecoverer deadLetterRecoverer, NotificationProperties properties) {
        return ConsumerFailureHandling.errorHandler(deadLetterRecoverer, properties.retry().toConsumerRetry());
    }
}
