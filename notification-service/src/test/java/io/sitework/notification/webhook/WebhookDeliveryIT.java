package io.sitework.notification.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.sitework.events.CloudEvent;
import io.sitework.events.CloudEventCodec;
import io.sitework.events.EventCatalog;
import io.sitework.events.Topics;
import io.sitework.events.work.WorkCompleted;
import io.sitework.events.work.WorkStarted;
import io.sitework.support.security.Role;
import io.sitework.support.test.KafkaTestClient;
import io.sitework.support.test.MutableClock;
import io.sitework.support.test.TestInfrastructure;
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
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultMatcher;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Webhooks end to end on the real in-process broker and MongoDB, to a receiver on 127.0.0.1: subscribed over
 * HTTP, fed by CloudEvents published to Kafka, sent by the worker. Time is a {@link MutableClock} and the
 * worker runs only when a test calls {@code tick()}, so retries "hours later" happen at once and nothing
 * waits on a timer. Each test subscribes a site of its own, so events of other tests never reach it.
 * The context is closed after the class: its Kafka listener would otherwise go on consuming what other test
 * classes publish on the shared broker, and dead-letter their deliberately broken records a second time.
 */
@SpringBootTest
@AutoConfigureMockMvc
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class WebhookDeliveryIT {

    private static final Duration STORED = Duration.ofSeconds(30);
    private static final Duration PAST_ANY_PAUSE = Duration.ofMinutes(1);

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
    @Autowired
    private MeterRegistry meters;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.registerWithoutPostgres(registry, "notification_webhooks");
        registry.add("sitework.notification.scheduling.enabled", () -> "false");
        registry.add("sitework.notification.webhooks.retry-schedule", () -> "PT10S,PT20S");
        registry.add("sitework.notification.webhooks.disable-after", () -> "2");
        registry.add("sitework.notification.webhooks.connect-timeout", () -> "PT2S");
        registry.add("sitework.notification.webhooks.read-timeout", () -> "PT5S");
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
        kafka = new KafkaTestClient(TestInfrastructure.kafka().getBrokersAsString());
        receiver = new TestReceiver();
    }

    @AfterAll
    static void stop() {
        kafka.close();
        receiver.close();
    }

    @Test
    void aFailingReceiverGetsTheSameSignedDeliveryAgainUntilItAccepts() throws Exception {
        String site = newSite();
        String path = "/flaky-" + UUID.randomUUID();
        JsonNode created = subscribe(siteAdmin(site), receiver.url(path, 2), List.of("io.sitework.work.*"), List.of(site));
        String secret = created.get("secret").asText();
        CloudEvent event = completed(site, newId());
        double retriedBefore = counter(WebhookMetrics.RETRIED);
        double deliveredBefore = counter(WebhookMetrics.DELIVERED);

        kafka.publish(Topics.WORK, event);
        String deliveryId = awaitDeliveries(site, created, 1).get("items").get(0).get("id").asText();

        List<Instant> attemptTimes = new ArrayList<>();
        attemptTimes.add(clock.instant());
        worker.tick();
        assertThat(receiver.receivedAt(path)).hasSize(1);
        worker.tick();
        assertThat(receiver.receivedAt(path)).as("not due again before its pause").hasSize(1);
        clock.advance(PAST_ANY_PAUSE);
        attemptTimes.add(clock.instant());
        worker.tick();
        clock.advance(PAST_ANY_PAUSE);
        attemptTimes.add(clock.instant());
        worker.tick();

        List<TestReceiver.Received> received = receiver.receivedAt(path);
        assertThat(received).hasSize(3);
        for (int i = 0; i < received.size(); i++) {
            TestReceiver.Received request = received.get(i);
            assertThat(request.webhookId()).as("the same webhook-id on every attempt").isEqualTo(deliveryId);
            assertThat(Long.parseLong(request.timestamp())).isEqualTo(attemptTimes.get(i).getEpochSecond());
            assertThat(WebhookSigner.verify(secret, request.webhookId(), Long.parseLong(request.timestamp()), request.body(), request.signature()))
                    .as("signed with the secret of the POST answer").isTrue();
            assertThat(request.contentType()).isEqualTo("application/cloudevents+json; charset=utf-8");
            assertThat(request.body()).as("the CloudEvent exactly as on Kafka").isEqualTo(CloudEventCodec.toJsonString(event));
            assertThat(CloudEventCodec.fromJson(request.body())).isEqualTo(event);
        }

        JsonNode delivery = read(siteAdmin(site), "/api/webhooks/{id}/deliveries/{deliveryId}", created.get("id").asText(), deliveryId);
        assertThat(delivery.get("status").asText()).isEqualTo("DELIVERED");
        assertThat(delivery.get("eventId").asText()).isEqualTo(event.id());
        assertThat(delivery.get("payload")).isEqualTo(json.readTree(CloudEventCodec.toJsonString(event)));
        JsonNode attempts = delivery.get("attempts");
        assertThat(attempts).hasSize(3);
        assertThat(attempts.findValues("statusCode")).extracting(JsonNode::asInt).containsExactly(500, 500, 200);
        assertThat(attempts.findValues("number")).extracting(JsonNode::asInt).containsExactly(1, 2, 3);
        assertThat(attempts.get(0).get("error").asText()).isEqualTo("HTTP 500");
        assertThat(attempts.get(0).get("response").asText()).startsWith("receiver says no").hasSize(WebhookSender.RESPONSE_LIMIT);
        assertThat(attempts.get(2).get("error").isNull()).isTrue();
        assertThat(attempts.get(2).get("response").asText()).isEqualTo("ok");
        assertThat(Instant.parse(attempts.get(1).get("at").asText())).isEqualTo(attemptTimes.get(1));
        assertThat(attempts.get(0).has("durationMs")).isTrue();
        assertThat(counter(WebhookMetrics.RETRIED) - retriedBefore).isEqualTo(2.0);
        assertThat(counter(WebhookMetrics.DELIVERED) - deliveredBefore).isEqualTo(1.0);
        assertThat(meters.get(WebhookMetrics.LATENCY).tag("channel", "webhook").timer().count()).isPositive();

        JsonNode subscription = read(siteAdmin(site), "/api/webhooks/{id}", created.get("id").asText());
        assertThat(subscription.has("secret")).as("the secret is shown only once").isFalse();
        assertThat(subscription.get("status").asText()).isEqualTo("ENABLED");
    }

    @Test
    void aReceiverThatAlwaysFailsGetsItsSubscriptionDisabledAndRedeliveryBringsTheEventsLater() throws Exception {
        String site = newSite();
        String path = "/down-" + UUID.randomUUID();
        JsonNode created = subscribe(siteAdmin(site), receiver.url(path, TestReceiver.ALWAYS), List.of("io.sitework.work.completed.v1"),
                List.of(site));
        String id = created.get("id").asText();
        String secret = created.get("secret").asText();
        double failedBefore = counter(WebhookMetrics.FAILED);

        kafka.publish(Topics.WORK, completed(site, newId()));
        kafka.publish(Topics.WORK, completed(site, newId()));
        awaitDeliveries(site, created, 2);
        for (int i = 0; i < 3; i++) {
            worker.tick();
            clock.advance(PAST_ANY_PAUSE);
        }

        assertThat(receiver.receivedAt(path)).as("two deliveries, three attempts each").hasSize(6);
        JsonNode failed = read(siteAdmin(site), "/api/webhooks/{id}/deliveries?status=FAILED", id);
        assertThat(failed.get("total").asLong()).isEqualTo(2);
        assertThat(failed.get("items").get(0).get("attemptCount").asInt()).isEqualTo(3);
        assertThat(failed.get("items").get(0).get("lastStatusCode").asInt()).isEqualTo(500);
        assertThat(counter(WebhookMetrics.FAILED) - failedBefore).isEqualTo(2.0);
        JsonNode disabled = read(siteAdmin(site), "/api/webhooks/{id}", id);
        assertThat(disabled.get("status").asText()).isEqualTo("DISABLED");
        assertThat(disabled.get("disabledReason").asText()).contains("2 deliveries in a row failed").contains("HTTP 500");
        assertThat(disabled.get("disabledAt").isNull()).isFalse();

        // while disabled, new events are logged as SKIPPED and not sent
        CloudEvent whileDisabled = completed(site, newId());
        kafka.publish(Topics.WORK, whileDisabled);
        JsonNode skipped = awaitDeliveries(site, created, 1, "SKIPPED");
        String skippedId = skipped.get("items").get(0).get("id").asText();
        worker.tick();
        assertThat(receiver.receivedAt(path)).hasSize(6);
        String firstFailedId = failed.get("items").get(1).get("id").asText();
        command(siteAdmin(site), post("/api/webhooks/{id}/deliveries/{d}/redeliver", id, firstFailedId), status().isConflict());

        receiver.failNext(path, 0);
        JsonNode enabled = body(command(siteAdmin(site), post("/api/webhooks/{id}/enable", id), status().isOk()));
        assertThat(enabled.get("status").asText()).isEqualTo("ENABLED");
        assertThat(enabled.get("disabledReason").isNull()).isTrue();
        assertThat(enabled.get("consecutiveFailedDeliveries").asInt()).isZero();
        JsonNode queued = body(command(siteAdmin(site), post("/api/webhooks/{id}/deliveries/{d}/redeliver", id, firstFailedId),
                status().isAccepted()));
        assertThat(queued.get("status").asText()).isEqualTo("PENDING");
        command(siteAdmin(site), post("/api/webhooks/{id}/deliveries/{d}/redeliver", id, firstFailedId), status().isConflict());
        command(siteAdmin(site), post("/api/webhooks/{id}/deliveries/{d}/redeliver", id, skippedId), status().isAccepted());
        worker.tick();

        List<TestReceiver.Received> received = receiver.receivedAt(path);
        assertThat(received).hasSize(8);
        assertThat(received.subList(6, 8)).extracting(TestReceiver.Received::webhookId).containsExactlyInAnyOrder(firstFailedId, skippedId);
        assertThat(received.stream().filter(r -> r.webhookId().equals(firstFailedId))).as("a redelivery keeps the webhook-id").hasSize(4);
        assertThat(received.subList(6, 8)).allSatisfy(r -> assertThat(WebhookSigner.verify(secret, r.webhookId(), Long.parseLong(r.timestamp()),
                r.body(), r.signature())).isTrue());
        TestReceiver.Received late = received.stream().filter(r -> r.webhookId().equals(skippedId)).findFirst().orElseThrow();
        assertThat(CloudEventCodec.fromJson(late.body())).isEqualTo(whileDisabled);
        JsonNode redelivered = read(siteAdmin(site), "/api/webhooks/{id}/deliveries/{d}", id, firstFailedId);
        assertThat(redelivered.get("status").asText()).isEqualTo("DELIVERED");
        assertThat(redelivered.get("redeliveries").asInt()).isEqualTo(1);
        assertThat(redelivered.get("attempts")).hasSize(4);
        assertThat(read(siteAdmin(site), "/api/webhooks/{id}/deliveries?status=DELIVERED", id).get("total").asLong()).isEqualTo(2);
    }

    @Test
    void onlyMatchingEventsAreDeliveredAndTheSameEventTwiceIsOneDelivery() throws Exception {
        String site = newSite();
        String path = "/picky-" + UUID.randomUUID();
        JsonNode created = subscribe(siteAdmin(site), receiver.url(path, 0), List.of("io.sitework.work.completed.v1"), List.of(site));
        String workId = newId();
        CloudEvent otherSite = completed(newSite(), workId);
        CloudEvent otherType = CloudEvent.of(EventCatalog.WORK_STARTED, newId(), Instant.now(), 1, null, "u-bruno",
                new WorkStarted(workId, site, "u-bruno"));
        CloudEvent event = completed(site, workId);
        CloudEvent marker = completed(site, workId);

        // one key, so one partition: when the marker's delivery is stored, everything before it has been consumed
        kafka.publish(Topics.WORK, otherSite);
        kafka.publish(Topics.WORK, otherType);
        kafka.publish(Topics.WORK, event);
        kafka.publish(Topics.WORK, event);
        kafka.publish(Topics.WORK, marker);
        JsonNode log = awaitDeliveries(site, created, 2);
        worker.tick();

        assertThat(log.get("items").findValuesAsText("eventId")).containsExactlyInAnyOrder(event.id(), marker.id());
        assertThat(receiver.receivedAt(path)).extracting(r -> CloudEventCodec.fromJson(r.body()).id())
                .containsExactlyInAnyOrder(event.id(), marker.id());
        worker.tick();
        assertThat(receiver.receivedAt(path)).hasSize(2);
    }

    @Test
    void aDeletedSubscriptionGetsNothingMoreAndItsLogIsGone() throws Exception {
        String site = newSite();
        String path = "/deleted-" + UUID.randomUUID();
        JsonNode created = subscribe(siteAdmin(site), receiver.url(path, 0), List.of("io.sitework.work.*"), List.of(site));
        String id = created.get("id").asText();
        kafka.publish(Topics.WORK, completed(site, newId()));
        awaitDeliveries(site, created, 1);

        command(siteAdmin(site), delete("/api/webhooks/{id}", id), status().isNoContent());
        worker.tick();

        assertThat(receiver.receivedAt(path)).as("the queued delivery was dropped").isEmpty();
        command(siteAdmin(site), get("/api/webhooks/{id}", id), status().isNotFound());
        command(siteAdmin(site), get("/api/webhooks/{id}/deliveries", id), status().isNotFound());
        command(siteAdmin(site), delete("/api/webhooks/{id}", id), status().isNotFound());
        assertThat(body(command(siteAdmin(site), get("/api/webhooks"), status().isOk())).get("total").asLong()).isZero();
    }

    @Test
    void aRefusedConnectionIsAFailedAttempt() throws Exception {
        String site = newSite();
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        JsonNode created = subscribe(siteAdmin(site), "http://127.0.0.1:" + closedPort + "/nobody", List.of("io.sitework.work.*"),
                List.of(site));
        kafka.publish(Topics.WORK, completed(site, newId()));
        awaitDeliveries(site, created, 1);

        worker.tick();

        JsonNode item = read(siteAdmin(site), "/api/webhooks/{id}/deliveries", created.get("id").asText()).get("items").get(0);
        assertThat(item.get("status").asText()).isEqualTo("PENDING");
        assertThat(item.get("lastError").asText()).isEqualTo("connection refused");
        assertThat(item.has("lastStatusCode")).isFalse();
        // leave nothing due behind for the other tests' runs of the worker (and their metric counts)
        command(siteAdmin(site), delete("/api/webhooks/{id}", created.get("id").asText()), status().isNoContent());
    }

    @Test
    void subscribingValidatesTheRequestAndTheCallersSites() throws Exception {
        String site = newSite();
        String admin = siteAdmin(site);
        String url = receiver.url("/never", 0);

        expectProblem(admin, "{\"url\":\"ftp://x\",\"eventTypes\":[\"io.sitework.work.*\"],\"siteIds\":[\"" + site + "\"]}", 400, "url");
        expectProblem(admin, "{\"url\":\"" + url + "\",\"eventTypes\":[],\"siteIds\":[\"" + site + "\"]}", 400, "eventTypes");
        expectProblem(admin, "{\"url\":\"" + url + "\",\"eventTypes\":[\"io.sitework.nothing.*\"],\"siteIds\":[\"" + site + "\"]}", 400,
                "eventTypes[0]");
        expectProblem(admin, "{\"url\":\"" + url + "\",\"eventTypes\":[\"io.sitework.work.*\"],\"siteIds\":[\"" + site + "\"],\"secret\":\"mine\"}",
                400, "secret");
        expectProblem(admin, "{\"url\":\"" + url + "\",\"eventTypes\":[\"io.sitework.work.*\"],\"siteIds\":[]}", 403, null);
        expectProblem(admin, "{\"url\":\"" + url + "\",\"eventTypes\":[\"io.sitework.work.*\"],\"siteIds\":[\"" + site + "\",\"" + newSite() + "\"]}",
                403, null);
        expectProblem(TestTokens.forSite("u-planner", site, Role.PLANNER, Role.SUPERVISOR),
                "{\"url\":\"" + url + "\",\"eventTypes\":[\"io.sitework.work.*\"],\"siteIds\":[\"" + site + "\"]}", 403, null);
        assertThat(body(command(admin, get("/api/webhooks"), status().isOk())).get("total").asLong()).as("nothing stored").isZero();
        command(admin, get("/api/webhooks/{id}/deliveries?status=LOST", UUID.randomUUID()), status().isBadRequest());
    }

    private void expectProblem(String token, String body, int status, String field) throws Exception {
        var result = mvc.perform(post("/api/webhooks").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().is(status))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        if (field != null) {
            result.andExpect(jsonPath("$.errors[0].field").value(field));
        }
    }

    private JsonNode subscribe(String token, String url, List<String> eventTypes, List<String> siteIds) throws Exception {
        String body = json.writeValueAsString(Map.of("url", url, "eventTypes", eventTypes, "siteIds", siteIds, "description", "test receiver"));
        JsonNode created = body(mvc.perform(post("/api/webhooks").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString());
        assertThat(created.get("secret").asText()).startsWith("whsec_");
        assertThat(created.get("status").asText()).isEqualTo("ENABLED");
        assertThat(created.get("url").asText()).isEqualTo(url);
        return created;
    }

    private JsonNode awaitDeliveries(String site, JsonNode subscription, int total) {
        return awaitDeliveries(site, subscription, total, null);
    }

    private JsonNode awaitDeliveries(String site, JsonNode subscription, int total, String status) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(STORED).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            last[0] = read(siteAdmin(site), "/api/webhooks/{id}/deliveries" + (status == null ? "" : "?status=" + status),
                    subscription.get("id").asText());
            assertThat(last[0].get("total").asLong()).isEqualTo(total);
        });
        return last[0];
    }

    private JsonNode read(String token, String path, Object... vars) throws Exception {
        return body(command(token, get(path, vars), status().isOk()));
    }

    private String command(String token, MockHttpServletRequestBuilder request, ResultMatcher expected) throws Exception {
        return mvc.perform(request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)).andExpect(expected)
                .andReturn().getResponse().getContentAsString();
    }

    private JsonNode body(String content) throws Exception {
        return json.readTree(content);
    }

    private double counter(String name) {
        return meters.get(name).tag("channel", "webhook").counter().count();
    }

    private static String siteAdmin(String site) {
        return TestTokens.forSite("u-sam-" + site, site, Role.SITE_ADMIN);
    }

    private static CloudEvent completed(String site, String workId) {
        return CloudEvent.of(EventCatalog.WORK_COMPLETED, newId(), Instant.parse("2026-11-25T09:30:00.250Z"), 2, "corr-" + newId(),
                "u-tech-bruno", new WorkCompleted(workId, site, "u-tech-bruno", "seal replaced"));
    }

    private static String newSite() {
        return UUID.randomUUID().toString();
    }

    private static String newId() {
        return UUID.randomUUID().toString();
    }
}
