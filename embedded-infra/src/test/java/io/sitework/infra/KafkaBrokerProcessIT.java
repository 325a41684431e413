package io.sitework.infra;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class KafkaBrokerProcessIT {

    @Test
    void runsARealBrokerAsAChildProcessAndKeepsRecordsAcrossARestart(@TempDir Path dir) throws Exception {
        String classpath = System.getProperty("java.class.path");
        KafkaBrokerProcess broker = new KafkaBrokerProcess(dir.resolve("kafka"), classpath,
                KafkaBrokerProcess.freePort(), KafkaBrokerProcess.freePort(), dir.resolve("kafka.log"));
        try {
            broker.start(Duration.ofSeconds(60));
            broker.createTopics(List.of("probe"), 1);
            broker.createTopics(List.of("probe"), 1); // idempotent
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                    ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
                    new StringSerializer(), new StringSerializer())) {
                producer.send(new ProducerRecord<>("probe", "k", "v")).get();
            }
            long pid = broker.process().pid();
            broker.stop();
            assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();

            broker.start(Duration.ofSeconds(60));
            try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                    ConsumerConfig.GROUP_ID_CONFIG, "probe",
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                    new StringDeserializer(), new StringDeserializer())) {
                consumer.subscribe(List.of("probe"));
                ConsumerRecords<String, String> records = ConsumerRecords.empty();
                long deadline = System.currentTimeMillis() + 30_000;
                while (records.isEmpty() && System.currentTimeMillis() < deadline) {
                    records = consumer.poll(Duration.ofMillis(500));
                }
                assertThat(records.count()).isEqualTo(1);
                assertThat(records.iterator().next().value()).isEqualTo("v");
            }
        } finally {
            broker.stop();
        }
    }
}
