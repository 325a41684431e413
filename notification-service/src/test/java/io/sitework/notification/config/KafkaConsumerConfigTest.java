package io.sitework.notification.config;

import io.sitework.events.CloudEvent;
import io.sitework.events.CloudEventCodec;
import io.sitework.notification.TestEvents;
import io.sitework.support.kafka.consumer.ConsumerFailureHandling;
import io.sitework.support.kafka.consumer.DeadLetterValueSerializer;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;
import org.springframework.util.backoff.BackOffExecution;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class KafkaConsumerConfigTest {

    @Test
    void declaresTheConsumedTopicsAndTheirDeadLetterTopicsWithTheConfiguredLayout() {
        List<NewTopic> topics = KafkaConsumerConfig.topicsToDeclare(new NotificationProperties.Topics(6, (short) 3));

        assertThat(topics).extracting(NewTopic::name).containsExactlyInAnyOrder(
                "sitework.work.v1", "sitework.work.v1.notification-service.DLT", "sitework.context.v1",
                "sitework.context.v1.notification-service.DLT");
        assertThat(topics).allSatisfy(topic -> {
            assertThat(topic.numPartitions()).isEqualTo(6);
            assertThat(topic.replicationFactor()).isEqualTo((short) 3);
        });
    }

    @Test
    void transientFailuresBackOffExponentiallyUpToTheCapAndNeverGiveUp() {
        BackOffExecution execution = ConsumerFailureHandling.transientBackOff(retry().toConsumerRetry()).start();

        List<Long> intervals = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            intervals.add(execution.nextBackOff());
        }

        assertThat(intervals.subList(0, 4)).containsExactly(100L, 200L, 400L, 800L);
        assertThat(intervals.subList(10, 1_000)).containsOnly(30_000L);
    }

    @Test
    void deadLettersCarryEitherTheOriginalBytesOrTheEventInItsOneCodec() {
        try (DeadLetterValueSerializer serializer = new DeadLetterValueSerializer()) {
            byte[] garbage = "{not an event".getBytes(StandardCharsets.UTF_8);
            CloudEvent event = TestEvents.workRequested("w-1", "u-bruno");

            assertThat(serializer.serialize("sitework.work.v1.DLT", garbage)).isEqualTo(garbage);
            assertThat(CloudEventCodec.fromBytes(serializer.serialize("sitework.work.v1.DLT", event))).isEqualTo(event);
        }
    }

    private static NotificationProperties.Retry retry() {
        return new NotificationProperties.Retry(2, Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofSeconds(30));
    }
}
