package io.sitework.context.config;

import io.micrometer.core.instrument.MeterRegistry;
import io.sitework.events.Topics;
import io.sitework.support.kafka.consumer.ConsumerFailureHandling;
import io.sitework.support.kafka.consumer.DeadLetterRecoverer;
import io.sitework.support.kafka.consumer.DeadLetterTopics;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.DefaultErrorHandler;

import java.time.Duration;

/**
 * What happens to a record of {@code sitework.work.v1} the work status view cannot handle (the consumer
 * itself is Boot's, see application.yml): a transient failure (the database unreachable, a concurrent
 * change of a permit) is retried until it passes; any other failure a few times, and then the record
 * goes to this service's own dead-letter topic and the partition moves on. A record that cannot even
 * be read goes there at once, with its original bytes (service-support's ConsumerFailureHandling).
 */
@Configuration(proxyBeanMethods = false)
public class KafkaConsumerConfig {

    public static final DeadLetterTopics DEAD_LETTERS = DeadLetterTopics.of("context-service");
    /** Dead letters of context-service (other services consuming the same topic have their own). */
    public static final String WORK_DEAD_LETTER_TOPIC = DEAD_LETTERS.topicFor(Topics.WORK);

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
    public DefaultErrorHandler kafkaErrorHandler(DeadLetterRecoverer deadLetterRecoverer,
                                                 @Value("${sitework.kafka.consumer.retry-attempts:2}") int attempts,
                                                 @Value("${sitework.kafka.consumer.retry-interval:PT1S}") Duration interval) {
        return ConsumerFailureHandling.errorHandler(deadLetterRecoverer,
                new ConsumerFailureHandling.Retry(attempts, interval, Duration.ofSeconds(1), Duration.ofSeconds(30)));
    }
}
