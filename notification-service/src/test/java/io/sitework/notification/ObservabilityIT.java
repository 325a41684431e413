package io.sitework.notification;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.sitework.events.CloudEvent;
import io.sitework.events.Topics;
import io.sitework.support.security.Role;
import io.sitework.support.test.DashboardMetrics;
import io.sitework.support.test.KafkaTestClient;
import io.sitework.support.test.TestInfrastructure;
import io.sitework.support.test.TestTokens;
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
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Metrics and traces of notification-service: the series the Grafana dashboard queries are on
 * /actuator/prometheus, and a record's {@code traceparent} (as work-service's publisher writes it) is
 * continued while the record is handled — the consumer span belongs to the publisher's trace. The spans
 * are caught by a span processor of the test's, in the tracer the service really uses.
 */
@SpringBootTest
@AutoConfigureMockMvc
@AutoConfigureObservability
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ObservabilityIT {

    private static final String GROUP = "notification-observability-it-" + UUID.randomUUID();
    private static KafkaTestClient kafka;

    @Autowired
    MockMvc mvc;
    @Autowired
    ObjectMapper json;
    @Autowired
    RecordedSpans spans;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.registerWithoutPostgres(registry, "notification");
        registry.add("spring.kafka.consumer.group-id", () -> GROUP);
        registry.add("sitework.notification.scheduling.enabled", () -> "false");
    }

    /** Every span the service ends, as the exporter would see it. */
    static class RecordedSpans implements SpanProcessor {
        final List<SpanData> ended = new CopyOnWriteArrayList<>();

        @Override
        public void onStart(Context parentContext, ReadWriteSpan span) {
        }

        @Override
        public boolean isStartRequired() {
            return false;
        }

        @Override
        public void onEnd(ReadableSpan span) {
            ended.add(span.toSpanData());
        }

        @Override
        public boolean isEndRequired() {
            return true;
        }
    }

    @TestConfiguration
    static class Spans {
        @Bean
        RecordedSpans recordedSpans() {
            return new RecordedSpans();
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
    void aRecordsTraceIsContinuedWhileItsNotificationsAreStored() throws Exception {
        String traceId = HexFormat.of().formatHex(randomBytes(16));
        String publisherSpan = HexFormat.of().formatHex(randomBytes(8));
        String owner = "u-" + UUID.randomUUID();
        CloudEvent event = TestEvents.workRequested(TestEvents.newId(), owner);

        kafka.publish(Topics.WORK, event, Map.of("traceparent", "00-" + traceId + "-" + publisherSpan + "-01"));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(inbox(owner).get("total").asLong()).isEqualTo(1));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(spans.ended)
                .as("a consumer span in the publisher's trace, child of its span")
                .anySatisfy(span -> {
                    assertThat(span.getTraceId()).isEqualTo(traceId);
                    assertThat(span.getParentSpanId()).isEqualTo(publisherSpan);
                    assertThat(span.getKind()).isEqualTo(SpanKind.CONSUMER);
                }));
    }

    @Test
    void theDashboardsSeriesAreExposed() throws Exception {
        String owner = "u-" + UUID.randomUUID();
        kafka.publish(Topics.WORK, TestEvents.workRequested(TestEvents.newId(), owner));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(inbox(owner).get("total").asLong()).isEqualTo(1));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(DashboardMetrics.missing("notification-service", prometheus())).isEmpty());
        String scrape = prometheus();
        for (String channel : List.of("inbox", "email", "webhook")) {
            assertThat(scrape).containsPattern("sitework_notifications_delivered_total\\{[^}]*channel=\"" + channel + "\"");
        }
        for (String channel : List.of("email", "webhook")) {
            assertThat(scrape).containsPattern("sitework_notifications_failed_total\\{[^}]*channel=\"" + channel + "\"");
        }
    }

    private String prometheus() throws Exception {
        return mvc.perform(get("/actuator/prometheus")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private JsonNode inbox(String userId) throws Exception {
        String body = mvc.perform(get("/api/notifications").header(HttpHeaders.AUTHORIZATION,
                        "Bearer " + TestTokens.forSite(userId, TestEvents.SITE, Role.TECHNICIAN)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        return json.readTree(body);
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }
}
