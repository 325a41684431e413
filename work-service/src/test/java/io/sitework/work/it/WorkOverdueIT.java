package io.sitework.work.it;

import com.fasterxml.jackson.databind.JsonNode;
import io.sitework.events.CloudEvent;
import io.sitework.events.EventCatalog;
import io.sitework.events.Topics;
import io.sitework.events.kafka.CloudEventDeserializer;
import io.sitework.support.security.Role;
import io.sitework.support.test.Http;
import io.sitework.support.test.TestInfrastructure;
import io.sitework.support.test.TestTokens;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Work becomes overdue at its due instant, through Axon's DbSchedulerDeadlineManager on the real
 * PostgreSQL database: the WorkOverdue event is stored, published to Kafka and shown on the work.
 * Moving the due date moves the deadline; finishing the work first means it is never overdue.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "db-scheduler.polling-interval=1s")
class WorkOverdueIT {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "work_overdue");
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DeadlineManager deadlineManager;

    Http http;
    final String site = UUID.randomUUID().toString();

    @BeforeEach
    void setUp() {
        http = new Http("http://127.0.0.1:" + port).as(TestTokens.forSite("anna", site, Role.PLANNER, Role.TECHNICIAN, Role.SUPERVISOR));
    }

    private static Instant inSeconds(long seconds) {
        return Instant.now().plusSeconds(seconds).truncatedTo(ChronoUnit.MILLIS);
    }

    private String createWork(String title, Instant dueAt) {
        Http.Response created = http.post("/api/work", """
                {"siteId":"%s","kind":"DAILY_COMMITMENT","title":"%s","priority":"HIGH","ownerId":"bruno","dueAt":"%s"}"""
                .formatted(site, title, dueAt));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asText();
    }

    private List<Map<String, Object>> overdueEvents(String workId) {
        return jdbc.queryForList("SELECT convert_from(payload, 'UTF8') AS payload, convert_from(metadata, 'UTF8') AS metadata, timestamp "
                + "FROM domainevententry WHERE aggregateidentifier = ? AND payloadtype LIKE '%WorkOverdue' ORDER BY sequencenumber", workId);
    }

    private void plan(String workId, Instant dueAt) {
        Http.Response planned = http.post("/api/work/" + workId + "/plan", """
                {"plannedStart":"%s","plannedEnd":"%s","dueAt":"%s"}""".formatted(Instant.now().plusSeconds(1).truncatedTo(ChronoUnit.MILLIS),
                dueAt, dueAt));
        assertThat(planned.status()).as(planned.body()).isEqualTo(200);
    }

    @Test
    void deadlinesAreKeptByDbScheduler() {
        assertThat(deadlineManager).isInstanceOf(DbSchedulerDeadlineManager.class);
    }

    @Test
    void workBecomesOverdueAtItsDueInstantAndThePublicEventIsPublished() {
        Instant due = inSeconds(3);
        String id = createWork("Sign the shift log", due);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM scheduled_tasks", Long.class)).as("the deadline is stored").isPositive();
        assertThat(http.get("/api/work/" + id).json().get("overdue").asBoolean()).isFalse();

        await().atMost(Duration.ofSeconds(20)).until(() -> overdueEvents(id).size() == 1);
        Map<String, Object> stored = overdueEvents(id).get(0);
        assertThat(Instant.parse((String) stored.get("timestamp"))).isAfterOrEqualTo(due);
        assertThat((String) stored.get("payload")).contains("\"dueAt\":\"" + due + "\"").contains("\"ownerId\":\"bruno\"");
        assertThat((String) stored.get("metadata")).as("the system raised it").contains("\"actor\":\"system:work-overdue\"");

        JsonNode work = http.get("/api/work/" + id).json();
        assertThat(work.get("overdue").asBoolean()).isTrue();
        assertThat(Instant.parse(work.get("transitions").get("overdueAt").asText())).isAfterOrEqualTo(due);

        CloudEvent published = consumeFromWorkTopic(id, EventCatalog.WORK_OVERDUE.type());
        assertThat(published.type()).isEqualTo("io.sitework.work.overdue.v1");
        assertThat(published.siteid()).isEqualTo(site);
        assertThat(published.dataAs(EventCatalog.WORK_OVERDUE).dueAt()).isEqualTo(due);
        assertThat(published.dataAs(EventCatalog.WORK_OVERDUE).ownerId()).isEqualTo("bruno");
    }

    @Test
    void replanningToALaterDueDateCancelsTheOldDeadlineAndFiresAtTheNewOne() throws InterruptedException {
        Instant firstDue = inSeconds(3);
        String id = createWork("Check the forklift batteries", firstDue);
        Instant newDue = inSeconds(9);
        plan(id, newDue);

        Thread.sleep(Duration.between(Instant.now(), firstDue.plusSeconds(3)).toMillis());
        assertThat(overdueEvents(id)).as("nothing at the old due time").isEmpty();

        await().atMost(Duration.ofSeconds(20)).until(() -> overdueEvents(id).size() == 1);
        assertThat(Instant.parse((String) overdueEvents(id).get(0).get("timestamp"))).isAfterOrEqualTo(newDue);
        assertThat((String) overdueEvents(id).get(0).get("payload")).contains("\"dueAt\":\"" + newDue + "\"");
        Thread.sleep(2500);
        assertThat(overdueEvents(id)).as("exactly once").hasSize(1);
    }

    @Test
    void workCompletedBeforeItsDueTimeNeverBecomesOverdue() throws InterruptedException {
        Instant due = inSeconds(6);
        String id = createWork("Clean the filling line", due);
        plan(id, due);
        assertThat(http.post("/api/work/" + id + "/start", null).status()).isEqualTo(200);
        Http.Response done = http.post("/api/work/" + id + "/complete", "{\"outcome\":\"Clean\"}");
        assertThat(done.status()).as(done.body()).isEqualTo(200);

        Thread.sleep(Duration.between(Instant.now(), due.plusSeconds(4)).toMillis());

        assertThat(overdueEvents(id)).isEmpty();
        JsonNode work = http.get("/api/work/" + id).json();
        assertThat(work.get("overdue").asBoolean()).isFalse();
        assertThat(work.get("transitions").has("overdueAt")).isFalse();
    }

    private CloudEvent consumeFromWorkTopic(String key, String type) {
        List<CloudEvent> found = new ArrayList<>();
        try (KafkaConsumer<String, CloudEvent> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafka().getBrokersAsString(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new CloudEventDeserializer())) {
            consumer.subscribe(List.of(Topics.WORK));
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (key.equals(r.key()) && type.equals(r.value().type())) {
                        found.add(r.value());
                    }
                });
                return !found.isEmpty();
            });
        }
        return found.get(0);
    }
}
