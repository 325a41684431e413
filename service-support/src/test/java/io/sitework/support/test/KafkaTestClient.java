package io.sitework.support.test;

import io.sitework.events.CloudEvent;
import io.sitework.events.KafkaHeaders;
import io.sitework.events.kafka.CloudEventSerializer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A producer and a dead-letter reader for tests, talking to a real broker with plain kafka-clients. */
public final class KafkaTestClient implements AutoCloseable {

    private final String bootstrapServers;
    private final KafkaProducer<String, CloudEvent> events;
    private final KafkaProducer<String, byte[]> raw;

    public KafkaTestClient(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
        Map<String, Object> props = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ProducerConfig.ACKS_CONFIG, "all");
        this.events = new KafkaProducer<>(props, new StringSerializer(), new CloudEventSerializer());
        this.raw = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
    }

    /** Publishes as the work-service does: keyed by the aggregate id, with the CloudEvents headers. */
    public void publish(String topic, CloudEvent event) {
        ProducerRecord<String, CloudEvent> record = new ProducerRecord<>(topic, event.subject(), event);
        record.headers().add(KafkaHeaders.CONTENT_TYPE, KafkaHeaders.CONTENT_TYPE_VALUE.getBytes(StandardCharsets.UTF_8));
        record.headers().add(KafkaHeaders.CE_TYPE, event.type().getBytes(StandardCharsets.UTF_8));
        await(() -> events.send(record).get(10, TimeUnit.SECONDS));
    }

    /** As {@link #publish(String, CloudEvent)}, with further headers (a {@code traceparent}, say). */
    public void publish(String topic, CloudEvent event, Map<String, String> headers) {
        ProducerRecord<String, CloudEvent> record = new ProducerRecord<>(topic, event.subject(), event);
        record.headers().add(KafkaHeaders.CONTENT_TYPE, KafkaHeaders.CONTENT_TYPE_VALUE.getBytes(StandardCharsets.UTF_8));
        record.headers().add(KafkaHeaders.CE_TYPE, event.type().getBytes(StandardCharsets.UTF_8));
        headers.forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        await(() -> events.send(record).get(10, TimeUnit.SECONDS));
    }

    public void publishRaw(String topic, String key, byte[] value) {
        await(() -> raw.send(new ProducerRecord<>(topic, key, value)).get(10, TimeUnit.SECONDS));
    }

    /** Every record with this key on the topic, read from the beginning up to its current end. */
    public List<ConsumerRecord<String, byte[]>> recordsWithKey(String topic, String key) {
        Map<String, Object> props = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<PartitionInfo> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10));
            if (partitions == null || partitions.isEmpty()) {
                return List.of();
            }
            List<TopicPartition> assigned = partitions.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(assigned);
            consumer.seekToBeginning(assigned);
            Map<TopicPartition, Long> end = consumer.endOffsets(assigned);
            List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (assigned.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + topic + " to its end");
                }
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (key.equals(record.key())) {
                        found.add(record);
                    }
                });
            }
            return found;
        }
    }

    public static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        events.close(Duration.ofSeconds(5));
        raw.close(Duration.ofSeconds(5));
    }

    private interface Send {
        Object run() throws Exception;
    }

    private static void await(Send send) {
        try {
            send.run();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (Exception e) {
            throw new IllegalStateException("publishing failed", e);
        }
    }
}
