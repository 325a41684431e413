package io.sitework.support.kafka.consumer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.kafka.listener.ConsumerAwareRecordRecoverer;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.support.serializer.DeserializationException;

import java.nio.charset.StandardCharsets;

/**
 * The last step for a record that cannot be processed: says why in the log, counts it, and hands it
 * to the dead-letter publisher. If publishing fails the exception propagates, the offset is not
 * committed and the record is tried again, so nothing is dropped silently.
 */
public class DeadLetterRecoverer implements ConsumerAwareRecordRecoverer {

    /** Counted per topic and reason; the {@code consumer} tag names the consuming service's group. */
    public static final String METRIC = "sitework.kafka.deadlettered";
    /** Dead-letter header: undeserializable, unprocessable or handler-failure. */
    public static final String REASON_HEADER = "sitework-dlt-reason";
    /** Dead-letter header: the most specific failure message (spring-kafka's own headers name the outer exception). */
    public static final String DETAIL_HEADER = "sitework-dlt-detail";

    private static final int MAX_DETAIL = 1_000;

    private static final Logger log = LoggerFactory.getLogger(DeadLetterRecoverer.class);

    private final ConsumerAwareRecordRecoverer publisher;
    private final MeterRegistry meterRegistry;
    private final DeadLetterTopics topics;

    public DeadLetterRecoverer(ConsumerAwareRecordRecoverer publisher, MeterRegistry meterRegistry, DeadLetterTopics topics) {
        this.publisher = publisher;
        this.meterRegistry = meterRegistry;
        this.topics = topics;
    }

    @Override
    public void accept(ConsumerRecord<?, ?> record, Consumer<?, ?> consumer, Exception exception) {
        Throwable cause = unwrap(exception);
        String reason = reason(cause);
        log.error("Dead-lettering {}-{}@{} (key {}) to {}: {} ({})", record.topic(), record.partition(), record.offset(),
                record.key(), topics.topicFor(record.topic()), reason, describe(cause));
        publisher.accept(record, consumer, exception);
        Counter.builder(METRIC)
                .description("Records a consumer could not process and published to a dead-letter topic")
                .tag("consumer", topics.consumer())
                .tag("topic", record.topic())
                .tag("reason", reason)
                .register(meterRegistry)
                .increment();
    }

    /** Headers added to each dead letter so that whoever reads the topic sees why it is there. */
    public static Headers reasonHeaders(ConsumerRecord<?, ?> record, Exception exception) {
        Throwable cause = unwrap(exception);
        Throwable root = NestedExceptionUtils.getMostSpecificCause(cause);
        String detail = root.getMessage() == null ? root.getClass().getName() : root.getMessage();
        if (detail.length() > MAX_DETAIL) {
            detail = detail.substring(0, MAX_DETAIL) + "…";
        }
        return new RecordHeaders()
                .add(REASON_HEADER, reason(cause).getBytes(StandardCharsets.UTF_8))
                .add(DETAIL_HEADER, detail.getBytes(StandardCharsets.UTF_8));
    }

    /** A small, fixed vocabulary, so it can be a metric tag. */
    static String reason(Throwable cause) {
        if (cause instanceof DeserializationException) {
            return "undeserializable";
        }
        if (cause instanceof UnprocessableEventException) {
            return "unprocessable";
        }
        return "handler-failure";
    }

    private static String describe(Throwable cause) {
        Throwable root = NestedExceptionUtils.getMostSpecificCause(cause);
        return root == cause ? cause.toString() : cause + "; caused by " + root;
    }

    private static Throwable unwrap(Exception exception) {
        Throwable t = exception;
        while (t instanceof ListenerExecutionFailedException && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
