package io.sitework.support.kafka.consumer;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.ConsumerAwareRecordRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What every Sitework consumer of integration events does with a record that fails: transient
 * failures (a store that is down) are retried until they pass; other failures a few times, and then
 * the record goes to the consumer's dead-letter topic and the partition moves on. Events that break
 * the contract ({@link UnprocessableEventException}) and undeserializable records are not retried.
 */
public final class ConsumerFailureHandling {

    /**
     * @param attempts retries of a non-transient failure before the record is dead-lettered
     * @param interval pause between those retries
     * @param transientInitialInterval first pause after a transient failure, doubled each time
     * @param transientMaxInterval     the longest pause after a transient failure (retried forever)
     */
    public record Retry(int attempts, Duration interval, Duration transientInitialInterval, Duration transientMaxInterval) {

        public static Retry defaults() {
            return new Retry(2, Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(30));
        }
    }

    private ConsumerFailureHandling() {
    }

    /** The consumed topics and their dead-letter topics, declared with this layout when they do not exist yet. */
    public static List<NewTopic> topicsToDeclare(List<String> consumed, DeadLetterTopics deadLetters, int partitions, short replicas) {
        return consumed.stream()
                .flatMap(topic -> Stream.of(topic, deadLetters.topicFor(topic)))
                .map(topic -> TopicBuilder.name(topic).partitions(partitions).replicas(replicas).build())
                .toList();
    }

    /** Boot's producer settings (bootstrap servers, metrics listener) with serializers for dead letters. */
    public static KafkaTemplate<String, Object> deadLetterTemplate(ProducerFactory<Object, Object> producerFactory) {
        @SuppressWarnings({"unchecked", "rawtypes"})
        ProducerFactory<String, Object> factory = (ProducerFactory) producerFactory;
        return new KafkaTemplate<>(factory, Map.of(
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, DeadLetterValueSerializer.class));
    }

    public static DeadLetterRecoverer deadLetterRecoverer(KafkaTemplate<String, Object> template, MeterRegistry meterRegistry,
                                                          DeadLetterTopics deadLetters) {
        return deadLetterRecoverer(template, meterRegistry, deadLetters, (record, consumer, exception) -> {
        });
    }

    /**
     * As above, with a step before publishing (e.g. keeping the record where an admin can retry it); if
     * that step throws, nothing is published and the record is not committed.
     */
    public static DeadLetterRecoverer deadLetterRecoverer(KafkaTemplate<String, Object> template, MeterRegistry meterRegistry,
                                                          DeadLetterTopics deadLetters, ConsumerAwareRecordRecoverer before) {
        // partition -1: the producer picks it from the key, so a dead-letter topic need not have as many
        // partitions as its source, and records of one aggregate stay together
        DeadLetterPublishingRecoverer publisher = new DeadLetterPublishingRecoverer(template,
                (record, exception) -> new TopicPartition(deadLetters.topicFor(record.topic()), -1));
        publisher.addHeadersFunction(DeadLetterRecoverer::reasonHeaders);
        return new DeadLetterRecoverer((record, consumer, exception) -> {
            before.accept(record, consumer, exception);
            publisher.accept(record, consumer, exception);
        }, meterRegistry, deadLetters);
    }

    public static DefaultErrorHandler errorHandler(DeadLetterRecoverer recoverer, Retry retry) {
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, new FixedBackOff(retry.interval().toMillis(), retry.attempts()));
        // deserialization failures are already not retried (spring-kafka's defaults); neither is an event
        // that breaks the contract: it will be just as broken on the next attempt
        handler.addNotRetryableExceptions(UnprocessableEventException.class);
        handler.setBackOffFunction((record, exception) -> TransientFailures.isTransient(exception) ? transientBackOff(retry) : null);
        return handler;
    }

    public static BackOff transientBackOff(Retry retry) {
        ExponentialBackOff backOff = new ExponentialBackOff(retry.transientInitialInterval().toMillis(), 2.0);
        backOff.setMaxInterval(retry.transientMaxInterval().toMillis());
        return backOff; // no max elapsed time: a record is never dead-lettered because the store was down
    }
}
