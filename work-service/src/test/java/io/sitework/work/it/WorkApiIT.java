package io.sitework.work.it;

import com.fasterxml.jackson.databind.JsonNode;
import io.sitework.events.CloudEvent;
import io.sitework.events.EventCatalog;
import io.sitework.events.KafkaHeaders;
import io.sitework.events.Topics;
import io.sitework.events.kafka.CloudEventDeserializer;
import io.sitework.support.test.Http;
import io.sitework.support.security.Role;
import io.sitework.support.test.TestInfrastructure;
import io.sitework.support.test.TestTokens;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The work API against real PostgreSQL, Kafka and a MongoDB endpoint. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability
class WorkApiIT {

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

    private String requestBody(String title, String owner) {
        return """
                {"siteId":"%s","kind":"MAINTENANCE_CORRECTIVE","title":"%s","priority":"HIGH","ownerId":"%s",
                 "dueAt":"2099-12-01T16:00:00Z","assetIds":["%s"]}""".formatted(site, title, owner, UUID.randomUUID());
    }

    private String createWork(String title) {
        Http.Response created = http.post("/api/work", requestBody(title, "bruno"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asText();
    }

    static final String PLAN = "{\"plannedStart\":\"2099-12-01T06:00:00Z\",\"plannedEnd\":\"2099-12-01T10:00:00Z\"}";

    private void planAndStart(String id) {
        assertThat(http.post("/api/work/" + id + "/plan", PLAN).status()).isEqualTo(200);
        assertThat(http.post("/api/work/" + id + "/start", null).status()).isEqualTo(200);
    }

    private long storedEvents(String workId) {
        return jdbc.queryForObject("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ?", Long.class, workId);
    }

    @Test
    void requestStartCompleteThroughTheApi() {
        Http.Response created = http.post("/api/work", requestBody("Replace seal on P-101", "bruno"), "X-Correlation-Id", "corr-abc");

        assertThat(created.status()).isEqualTo(201);
        String id = created.json().get("id").asText();
        assertThat(created.header("Location")).endsWith("/api/work/" + id);
        assertThat(created.header("ETag")).isEqualTo("\"0\"");
        assertThat(created.header("X-Correlation-Id")).isEqualTo("corr-abc");
        assertThat(created.json().get("status").asText()).isEqualTo("REQUESTED");
        assertThat(created.json().get("transitions").get("requestedBy").asText()).isEqualTo("anna");

        Http.Response planned = http.post("/api/work/" + id + "/plan", PLAN, "If-Match", "\"0\"");
        assertThat(planned.status()).as(planned.body()).isEqualTo(200);
        assertThat(planned.json().get("status").asText()).isEqualTo("PLANNED");
        assertThat(planned.json().get("ready").asBoolean()).isTrue();
        Http.Response started = http.post("/api/work/" + id + "/start", null, "If-Match", "\"1\"");
        assertThat(started.status()).as(started.body()).isEqualTo(200);
        assertThat(started.json().get("status").asText()).isEqualTo("IN_PROGRESS");
        assertThat(started.header("ETag")).isEqualTo("\"2\"");

        Http.Response completed = http.post("/api/work/" + id + "/complete", "{\"outcome\":\"Seal replaced\"}");
        assertThat(completed.status()).isEqualTo(200);
        assertThat(completed.json().get("status").asText()).isEqualTo("DONE");
        assertThat(completed.json().get("transitions").get("outcome").asText()).isEqualTo("Seal replaced");

        Http.Response read = http.get("/api/work/" + id);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.header("ETag")).isEqualTo("\"3\"");
        assertThat(read.json().get("version").asLong()).isEqualTo(3);

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            JsonNode list = http.get("/api/work?siteId=" + site).json();
            assertThat(list.get("total").asLong()).isEqualTo(1);
            assertThat(list.get("items").get(0).get("id").asText()).isEqualTo(id);
            assertThat(list.get("items").get(0).get("status").asText()).isEqualTo("DONE");
        });
    }

    @Test
    void asOfShowsTheWorkAsItWasBeforeLaterEvents() throws InterruptedException {
        String id = createWork("Clean filter");
        String before = http.get("/api/work/" + id).json().get("transitions").get("requestedAt").asText();
        Thread.sleep(20);
        planAndStart(id);

        JsonNode then = http.get("/api/work/" + id + "?asOf=" + before).json();
        assertThat(then.get("status").asText()).isEqualTo("REQUESTED");
        assertThat(http.get("/api/work/" + id + "?asOf=2000-01-01T00:00:00Z").status()).isEqualTo(404);
    }

    @Test
    void everyChangeIsPublishedToKafkaKeyedByWorkWithTheCorrelationId() {
        Http.Response created = http.post("/api/work", requestBody("Inspect E-201", "carla"), "X-Correlation-Id", "corr-kafka-1");
        String id = created.json().get("id").asText();
        http.post("/api/work/" + id + "/plan", PLAN, "X-Correlation-Id", "corr-kafka-2");

        List<ConsumerRecord<String, CloudEvent>> mine = new ArrayList<>();
        try (KafkaConsumer<String, CloudEvent> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafka().getBrokersAsString(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new CloudEventDeserializer())) {
            consumer.subscribe(List.of(Topics.WORK));
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (id.equals(r.key())) {
                        mine.add(r);
                    }
                });
                return mine.size() >= 2;
            });
        }
        CloudEvent requested = mine.get(0).value();
        assertThat(requested.type()).isEqualTo(EventCatalog.WORK_REQUESTED.type());
        assertThat(requested.correlationid()).isEqualTo("corr-kafka-1");
        assertThat(requested.actor()).isEqualTo("anna");
        assertThat(requested.sequence()).isZero();
        assertThat(requested.dataAs(EventCatalog.WORK_REQUESTED).ownerId()).isEqualTo("carla");
        assertThat(new String(mine.get(0).headers().lastHeader(KafkaHeaders.CORRELATION_ID).value(), StandardCharsets.UTF_8))
                .isEqualTo("corr-kafka-1");
        assertThat(mine.get(1).value().type()).isEqualTo(EventCatalog.WORK_PLANNED.type());
        assertThat(mine.get(1).value().correlationid()).isEqualTo("corr-kafka-2");
        assertThat(mine.get(1).value().sequence()).isEqualTo(1);
        String storedId = jdbc.queryForObject(
                "SELECT eventidentifier FROM domainevententry WHERE aggregateidentifier = ? AND sequencenumber = 0", String.class, id);
        assertThat(requested.id()).isEqualTo(storedId);
    }

    @Test
    void completingWorkThatHasNotStartedIsRefusedAndStoresNothing() {
        String id = createWork("Refused completion");

        Http.Response refused = http.post("/api/work/" + id + "/complete", "{}");

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.json().get("detail").asText()).contains("is REQUESTED").contains("only IN_PROGRESS");
        assertThat(refused.json().get("code").asText()).isEqualTo("work.cannot-complete");
        assertThat(storedEvents(id)).isEqualTo(1);
    }

    @Test
    void staleIfMatchIsRefusedWith412AndStoresNothing() {
        String id = createWork("Stale");
        planAndStart(id);

        Http.Response stale = http.post("/api/work/" + id + "/complete", "{}", "If-Match", "\"0\"");

        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.json().get("currentVersion").asLong()).isEqualTo(2);
        assertThat(storedEvents(id)).isEqualTo(3);
        assertThat(http.post("/api/work/" + id + "/complete", "{}", "If-Match", "not-an-etag").status()).isEqualTo(400);
    }

    @Test
    void badInputIsA400ProblemNamingTheField() {
        assertProblem(http.post("/api/work", "{\"siteId\": "), 400, null);
        assertProblem(http.post("/api/work", requestBody("", "x")), 400, "title");
        assertProblem(http.post("/api/work", requestBody("t", "x").replace("MAINTENANCE_CORRECTIVE", "TELEPORT")), 400, "kind");
        assertProblem(http.post("/api/work", requestBody("t", "x").replace(site, "not-a-uuid")), 400, "siteId");
        assertProblem(http.post("/api/work", requestBody("t", "x").replace("\"HIGH\"", "\"HIGH\",\"status\":\"DONE\"")), 400, "status");
        assertProblem(http.post("/api/work", "{\"kind\":\"ROUND\",\"title\":\"t\",\"priority\":\"LOW\"}"), 400, "siteId");
        assertProblem(http.post("/api/work", requestBody("t", "x").replace("2099-12-01T16:00:00Z", "tomorrow")), 400, "dueAt");
        assertProblem(http.get("/api/work/not-a-uuid"), 400, "id");
        assertProblem(http.get("/api/work?siteId=" + site + "&status=SLEEPING"), 400, "status");
        assertProblem(http.get("/api/work?siteId=" + site + "&size=500"), 400, "size");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domainevententry d WHERE convert_from(d.payload, 'UTF8') LIKE '%\"title\":\"t\"%'",
                Long.class)).isZero();
    }

    @Test
    void theActorIsTheTokensSubjectInEveryStoredEvent() {
        String id = createWork("Actor check");
        http.post("/api/work/" + id + "/plan", PLAN);
        List<String> metadata = jdbc.queryForList(
                "SELECT convert_from(metadata, 'UTF8') FROM domainevententry WHERE aggregateidentifier = ? ORDER BY sequencenumber",
                String.class, id);
        assertThat(metadata).hasSize(2).allSatisfy(m -> assertThat(m).contains("\"actor\":\"anna\""));
    }

    @Test
    void listsWithoutASiteCoverOnlyTheCallersSites() {
        createWork("Mine");
        String elsewhere = UUID.randomUUID().toString();
        new Http("http://127.0.0.1:" + port).as(TestTokens.forSite("zoe", elsewhere, Role.PLANNER)).post("/api/work",
                "{\"siteId\":\"" + elsewhere + "\",\"kind\":\"OTHER\",\"title\":\"Theirs\",\"priority\":\"LOW\"}");

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            JsonNode all = http.get("/api/work").json();
            assertThat(all.get("items").findValuesAsText("siteId")).isNotEmpty().containsOnly(site);
        });
        assertThat(http.get("/api/work?siteId=" + elsewhere).status()).isEqualTo(403);
    }

    @Test
    void unknownWorkIs404() {
        Http.Response missing = http.get("/api/work/" + UUID.randomUUID());
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.header("Content-Type")).startsWith("application/problem+json");
        assertThat(http.post("/api/work/" + UUID.randomUUID() + "/start", null).status()).isEqualTo(404);
    }

    @Test
    void theGlobalIndexHasNoAllocationGaps() {
        for (int i = 0; i < 5; i++) {
            createWork("Gapless " + i);
        }
        List<Long> indexes = jdbc.queryForList("SELECT globalindex FROM domainevententry ORDER BY globalindex", Long.class);
        for (int i = 1; i < indexes.size(); i++) {
            assertThat(indexes.get(i) - indexes.get(i - 1)).as("step at " + i).isEqualTo(1);
        }
    }

    @Test
    void eventsAreStoredAsJsonNotXml() {
        String id = createWork("Serializer check");
        String payload = jdbc.queryForObject("SELECT convert_from(payload, 'UTF8') FROM domainevententry WHERE aggregateidentifier = ?",
                String.class, id);
        assertThat(payload).startsWith("{").contains("\"title\":\"Serializer check\"");
    }

    @Test
    void prometheusShowsAxonAndKafkaMetrics() {
        createWork("Metrics");
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            String metrics = http.get("/actuator/prometheus").body();
            assertThat(metrics).contains("work_publisher").contains("kafka_producer");
        });
    }

    private static void assertProblem(Http.Response response, int status, String field) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        JsonNode body = response.json();
        assertThat(body.get("status").asInt()).isEqualTo(status);
        assertThat(body.has("title")).isTrue();
        assertThat(body.has("detail")).isTrue();
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("at io.sitework");
        if (field != null) {
            assertThat(body.get("errors")).as(response.body()).isNotNull();
            assertThat(body.get("errors").findValuesAsText("field")).as(response.body()).contains(field);
        }
    }
}
