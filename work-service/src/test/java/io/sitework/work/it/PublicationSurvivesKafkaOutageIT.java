package io.sitework.work.it;

import io.sitework.events.CloudEvent;
import io.sitework.events.Topics;
import io.sitework.events.kafka.CloudEventDeserializer;
import io.sitework.infra.KafkaBrokerProcess;
import io.sitework.support.test.Http;
import io.sitework.support.security.Role;
import io.sitework.support.test.TestInfrastructure;
import io.sitework.support.test.TestTokens;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The outbox promise: with the broker down, commands are still accepted and stored; when it comes
 * back, every stored event reaches Kafka, in per-aggregate order. Uses its own broker process so the
 * outage is a real one.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PublicationSurvivesKafkaOutageIT {

    private static Path dir;
    private static final KafkaBrokerProcess broker = startBroker();

    private static KafkaBrokerProcess startBroker() {
        try {
            dir = Files.createTempDirectory("sw-kafka-outage");
            KafkaBrokerProcess process = new KafkaBrokerProcess(dir.resolve("data"), System.getProperty("java.class.path"),
                    KafkaBrokerProcess.freePort(), KafkaBrokerProcess.freePort(), dir.resolve("kafka.log"));
            process.start(Duration.ofSeconds(60));
            process.createTopics(List.of(Topics.WORK), 3);
            return process;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "work_outage");
        registry.add("spring.kafka.bootstrap-servers", broker::bootstrapServers);
    }

    @AfterAll
    static void stopBroker() throws IOException {
        broker.stop();
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @LocalServerPort
    int port;

    @Test
    void eventsStoredWhileKafkaIsDownArePublishedWhenItReturns() {
        String site = UUID.randomUUID().toString();
        Http http = new Http("http://127.0.0.1:" + port).as(TestTokens.forSite("carla", site, Role.SUPERVISOR));
        String body = "{\"siteId\":\"" + site + "\",\"kind\":\"ROUND\",\"title\":\"%s\",\"priority\":\"LOW\"}";

        String before = http.post("/api/work", body.formatted("before outage")).json().get("id").asText();
        await().atMost(Duration.ofSeconds(20)).until(() -> publishedIds(Set.of(before)).size() == 1);

        broker.stop();
        Http.Response during = http.post("/api/work", body.formatted("during outage"));
        assertThat(during.status()).as("commands do not depend on Kafka").isEqualTo(201);
        String duringId = during.json().get("id").asText();
        assertThat(http.post("/api/work/" + duringId + "/plan", WorkApiIT.PLAN).status()).isEqualTo(200);
        assertThat(http.post("/api/work/" + duringId + "/start", null).status()).isEqualTo(200);
        sleep(3_000);

        broker.start(Duration.ofSeconds(60));

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .until(() -> publishedIds(Set.of(before, duringId)).size() == 4);
        List<CloudEvent> duringEvents = published(Set.of(duringId));
        List<Long> firstSeenSequence = duringEvents.stream().map(CloudEvent::sequence).distinct().toList();
        assertThat(firstSeenSequence).containsExactly(0L, 1L, 2L);
    }

    private Set<String> publishedIds(Set<String> subjects) {
        Set<String> ids = new LinkedHashSet<>();
        published(subjects).forEach(e -> ids.add(e.id()));
        return ids;
    }

    private List<CloudEvent> published(Set<String> subjects) {
        List<CloudEvent> events = new ArrayList<>();
        try (KafkaConsumer<String, CloudEvent> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "outage-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new CloudEventDeserializer())) {
            consumer.subscribe(List.of(Topics.WORK));
            long deadline = System.currentTimeMillis() + 3_000;
            while (System.currentTimeMillis() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (subjects.contains(r.key())) {
                        events.add(r.value());
                    }
                });
            }
        } catch (RuntimeException e) {
            return List.of();
        }
        return events;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
