package io.sitework.work.it;

import com.fasterxml.jackson.databind.JsonNode;
import io.sitework.events.CloudEvent;
import io.sitework.events.EventCatalog;
import io.sitework.events.Topics;
import io.sitework.events.kafka.CloudEventDeserializer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import io.sitework.support.security.Role;
import io.sitework.support.test.Http;
import io.sitework.support.test.TestInfrastructure;
import io.sitework.support.test.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.containers.MongoDBContainer;
import org.testcontainers.containers.PostgreSQLContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The same slice against container images of PostgreSQL, Kafka and real MongoDB, where Docker runs. */
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WorkApiContainersIT {

    @Container
    static final PostgreSQLContainer<?> postgres = new PostgreSQLContainer<>("postgres:16-alpine");
    @Container
    static final KafkaContainer kafka = new KafkaContainer("apache/kafka:3.9.1");
    @Container
    static final MongoDBContainer mongo = new MongoDBContainer("mongo:7.0");

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.registerExternal(registry, postgres::getJdbcUrl, postgres::getUsername, postgres::getPassword,
                () -> mongo.getReplicaSetUrl("sitework_work"), kafka::getBootstrapServers);
    }

    @LocalServerPort
    int port;

    @Test
    void requestStartCompleteIsStoredProjectedAndPublished() {
        String site = UUID.randomUUID().toString();
        Http http = new Http("http://127.0.0.1:" + port).as(TestTokens.forSite("olga", site, Role.PLANNER, Role.TECHNICIAN));
        Http.Response created = http.post("/api/work",
                "{\"siteId\":\"" + site + "\",\"kind\":\"CLEANING\",\"title\":\"Clean hopper\",\"priority\":\"MEDIUM\",\"ownerId\":\"olga\"}");
        assertThat(created.status()).isEqualTo(201);
        String id = created.json().get("id").asText();
        assertThat(http.post("/api/work/" + id + "/plan", WorkApiIT.PLAN).status()).isEqualTo(200);
        assertThat(http.post("/api/work/" + id + "/start", null).status()).isEqualTo(200);
        assertThat(http.post("/api/work/" + id + "/complete", "{}").status()).isEqualTo(200);
        assertThat(http.post("/api/work/" + id + "/complete", "{}").status()).isEqualTo(409);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode list = http.get("/api/work?siteId=" + site).json();
            assertThat(list.get("items").get(0).get("status").asText()).isEqualTo("DONE");
        });
        List<CloudEvent> events = new ArrayList<>();
        try (KafkaConsumer<String, CloudEvent> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.getBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "tc-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new CloudEventDeserializer())) {
            consumer.subscribe(List.of(Topics.WORK));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (id.equals(r.key())) {
                        events.add(r.value());
                    }
                });
                return events.size() >= 3;
            });
        }
        assertThat(events).extracting(CloudEvent::type).containsExactly(EventCatalog.WORK_REQUESTED.type(),
                EventCatalog.WORK_STARTED.type(), EventCatalog.WORK_COMPLETED.type());
    }
}
