package io.sitework.support.kafka.consumer;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.header.Headers;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.listener.ConsumerAwareRecordRecoverer;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.support.serializer.DeserializationException;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

class DeadLetterRecovererTest {

    private final ConsumerAwareRecordRecoverer publisher = mock(ConsumerAwareRecordRecoverer.class);
    private final Consumer<?, ?> consumer = mock(Consumer.class);
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final DeadLetterRecoverer recoverer = new DeadLetterRecoverer(publisher, meters, DeadLetterTopics.of("work-service"));
    private final ConsumerRecord<String, Object> record = new ConsumerRecord<>("sitework.work.v1", 1, 42L, "w-1", new byte[]{1});

    @Test
    void publishesTheRecordAndCountsItByTopicAndReason() {
        Exception failure = new DeserializationException("not JSON", new byte[]{1}, false, new IllegalStateException());

        recoverer.accept(record, consumer, failure);

        verify(publisher).accept(record, consumer, failure);
        assertThat(count("sitework.work.v1", "undeserializable")).isEqualTo(1.0);
    }

    @Test
    void namesTheReasonOfAHandlerFailureBehindTheListenerWrapper() {
        recoverer.accept(record, consumer, new ListenerExecutionFailedException("failed", new UnprocessableEventException("no workId")));
        recoverer.accept(record, consumer, new ListenerExecutionFailedException("failed", new IllegalStateException("bug")));

        assertThat(count("sitework.work.v1", "unprocessable")).isEqualTo(1.0);
        assertThat(count("sitework.work.v1", "handler-failure")).isEqualTo(1.0);
    }

    @Test
    void aRecordThatCouldNotBePublishedIsNotCountedAndTheFailurePropagates() {
        doThrow(new KafkaException("broker down")).when(publisher).accept(any(), any(), any());

        assertThatThrownBy(() -> recoverer.accept(record, consumer, new IllegalStateException("bug")))
                .isInstanceOf(KafkaException.class);
        assertThat(meters.find(DeadLetterRecoverer.METRIC).counter()).isNull();
    }

    @Test
    void deadLettersCarryTheReasonAndTheMostSpecificMessage() {
        Exception failure = new DeserializationException("failed to deserialize", new byte[]{1}, false,
                new IllegalStateException("outer", new IllegalArgumentException("Unrecognized token 'not'")));

        Headers headers = DeadLetterRecoverer.reasonHeaders(record, failure);

        assertThat(new String(headers.lastHeader(DeadLetterRecoverer.REASON_HEADER).value(), StandardCharsets.UTF_8)).isEqualTo("undeserializable");
        assertThat(new String(headers.lastHeader(DeadLetterRecoverer.DETAIL_HEADER).value(), StandardCharsets.UTF_8))
                .isEqualTo("Unrecognized token 'not'");
    }

    @Test
    void eachConsumerHasItsOwnDeadLetterTopics() {
        assertThat(DeadLetterTopics.of("work-service").topicFor("sitework.context.v1")).isEqualTo("sitework.context.v1.work-service.DLT");
        assertThat(DeadLetterTopics.of("notification-service").topicFor("sitework.work.v1")).isEqualTo("sitework.work.v1.notification-service.DLT");
    }

    private double count(String topic, String reason) {
        return meters.get(DeadLetterRecoverer.METRIC).tag("consumer", "work-service").tag("topic", topic).tag("reason", reason).counter().count();
    }
}
