package io.sitework.context.it;

import io.sitework.events.CloudEvent;
import io.sitework.events.Topics;
import io.sitework.events.kafka.CloudEventDeserializer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/** What a downstream consumer of {@code sitework.context.v1} sees. */
final class ContextTopic {

    private ContextTopic() {
    }

    /** The first {@code count} events of one aggregate (the record key), in the order they were published. */
    static List<CloudEvent> events(String bootstrapServers, String aggregateId, int count) {
        List<CloudEvent> events = new ArrayList<>();
        try (KafkaConsumer<String, CloudEvent> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new CloudEventDeserializer())) {
            consumer.subscribe(List.of(Topics.CONTEXT));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (aggregateId.equals(r.key())) {
                        events.add(r.value());
                    }
                });
                return events.size() >= count;
            });
        }
        return events.subList(0, count);
    }

    static List<String> types(List<CloudEvent> events) {
        return events.stream().map(CloudEvent::type).toList();
    }
}
