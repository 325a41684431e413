package io.sitework.notification.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sitework.events.CloudEvent;
import io.sitework.events.CloudEventCodec;
import io.sitework.events.EventCatalog;
import io.sitework.events.Topics;
import io.sitework.events.work.WorkCompleted;
import io.sitework.support.security.Role;
import io.sitework.support.test.KafkaTestClient;
import io.sitework.support.test.MutableClock;
import io.sitework.support.test.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.testcontainers.containers.MongoDBContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.DockerImageName;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The webhook path against a real Apache Kafka broker and a real MongoDB (the worker's claim is a
 * findAndModify with $or and a sort: real MongoDB must agree with the in-process server). Skipped where
 * there is no Docker.
 */
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest
@AutoConfigureMockMvc
class WebhookDeliveryContainersIT {

    @Container
    static final KafkaContainer KAFKA = new KafkaContainer(DockerImageName.parse("apache/kafka:3.9.1"));
    @Container
    static final MongoDBContainer MONGO = new MongoDBContainer(DockerImageName.parse("mongo:7.0"));

    private static KafkaTestClient kafka;
    private static TestReceiver receiver;

    @Autowired
    private MockMvc mvc;
    @Autowired
    private ObjectMapper json;
    @Autowired
    private WebhookDeliveryWorker worker;
    @Autowired
    private MutableClock clock;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", KAFKA::getBootstrapServers);
        registry.add("spring.data.mongodb.uri", () -> MONGO.getReplicaSetUrl("sitework_notification"));
        registry.add("sitework.security.issuer", () -> TestTokens.ISSUER);
        registry.add("sitework.security.jwk-set-uri", TestTokens::jwkSetUri);
        registry.add("sitework.notification.scheduling.enabled", () -> "false");
        registry.add("sitework.notification.webhooks.retry-schedule", () -> "PT10S");
    }

    @TestConfiguration
    static class ManualTime {
        @Bean
        @Primary
        MutableClock mutableClock() {
            return new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        }
    }

    @BeforeAll
    static void start() throws Exception {
        kafka = new KafkaTestClient(KAFKA.getBootstrapServers());
        receiver = new TestReceiver();
    }

    @AfterAll
    static void stop() {
        if (kafka != null) {
            kafka.close();
        }
        if (receiver != null) {
            receiver.close();
        }
    }

    @Test
    void aFailedAttemptIsRetriedAndDeliveredWithTheSameWebhookId() throws Exception {
        String site = UUID.randomUUID().toString();
        String token = "Bearer " + TestTokens.forSite("u-sam", site, Role.SITE_ADMIN);
        String path = "/erp";
        String body = json.writeValueAsString(Map.of("url", receiver.url(path, 1), "eventTypes", List.of("io.sitework.work.*"),
                "siteIds", List.of(site)));
        JsonNode created = json.readTree(mvc.perform(post("/api/webhooks").header(HttpHeaders.AUTHORIZATION, token)
                .contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString());
        CloudEvent event = CloudEvent.of(EventCatalog.WORK_COMPLETED, UUID.randomUUID().toString(), Instant.now(), 2, null, "u-tech",
                new WorkCompleted(UUID.randomUUID().toString(), site, "u-tech", "done"));

        kafka.publish(Topics.WORK, event);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                assertThat(json.readTree(mvc.perform(get("/api/webhooks/{id}/deliveries", created.get("id").asText())
                        .header(HttpHeaders.AUTHORIZATION, token)).andReturn().getResponse().getContentAsString()).get("total").asLong()).isEqualTo(1));
        worker.tick();
        clock.advance(Duration.ofMinutes(1));
        worker.tick();

        List<TestReceiver.Received> received = receiver.receivedAt(path);
        assertThat(received).hasSize(2);
        assertThat(received.get(1).webhookId()).isEqualTo(received.get(0).webhookId());
        assertThat(WebhookSigner.verify(created.get("secret").asText(), received.get(1).webhookId(), Long.parseLong(received.get(1).timestamp()),
                received.get(1).body(), received.get(1).signature())).isTrue();
        assertThat(CloudEventCodec.fromJson(received.get(1).body())).isEqualTo(event);
    }
}
