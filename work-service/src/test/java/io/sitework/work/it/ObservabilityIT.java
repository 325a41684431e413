package io.sitework.work.it;

import io.sitework.events.Topics;
import io.sitework.support.security.Role;
import io.sitework.support.test.DashboardMetrics;
import io.sitework.support.test.Http;
import io.sitework.support.test.KafkaTestClient;
import io.sitework.support.test.TestInfrastructure;
import io.sitework.support.test.TestTokens;
import io.sitework.support.tracing.TraceContext;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Metrics and traces of work-service: the series the Grafana dashboard queries are on /actuator/prometheus,
 * and a request's W3C trace context reaches the stored events' metadata and the published Kafka record.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ObservabilityIT {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "work");
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    Http http;
    final String site = UUID.randomUUID().toString();

    @BeforeEach
    void setUp() {
        http = new Http("http://127.0.0.1:" + port).as(TestTokens.forSite("anna", site, Role.PLANNER, Role.TECHNICIAN, Role.SUPERVISOR));
    }

    private String createWork(String... headers) {
        Http.Response created = http.post("/api/work", """
                {"siteId":"%s","kind":"MAINTENANCE_CORRECTIVE","title":"Traced","priority":"HIGH","ownerId":"bruno",
                 "dueAt":"2099-12-01T16:00:00Z","assetIds":["%s"]}""".formatted(site, UUID.randomUUID()), headers);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asText();
    }

    @Test
    void aRequestsTraceReachesTheEventsMetadataAndThePublishedRecord() {
        String traceId = HexFormat.of().formatHex(randomBytes(16));
        String callerSpan = HexFormat.of().formatHex(randomBytes(8));
        String workId = createWork("traceparent", "00-" + traceId + "-" + callerSpan + "-01");

        String metadata = jdbc.queryForObject(
                "SELECT convert_from(metadata, 'UTF8') FROM domainevententry WHERE aggregateidentifier = ? AND sequencenumber = 0",
                String.class, workId);
        assertThat(metadata).contains("\"traceparent\":\"00-" + traceId + "-");

        try (KafkaTestClient kafka = new KafkaTestClient(TestInfrastructure.kafka().getBrokersAsString())) {
            List<ConsumerRecord<String, byte[]>> records = await().atMost(Duration.ofSeconds(20))
                    .until(() -> kafka.recordsWithKey(Topics.WORK, workId), found -> !found.isEmpty());
            String traceparent = KafkaTestClient.header(records.get(0), TraceContext.TRACEPARENT);
            assertThat(traceparent).as("the record's traceparent").isNotNull();
            String[] parts = traceparent.split("-");
            assertThat(parts[1]).as("trace id").isEqualTo(traceId);
            // a producer span of its own, inside the caller's trace
            assertThat(parts[2]).as("span id").isNotEqualTo(callerSpan).hasSize(16);
            assertThat(parts[3]).as("sampled, as the caller asked").isEqualTo("01");
        }
    }

    @Test
    void aRequestWithoutTraceStartsOneThatTheRecordCarries() {
        String workId = createWork();
        try (KafkaTestClient kafka = new KafkaTestClient(TestInfrastructure.kafka().getBrokersAsString())) {
            List<ConsumerRecord<String, byte[]>> records = await().atMost(Duration.ofSeconds(20))
                    .until(() -> kafka.recordsWithKey(Topics.WORK, workId), found -> !found.isEmpty());
            assertThat(KafkaTestClient.header(records.get(0), TraceContext.TRACEPARENT)).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]");
        }
    }

    @Test
    void theDashboardsSeriesAreExposed() throws Exception {
        createWork();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            String scrape = http.get("/actuator/prometheus").body();
            Files.writeString(Path.of("target", "prometheus-work-service.txt"), scrape, StandardCharsets.UTF_8);
            assertThat(DashboardMetrics.missing("work-service", scrape)).isEmpty();
        });
        String scrape = http.get("/actuator/prometheus").body();
        // every streaming processor reports its lag, by processing group; the publisher catches up to zero
        assertThat(scrape).containsPattern("sitework_eventprocessor_lag\\{[^}]*processing_group=\"work-board\"");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(http.get("/actuator/prometheus").body())
                .containsPattern("sitework_eventprocessor_lag\\{[^}]*processing_group=\"work-publisher\"[^}]*} 0.0"));
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }
}
