package io.sitework.notification;

import io.sitework.support.test.KafkaTestClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.MeterRegistry;
import io.sitework.events.CloudEvent;
import io.sitework.events.CloudEventCodec;
import io.sitework.events.Topics;
import io.sitework.support.kafka.consumer.DeadLetterRecoverer;
import io.sitework.notification.process.NotificationDispatcher;
import io.sitework.support.security.Role;
import io.sitework.support.test.TestInfrastructure;
import io.sitework.support.test.TestTokens;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The whole path on real infrastructure: a CloudEvent published to the shared in-process Kafka broker
 * is consumed, stored in MongoDB (the in-process wire-compatible server) and read back over HTTP by
 * its recipient, who is the subject of the bearer token (signed by the test issuer).
 */
@SpringBootTest
@AutoConfigureMockMvc
@AutoConfigureObservability
class NotificationFlowIT {

    private static final Duration DELIVERY = Duration.ofSeconds(30);
    private static final String WORK_DLT = Topics.WORK + ".notification-service.DLT";
    private static final String GROUP = "notification-flow-it-" + UUID.randomUUID();

    private static KafkaTestClient kafka;

    @Autowired
    private MockMvc mvc;
    @Autowired
    private ObjectMapper json;
    @Autowired
    private MeterRegistry meters;
    @Autowired
    private ScriptedWorkStartedRule scriptedRule;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.registerWithoutPostgres(registry, "notification");
        // the broker is shared by every test class in this JVM: a group of our own reads the topics from the start
        registry.add("spring.kafka.consumer.group-id", () -> GROUP);
        registry.add("sitework.notification.retry.interval", () -> "PT0.1S");
        // the timers (due-soon reminders, escalations) are NotificationRulesIT's subject: here only what events cause
        registry.add("sitework.notification.scheduling.enabled", () -> "false");
        registry.add("sitework.notification.retry.transient-initial-interval", () -> "PT0.1S");
        registry.add("sitework.notification.retry.transient-max-interval", () -> "PT0.2S");
    }

    @TestConfiguration
    static class TestRules {
        @Bean
        ScriptedWorkStartedRule scriptedWorkStartedRule() {
            return new ScriptedWorkStartedRule();
        }
    }

    @BeforeAll
    static void connect() {
        kafka = new KafkaTestClient(TestInfrastructure.kafka().getBrokersAsString());
    }

    @AfterAll
    static void disconnect() {
        kafka.close();
    }

    @Test
    void workRequestedWithAnOwnerAppearsInTheOwnersInbox() throws Exception {
        String owner = "u-" + UUID.randomUUID();
        CloudEvent event = TestEvents.workRequested(TestEvents.newId(), owner);

        kafka.publish(Topics.WORK, event);

        JsonNode page = awaitInbox(owner, 1);
        assertThat(page.get("page").asInt()).isZero();
        assertThat(page.get("size").asInt()).isEqualTo(50);
        JsonNode item = page.get("items").get(0);
        assertThat(item.get("userId").asText()).isEqualTo(owner);
        assertThat(item.get("siteId").asText()).isEqualTo(TestEvents.SITE);
        assertThat(item.get("eventId").asText()).isEqualTo(event.id());
        assertThat(item.get("eventType").asText()).isEqualTo("io.sitework.work.requested.v1");
        assertThat(item.get("subjectId").asText()).isEqualTo(event.subject());
        assertThat(item.get("title").asText()).isEqualTo("New work assigned to you: Replace mechanical seal on P-101");
        assertThat(item.get("body").asText()).contains("priority HIGH").contains("Seal leaking since night shift");
        assertThat(item.get("correlationId").asText()).isEqualTo(event.correlationid());
        assertThat(Instant.parse(item.get("occurredAt").asText())).isEqualTo(TestEvents.TIME);
        assertThat(Instant.parse(item.get("createdAt").asText())).isAfter(TestEvents.TIME);
        assertThat(item.get("readAt").isNull()).isTrue();
        assertThat(item.get("read").asBoolean()).isFalse();
    }

    @Test
    void theSameEventPublishedTwiceGivesOneEntryAndOneDelivery() throws Exception {
        String owner = "u-" + UUID.randomUUID();
        String workId = TestEvents.newId();
        CloudEvent event = TestEvents.workRequested(workId, owner);
        // same key, so the same partition: once the marker is stored both copies have been applied
        CloudEvent marker = TestEvents.workRequested(workId, owner, TestEvents.TIME.plusSeconds(60), 1);
        double deliveredBefore = delivered();

        kafka.publish(Topics.WORK, event);
        kafka.publish(Topics.WORK, event);
        kafka.publish(Topics.WORK, marker);

        JsonNode page = awaitInbox(owner, 2);
        assertThat(eventIds(page)).containsExactly(marker.id(), event.id());
        assertThat(delivered() - deliveredBefore).isEqualTo(2.0);
    }

    @Test
    void eventsWithoutARuleAreAcknowledgedAndIgnored() throws Exception {
        String owner = "u-" + UUID.randomUUID();
        String workId = TestEvents.newId();
        CloudEvent unowned = TestEvents.workRequested(workId, null);
        CloudEvent completed = TestEvents.workCompleted(workId);
        ObjectNode unknownJson = CloudEventCodec.toJson(TestEvents.workCompleted(workId));
        unknownJson.put("type", "io.sitework.work.teleported.v7");
        unknownJson.put("id", TestEvents.newId());
        CloudEvent marker = TestEvents.workRequested(workId, owner, TestEvents.TIME, 3);

        kafka.publish(Topics.WORK, unowned);
        kafka.publish(Topics.WORK, completed);
        kafka.publishRaw(Topics.WORK, workId, json.writeValueAsBytes(unknownJson));
        kafka.publish(Topics.WORK, marker);

        assertThat(eventIds(awaitInbox(owner, 1))).containsExactly(marker.id());
        assertThat(kafka.recordsWithKey(WORK_DLT, workId)).as("nothing dead-lettered").isEmpty();
    }

    @Test
    void garbageGoesToTheDeadLetterTopicAndLaterEventsAreStillDelivered() throws Exception {
        String owner = "u-" + UUID.randomUUID();
        String workId = TestEvents.newId();
        byte[] garbage = ("{\"this is\": not a CloudEvent " + workId).getBytes(StandardCharsets.UTF_8);
        CloudEvent valid = TestEvents.workRequested(workId, owner);

        kafka.publishRaw(Topics.WORK, workId, garbage);
        kafka.publish(Topics.WORK, valid);

        assertThat(eventIds(awaitInbox(owner, 1))).containsExactly(valid.id());
        ConsumerRecord<String, byte[]> deadLetter = awaitDeadLetter(workId);
        assertThat(deadLetter.value()).isEqualTo(garbage);
        assertThat(KafkaTestClient.header(deadLetter, KafkaHeaders.DLT_ORIGINAL_TOPIC)).isEqualTo(Topics.WORK);
        assertThat(KafkaTestClient.header(deadLetter, DeadLetterRecoverer.REASON_HEADER)).isEqualTo("undeserializable");
        assertThat(KafkaTestClient.header(deadLetter, DeadLetterRecoverer.DETAIL_HEADER)).contains("Unrecognized token 'not'");
        // counted just after the dead letter is acknowledged, so possibly a moment after we could read it
        await().atMost(DELIVERY).untilAsserted(() -> assertThat(prometheus())
                .containsPattern("sitework_kafka_deadlettered_total\\{[^}]*reason=\"undeserializable\"[^}]*topic=\"sitework.work.v1\""));
    }

    @Test
    void anEventThatBreaksTheContractIsDeadLetteredAsUnprocessable() throws Exception {
        String owner = "u-" + UUID.randomUUID();
        String workId = TestEvents.newId();
        ObjectNode broken = CloudEventCodec.toJson(TestEvents.workRequested(workId, owner));
        ((ObjectNode) broken.get("data")).remove("workId");
        CloudEvent valid = TestEvents.workRequested(workId, owner);

        kafka.publishRaw(Topics.WORK, workId, json.writeValueAsBytes(broken));
        kafka.publish(Topics.WORK, valid);

        assertThat(eventIds(awaitInbox(owner, 1))).containsExactly(valid.id());
        ConsumerRecord<String, byte[]> deadLetter = awaitDeadLetter(workId);
        assertThat(CloudEventCodec.fromBytes(deadLetter.value()).id()).isEqualTo(broken.get("id").asText());
        assertThat(KafkaTestClient.header(deadLetter, KafkaHeaders.DLT_ORIGINAL_TOPIC)).isEqualTo(Topics.WORK);
        assertThat(KafkaTestClient.header(deadLetter, DeadLetterRecoverer.REASON_HEADER)).isEqualTo("unprocessable");
        assertThat(KafkaTestClient.header(deadLetter, DeadLetterRecoverer.DETAIL_HEADER)).contains("has no workId");
    }

    @Test
    void aFailingHandlerIsRetriedAFewTimesThenDeadLetteredWithoutStoppingTheStream() throws Exception {
        String owner = "u-" + UUID.randomUUID();
        String workId = TestEvents.newId();
        CloudEvent exploding = TestEvents.workStarted(workId, "explode");
        CloudEvent later = TestEvents.workRequested(workId, owner, TestEvents.TIME, 2);

        kafka.publish(Topics.WORK, exploding);
        kafka.publish(Topics.WORK, later);

        assertThat(eventIds(awaitInbox(owner, 1))).containsExactly(later.id());
        ConsumerRecord<String, byte[]> deadLetter = awaitDeadLetter(workId);
        assertThat(CloudEventCodec.fromBytes(deadLetter.value())).isEqualTo(exploding);
        assertThat(KafkaTestClient.header(deadLetter, DeadLetterRecoverer.REASON_HEADER)).isEqualTo("handler-failure");
        assertThat(KafkaTestClient.header(deadLetter, DeadLetterRecoverer.DETAIL_HEADER)).isEqualTo("scripted failure of attempt 3");
        assertThat(scriptedRule.attempts(exploding.id())).as("first attempt + 2 retries").isEqualTo(3);
    }

    @Test
    void aTransientFailureIsRetriedUntilItPassesAndNeverDeadLettered() throws Exception {
        String user = "u-" + UUID.randomUUID();
        String workId = TestEvents.newId();
        CloudEvent started = TestEvents.workStarted(workId, "flaky:" + user);

        kafka.publish(Topics.WORK, started);

        assertThat(eventIds(awaitInbox(user, 1))).containsExactly(started.id());
        assertThat(scriptedRule.attempts(started.id())).isEqualTo(ScriptedWorkStartedRule.FLAKY_FAILURES + 1);
        assertThat(kafka.recordsWithKey(WORK_DLT, workId)).isEmpty();
    }

    @Test
    void theInboxIsPagedNewestFirst() throws Exception {
        String owner = "u-" + UUID.randomUUID();
        List<CloudEvent> events = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            events.add(TestEvents.workRequested(TestEvents.newId(), owner, TestEvents.TIME.plusSeconds(60L * i)));
        }
        for (CloudEvent event : events) {
            kafka.publish(Topics.WORK, event);
        }
        awaitInbox(owner, 5);

        JsonNode first = inbox(owner, "page=0&size=2");
        JsonNode last = inbox(owner, "page=2&size=2");
        JsonNode beyond = inbox(owner, "page=7&size=2");

        assertThat(eventIds(first)).containsExactly(events.get(4).id(), events.get(3).id());
        assertThat(first.get("total").asLong()).isEqualTo(5);
        assertThat(first.get("page").asInt()).isZero();
        assertThat(first.get("size").asInt()).isEqualTo(2);
        assertThat(eventIds(last)).containsExactly(events.get(0).id());
        assertThat(last.get("page").asInt()).isEqualTo(2);
        assertThat(beyond.get("items")).isEmpty();
        assertThat(beyond.get("total").asLong()).isEqualTo(5);
        assertThat(inbox(owner, "size=200").get("items")).hasSize(5);
    }

    @Test
    void markingReadIsIdempotentAndFiltersTheUnreadView() throws Exception {
        String owner = "u-" + UUID.randomUUID();
        CloudEvent older = TestEvents.workRequested(TestEvents.newId(), owner, TestEvents.TIME);
        CloudEvent newer = TestEvents.workRequested(TestEvents.newId(), owner, TestEvents.TIME.plusSeconds(60));
        kafka.publish(Topics.WORK, older);
        kafka.publish(Topics.WORK, newer);
        String olderId = awaitInbox(owner, 2).get("items").get(1).get("id").asText();

        JsonNode read = body(mvc.perform(post("/api/notifications/{id}/read", olderId).header(HttpHeaders.AUTHORIZATION, bearer(owner)))
                .andExpect(status().isOk()).andReturn());
        JsonNode readAgain = body(mvc.perform(post("/api/notifications/{id}/read", olderId).header(HttpHeaders.AUTHORIZATION, bearer(owner)))
                .andExpect(status().isOk()).andReturn());

        assertThat(read.get("read").asBoolean()).isTrue();
        assertThat(read.get("eventId").asText()).isEqualTo(older.id());
        assertThat(readAgain.get("readAt").asText()).as("the first read time is kept").isEqualTo(read.get("readAt").asText());
        assertThat(eventIds(inbox(owner, "unread=true"))).containsExactly(newer.id());
        assertThat(inbox(owner, "unread=true").get("total").asLong()).isEqualTo(1);
        assertThat(eventIds(inbox(owner, "unread=false"))).containsExactly(newer.id(), older.id());
    }

    @Test
    void markingAnUnknownEntryReadIsANotFoundProblem() throws Exception {
        mvc.perform(post("/api/notifications/{id}/read", UUID.randomUUID()).header(HttpHeaders.AUTHORIZATION, bearer("u-" + UUID.randomUUID())))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(404))
                .andExpect(jsonPath("$.title").value("Not found"));
    }

    @Test
    void aUserReadsOnlyTheirOwnInboxAndAUserIdParameterChangesNothing() throws Exception {
        String anna = "u-anna-" + UUID.randomUUID();
        String bruno = "u-bruno-" + UUID.randomUUID();
        CloudEvent forAnna = TestEvents.workRequested(TestEvents.newId(), anna);
        CloudEvent forBruno = TestEvents.workRequested(TestEvents.newId(), bruno);
        kafka.publish(Topics.WORK, forAnna);
        kafka.publish(Topics.WORK, forBruno);

        JsonNode annas = awaitInbox(anna, 1);
        JsonNode brunos = awaitInbox(bruno, 1);

        assertThat(eventIds(annas)).containsExactly(forAnna.id());
        assertThat(eventIds(brunos)).containsExactly(forBruno.id());
        assertThat(brunos.get("items").findValuesAsText("userId")).containsOnly(bruno);
        // asking for someone else's inbox by parameter is not a thing: the caller gets their own
        for (String query : List.of("userId=" + anna, "userId=" + anna + "&unread=true", "userId=" + anna + "&size=200")) {
            JsonNode asked = inbox(bruno, query);
            assertThat(eventIds(asked)).as(query).containsExactly(forBruno.id());
            assertThat(asked.get("total").asLong()).as(query).isEqualTo(1);
        }
        assertThat(eventIds(inbox(anna, "userId=" + bruno))).containsExactly(forAnna.id());
    }

    @Test
    void markingAnotherUsersEntryReadIsNotFoundAndItStaysUnread() throws Exception {
        String anna = "u-anna-" + UUID.randomUUID();
        String bruno = "u-bruno-" + UUID.randomUUID();
        kafka.publish(Topics.WORK, TestEvents.workRequested(TestEvents.newId(), anna));
        String annasEntry = awaitInbox(anna, 1).get("items").get(0).get("id").asText();

        String brunosAttempt = mvc.perform(post("/api/notifications/{id}/read", annasEntry).header(HttpHeaders.AUTHORIZATION, bearer(bruno)))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Not found"))
                .andReturn().getResponse().getContentAsString();
        assertThat(brunosAttempt).as("nothing of anna's entry leaks").doesNotContain(anna).doesNotContain("Replace mechanical seal");
        mvc.perform(post("/api/notifications/{id}/read", annasEntry)).andExpect(status().isUnauthorized());

        JsonNode stillUnread = inbox(anna, "unread=true");
        assertThat(stillUnread.get("total").asLong()).isEqualTo(1);
        assertThat(stillUnread.get("items").get(0).get("readAt").isNull()).isTrue();
        assertThat(stillUnread.get("items").get(0).get("read").asBoolean()).isFalse();

        // its owner can, and once it is read it is still not bruno's
        JsonNode read = body(mvc.perform(post("/api/notifications/{id}/read", annasEntry).header(HttpHeaders.AUTHORIZATION, bearer(anna)))
                .andExpect(status().isOk()).andReturn());
        assertThat(read.get("read").asBoolean()).isTrue();
        mvc.perform(post("/api/notifications/{id}/read", annasEntry).header(HttpHeaders.AUTHORIZATION, bearer(bruno)))
                .andExpect(status().isNotFound());
        assertThat(inbox(anna, "").get("items").get(0).get("readAt").asText()).isEqualTo(read.get("readAt").asText());
    }

    @Test
    void theInboxNeedsAToken() throws Exception {
        mvc.perform(get("/api/notifications"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(result -> assertThat(result.getResponse().getHeader(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Bearer"));
        mvc.perform(get("/api/notifications").param("userId", "u-1")).andExpect(status().isUnauthorized());
    }

    @Test
    void badPagingIsABadRequestProblem() throws Exception {
        expectBadRequest("size", "size", "201");
        expectBadRequest("size", "size", "0");
        expectBadRequest("page", "page", "-1");
        expectBadRequest("page", "page", "first");
        expectBadRequest("unread", "unread", "maybe");
    }

    @Test
    void metricsIncludeDeliveriesAndTheKafkaConsumer() throws Exception {
        String owner = "u-" + UUID.randomUUID();
        kafka.publish(Topics.WORK, TestEvents.workRequested(TestEvents.newId(), owner));
        awaitInbox(owner, 1);

        String metrics = prometheus();

        assertThat(metrics).containsPattern("sitework_notifications_delivered_total\\{[^}]*channel=\"inbox\"");
        assertThat(metrics).contains("kafka_consumer_fetch_manager_records_consumed_total");
    }

    @Test
    void theOpenApiDocumentDescribesTheInbox() throws Exception {
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/notifications'].get").exists())
                .andExpect(jsonPath("$.paths['/api/notifications/{id}/read'].post").exists())
                .andExpect(jsonPath("$.paths['/api/notifications'].get.parameters[?(@.name == 'userId')]").isEmpty());
    }

    private void expectBadRequest(String field, String... params) throws Exception {
        MockHttpServletRequestBuilder request = get("/api/notifications").header(HttpHeaders.AUTHORIZATION, bearer("u-1"));
        for (int i = 0; i < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        mvc.perform(request)
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.errors[0].field").value(field));
    }

    private JsonNode awaitInbox(String userId, int expectedTotal) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(DELIVERY).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            last[0] = inbox(userId, "");
            assertThat(last[0].get("total").asLong()).isEqualTo(expectedTotal);
        });
        return last[0];
    }

    private ConsumerRecord<String, byte[]> awaitDeadLetter(String key) {
        List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
        await().atMost(DELIVERY).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            found.clear();
            // other test classes' contexts consume the same topics (with their own groups) and dead-letter too
            kafka.recordsWithKey(WORK_DLT, key).stream()
                    .filter(r -> GROUP.equals(KafkaTestClient.header(r, KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP)))
                    .forEach(found::add);
            assertThat(found).hasSize(1);
        });
        return found.get(0);
    }

    /** One page of the user's own inbox, asked for with the user's token. */
    private JsonNode inbox(String userId, String query) throws Exception {
        return body(mvc.perform(get("/api/notifications?" + query).header(HttpHeaders.AUTHORIZATION, bearer(userId)))
                .andExpect(status().isOk()).andReturn());
    }

    /** A valid token of the user: a technician of the events' site (the inbox needs no role at all). */
    private static String bearer(String userId) {
        return "Bearer " + TestTokens.forSite(userId, TestEvents.SITE, Role.TECHNICIAN);
    }

    private String prometheus() throws Exception {
        return mvc.perform(get("/actuator/prometheus")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private JsonNode body(MvcResult result) throws Exception {
        return json.readTree(result.getResponse().getContentAsString());
    }

    private static List<String> eventIds(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("items").forEach(item -> ids.add(item.get("eventId").asText()));
        return ids;
    }

    private double delivered() {
        return meters.get(NotificationDispatcher.DELIVERED_METRIC).tag("channel", "inbox").counter().count();
    }
}
