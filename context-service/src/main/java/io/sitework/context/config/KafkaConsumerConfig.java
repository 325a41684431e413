package io.sitework.context.config;

import io.sitework.events.Topics;
import io.sitework.support.kafka.DeadLetterValueSerializer;
import org.apache.kafka.common.TopicPartition;
import org.axonframework.common.AxonTransientException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;

import java.sql.SQLTransientException;
import java.time.Duration;

/**
 * What happens to a record of {@code sitework.work.v1} the work status view cannot handle (the consumer
 * itself is Boot's, see application.yml): a transient failure (the database unreachable, a concurrent
 * change of a permit) is retried until it passes; any other failure a few times, and then the record
 * goes to this service's own dead-letter topic and the partition moves on. A record that cannot even
 * be read goes there at once, with its original bytes.
 */
@Configuration(proxyBeanMethods = false)
public class KafkaConsumerConfig {

    /** Dead letters of context-service (other services consuming the same topic have their own). */
    public static final String WORK_DEAD_LETTER_TOPIC = Topics.WORK + ".context-service.DLT";

    private static final Logger log = LoggerFactory.getLogger(KafkaConsumerConfig.class);

    /** Boot's producer settings (bootstrap servers) with serializers for dead letters. */
    @Bean
    public KafkaTemplate<String, Object> deadLetterTemplate(ProducerFactory<Object, Object> producerFactory) {
        return DeadLetterValueSerializer.template(producerFactory);
    }

    /** Picked up by Boot's listener container factory. */
    @Bean
    public DefaultErrorHandler kafkaErrorHandler(KafkaTemplate<String, Object> deadLetterTemplate,
                                                 @Value("${sitework.kafka.consumer.retry-attempts:2}") int attempts,
                                                 @Value("${sitework.kafka.consumer.retry-interval:PT1S}") Duration interval) {
        // partition -1: the producer picks it from the key, so the records of one work item stay together
        DeadLetterPublishingRecoverer deadLetters = new DeadLetterPublishingRecoverer(deadLetterTemplate, (record, exception) -> {
            log.error("Dead-lettering {}-{}@{} (key {}) to {}: {}", record.topic(), record.partition(), record.offset(), record.key(),
                    WORK_DEAD_LETTER_TOPIC, NestedExceptionUtils.getMostSpecificCause(exception).toString());
            return new TopicPartition(WORK_DEAD_LETTER_TOPIC, -1);
        });
        DefaultErrorHandler handler = new DefaultErrorHandler(deadLetters, new FixedBackOff(interval.toMillis(), attempts));
        handler.setBackOffFunction((record, exception) -> isTransient(exception) ? transientBackOff() : null);
        return handler;
    }

    static BackOff transientBackOff() {
        ExponentialBackOff backOff = new ExponentialBackOff(1_000, 2.0);
        backOff.setMaxInterval(30_000);
        return backOff; // no max elapsed time: a status update is never dead-lettered because the database was down
    }

    static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof TransientDataAccessException
                    || t instanceof DataAccessResourceFailureException
                    || t instanceof RecoverableDataAccessException
                    || t instanceof CannotCreateTransactionException
                    || t instanceof SQLTransientException
                    || t instanceof AxonTransientException) {
                return true;
            }
        }
        return false;
    }
}
