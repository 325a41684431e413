package io.sitework.notification;

import io.sitework.support.test.KafkaTestClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sitework.events.CloudEvent;
import io.sitework.events.Topics;
import io.sitework.support.security.Role;
import io.sitework.support.test.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.testcontainers.containers.MongoDBContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.DockerImageName;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The main path against a real Apache Kafka broker and a real MongoDB in containers. The broker starts
 * with no topics, so this also shows that the service declares what it consumes. Skipped where there
 * is no Docker.
 */
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest
@AutoConfigureMockMvc
class NotificationFlowContainersIT {

    @Container
    static final KafkaContainer KAFKA = new KafkaContainer(DockerImageName.parse("apache/kafka:3.9.1"));
    @Container
    static final MongoDBContainer MONGO = new MongoDBContainer(DockerImageName.parse("mongo:7.0"));

    private static KafkaTestClient kafka;

    @Autowired
    private MockMvc mvc;
    @Autowired
    private ObjectMapper json;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", KAFKA::getBootstrapServers);
        registry.add("spring.data.mongodb.uri", () -> MONGO.getReplicaSetUrl("sitework_notification"));
        registry.add("sitework.security.issuer", () -> TestTokens.ISSUER);
        registry.add("sitework.security.jwk-set-uri", TestTokens::jwkSetUri);
    }

    @BeforeAll
    static void connect() {
        kafka = new KafkaTestClient(KAFKA.getBootstrapServers());
    }

    @AfterAll
    static void disconnect() {
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void workRequestedWithAnOwnerAppearsInTheOwnersInbox() throws Exception {
        String owner = "u-" + UUID.randomUUID();
        CloudEvent event = TestEvents.workRequested(TestEvents.newId(), owner);

        kafka.publish(Topics.WORK, event);

        JsonNode item = awaitInbox(owner, 1).get("items").get(0);
        assertThat(item.get("eventId").asText()).isEqualTo(event.id());
        assertThat(item.get("subjectId").asText()).isEqualTo(event.subject());
        assertThat(item.get("title").asText()).isEqualTo("New work assigned to you: Replace mechanical seal on P-101");
        assertThat(item.get("read").asBoolean()).isFalse();
    }

    @Test
    void theSameEventPublishedTwiceGivesOneEntry() throws Exception {
        String owner = "u-" + UUID.randomUUID();
        String workId = TestEvents.newId();
        CloudEvent event = TestEvents.workRequested(workId, owner);
        CloudEvent marker = TestEvents.workRequested(workId, owner, TestEvents.TIME.plusSeconds(60));

        kafka.publish(Topics.WORK, event);
        kafka.publish(Topics.WORK, event);
        kafka.publish(Topics.WORK, marker);

        JsonNode page = awaitInbox(owner, 2);
        List<String> eventIds = new ArrayList<>();
        page.get("items").forEach(item -> eventIds.add(item.get("eventId").asText()));
        assertThat(eventIds).containsExactly(marker.id(), event.id());
    }

    @Test
    void onlyTheOwnerSeesAndMarksTheirEntry() throws Exception {
        String anna = "u-anna-" + UUID.randomUUID();
        String bruno = "u-bruno-" + UUID.randomUUID();
        kafka.publish(Topics.WORK, TestEvents.workRequested(TestEvents.newId(), anna));
        String entry = awaitInbox(anna, 1).get("items").get(0).get("id").asText();

        assertThat(inbox(bruno, "userId", anna).get("total").asLong()).isZero();
        mvc.perform(post("/api/notifications/{id}/read", entry).header(HttpHeaders.AUTHORIZATION, bearer(bruno)))
                .andExpect(status().isNotFound());
        assertThat(inbox(anna, "unread", "true").get("total").asLong()).isEqualTo(1);
        mvc.perform(post("/api/notifications/{id}/read", entry).header(HttpHeaders.AUTHORIZATION, bearer(anna)))
                .andExpect(status().isOk());
        assertThat(inbox(anna, "unread", "true").get("total").asLong()).isZero();
    }

    private JsonNode inbox(String userId, String... params) throws Exception {
        var request = get("/api/notifications").header(HttpHeaders.AUTHORIZATION, bearer(userId));
        for (int i = 0; i < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        return json.readTree(mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    private static String bearer(String userId) {
        return "Bearer " + TestTokens.forSite(userId, TestEvents.SITE, Role.TECHNICIAN);
    }

    private JsonNode awaitInbox(String userId, int expectedTotal) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            String body = mvc.perform(get("/api/notifications").header(HttpHeaders.AUTHORIZATION, bearer(userId)))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            last[0] = json.readTree(body);
            assertThat(last[0].get("total").asLong()).isEqualTo(expectedTotal);
        });
        return last[0];
    }
}
