package io.sitework.context.it;

import com.fasterxml.jackson.databind.JsonNode;
import io.sitework.context.config.KafkaConsumerConfig;
import io.sitework.events.CloudEvent;
import io.sitework.events.EventCatalog;
import io.sitework.events.EventType;
import io.sitework.events.IntegrationEvent;
import io.sitework.events.Topics;
import io.sitework.events.kafka.CloudEventSerializer;
import io.sitework.events.work.WorkAssigned;
import io.sitework.events.work.WorkCancelled;
import io.sitework.events.work.WorkClosed;
import io.sitework.events.work.WorkCompleted;
import io.sitework.events.work.WorkPlanned;
import io.sitework.events.work.WorkPutOnHold;
import io.sitework.events.work.WorkRequested;
import io.sitework.events.work.WorkResumed;
import io.sitework.events.work.WorkStarted;
import io.sitework.support.test.Http;
import io.sitework.support.test.TestInfrastructure;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Context-service's view of work, fed by CloudEvents on {@code sitework.work.v1} produced here as
 * work-service would (a plain producer, the shared serializer, keyed by work id): what permits learn
 * from it, and that redelivered, repeated or older records change nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WorkStatusViewIT {

    /** The broker is shared by every test class of this JVM: a group of our own reads the topic from the start. */
    private static final String GROUP = "work-status-view-it-" + UUID.randomUUID();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "context_work_status");
        registry.add("spring.kafka.consumer.group-id", () -> GROUP);
    }

    private static KafkaProducer<String, CloudEvent> events;
    private static KafkaProducer<String, byte[]> raw;

    @BeforeAll
    static void producers() {
        Map<String, Object> props = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafka().getBrokersAsString(),
                ProducerConfig.ACKS_CONFIG, "all");
        events = new KafkaProducer<>(props, new StringSerializer(), new CloudEventSerializer());
        raw = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
    }

    @AfterAll
    static void closeProducers() {
        events.close(Duration.ofSeconds(5));
        raw.close(Duration.ofSeconds(5));
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    PermitFlow flow;

    @BeforeEach
    void setUp() {
        flow = new PermitFlow(port);
    }

    private <T extends IntegrationEvent> void publish(EventType<T> type, long sequence, T data) {
        CloudEvent event = CloudEvent.of(type, UUID.randomUUID().toString(), Instant.now(), sequence, "corr-" + data.aggregateId(),
                "bruno", data);
        publish(event);
    }

    private static void publish(CloudEvent event) {
        try {
            events.send(new ProducerRecord<>(Topics.WORK, event.subject(), event)).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void requested(String work, long sequence) {
        publish(EventCatalog.WORK_REQUESTED, sequence, new WorkRequested(work, flow.site, "MAINTENANCE_CORRECTIVE", "Replace seal", null,
                "HIGH", null, "bruno", null, List.of(), List.of("CONFINED_SPACE"), List.of(), null, null, null, null));
    }

    private void planned(String work, long sequence) {
        publish(EventCatalog.WORK_PLANNED, sequence, new WorkPlanned(work, flow.site, Instant.now(), Instant.now().plusSeconds(3600),
                List.of(), "bruno"));
    }

    private void started(String work, long sequence) {
        publish(EventCatalog.WORK_STARTED, sequence, new WorkStarted(work, flow.site, "bruno"));
    }

    private void completed(String work, long sequence) {
        publish(EventCatalog.WORK_COMPLETED, sequence, new WorkCompleted(work, flow.site, "bruno", "Seal replaced"));
    }

    private String statusOf(String work) {
        List<String> found = jdbc.queryForList("SELECT status || '@' || sequence FROM work_status WHERE work_id = ?", String.class, work);
        return found.isEmpty() ? null : found.get(0);
    }

    private static String linkedStatus(JsonNode permit, String work) {
        for (JsonNode linked : permit.get("linkedWork")) {
            if (linked.get("workId").asText().equals(work)) {
                // a work context-service has not heard of yet has no status: the field is then left out
                JsonNode status = linked.path("status");
                return status.isMissingNode() || status.isNull() ? null : status.asText();
            }
        }
        throw new AssertionError("work " + work + " is not linked to " + permit);
    }

    private JsonNode permit(String id) {
        return PermitFlow.ok(flow.rita.get("/api/permits/" + id));
    }

    private void awaitLinked(String permitId, String work, String status) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(linkedStatus(permit(permitId), work)).isEqualTo(status));
    }

    @Test
    void aPermitCannotBeClosedWhileItsWorkIsInProgressOrOnHold() {
        String work = UUID.randomUUID().toString();
        requested(work, 0);
        planned(work, 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> "PLANNED@1".equals(statusOf(work)));

        JsonNode created = flow.request(flow.body("CONFINED_SPACE", List.of(work), List.of(), List.of()));
        String id = created.get("id").asText();
        assertThat(linkedStatus(created, work)).as("seeded from what context-service knew at request").isEqualTo("PLANNED");
        flow.issue(id);
        started(work, 2);
        awaitLinked(id, work, "IN_PROGRESS");
        flow.step(flow.rita, id, "handback", null);

        Http.Response refused = flow.paul.post("/api/permits/" + id + "/close", null);
        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.json().get("code").asText()).isEqualTo("permit.work-in-progress");
        assertThat(refused.json().get("detail").asText()).contains("work " + work + " is IN_PROGRESS");

        publish(EventCatalog.WORK_PUT_ON_HOLD, 3, new WorkPutOnHold(work, flow.site, "Waiting for parts", "bruno"));
        awaitLinked(id, work, "ON_HOLD");
        assertThat(flow.paul.post("/api/permits/" + id + "/close", null).json().get("detail").asText())
                .contains("work " + work + " is ON_HOLD");

        publish(EventCatalog.WORK_RESUMED, 4, new WorkResumed(work, flow.site, "bruno"));
        completed(work, 5);
        awaitLinked(id, work, "DONE");
        assertThat(flow.step(flow.paul, id, "close", null).get("status").asText()).isEqualTo("CLOSED");
        assertThat(permit(id).get("readyForHandBack").asBoolean()).as("handed back before the work was done").isFalse();
    }

    @Test
    void whenAllItsWorkIsFinishedAPermitIsReadyForHandBackOnceWhateverIsRedelivered() {
        String pump = UUID.randomUUID().toString();
        String paint = UUID.randomUUID().toString();
        String id = flow.request(flow.body("HOT_WORK", List.of(pump, paint), List.of(), List.of())).get("id").asText();
        flow.issue(id);
        requested(pump, 0);
        requested(paint, 0);
        started(pump, 1);
        completed(pump, 2);
        publish(EventCatalog.WORK_ASSIGNED, 3, new WorkAssigned(pump, flow.site, "olga", List.of(), List.of(), "bruno"));
        awaitLinked(id, pump, "DONE");
        assertThat(permit(id).get("readyForHandBack").asBoolean()).isFalse();

        CloudEvent cancelled = CloudEvent.of(EventCatalog.WORK_CANCELLED, UUID.randomUUID().toString(), Instant.now(), 1, "corr-cancel", "bruno",
                new WorkCancelled(paint, flow.site, "Not needed", "bruno"));
        publish(cancelled);
        awaitLinked(id, paint, "CANCELLED");
        await().atMost(Duration.ofSeconds(10)).until(() -> permit(id).get("readyForHandBack").asBoolean());
        long version = permit(id).get("version").asLong();

        // redelivery of the same records, and an older one arriving late, change nothing
        publish(cancelled);
        completed(pump, 2);
        started(pump, 1);
        // then a newer record on each key: once it is seen, everything before it was handled
        publish(EventCatalog.WORK_CLOSED, 4, new WorkClosed(pump, flow.site, "vera", false, null));
        publish(EventCatalog.WORK_CLOSED, 2, new WorkClosed(paint, flow.site, "vera", false, null));
        awaitLinked(id, pump, "CLOSED");
        awaitLinked(id, paint, "CLOSED");
        assertThat(permit(id).get("version").asLong()).as("only the two newer statuses were recorded").isEqualTo(version + 2);
        assertThat(statusOf(pump)).isEqualTo("CLOSED@4");
        assertThat(statusOf(paint)).isEqualTo("CLOSED@2");

        JsonNode history = flow.rita.get("/api/permits/" + id + "/history").json().get("items");
        assertThat(history.findValuesAsText("type").stream().filter(EventCatalog.PERMIT_READY_FOR_HANDBACK.type()::equals)).hasSize(1);
        // published: requested, approved, issued, ready for hand-back (linked work statuses are not published)
        List<CloudEvent> published = PermitFlow.publishedContextEvents(id, 4);
        assertThat(published).extracting(CloudEvent::type).containsExactly(EventCatalog.PERMIT_REQUESTED.type(),
                EventCatalog.PERMIT_APPROVED.type(), EventCatalog.PERMIT_ISSUED.type(), EventCatalog.PERMIT_READY_FOR_HANDBACK.type());
        CloudEvent ready = published.get(3);
        assertThat(ready.dataAs(EventCatalog.PERMIT_READY_FOR_HANDBACK).holderId()).isEqualTo("rita");
        assertThat(ready.dataAs(EventCatalog.PERMIT_READY_FOR_HANDBACK).status()).isEqualTo("ISSUED");
        assertThat(ready.actor()).isEqualTo("system:work-status");
        assertThat(ready.correlationid()).as("the work event's correlation id travels on").isEqualTo("corr-cancel");
    }

    @Test
    void aRecordThatIsNotAnEventGoesToTheDeadLetterTopicAndTheRestFlows() throws Exception {
        String work = UUID.randomUUID().toString();
        byte[] garbage = "{not a cloud event".getBytes(StandardCharsets.UTF_8);
        raw.send(new ProducerRecord<>(Topics.WORK, work, garbage)).get(10, TimeUnit.SECONDS);
        requested(work, 0);
        await().atMost(Duration.ofSeconds(30)).until(() -> "REQUESTED@0".equals(statusOf(work)));

        List<ConsumerRecord<String, byte[]>> deadLetters = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafka().getBrokersAsString(),
                ConsumerConfig.GROUP_ID_CONFIG, "dlt-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(KafkaConsumerConfig.WORK_DEAD_LETTER_TOPIC));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    // other services' contexts in this JVM dead-letter the record too, each under its own group
                    Header group = r.headers().lastHeader(KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP);
                    if (work.equals(r.key()) && group != null && GROUP.equals(new String(group.value(), StandardCharsets.UTF_8))) {
                        deadLetters.add(r);
                    }
                });
                return !deadLetters.isEmpty();
            });
        }
        assertThat(deadLetters).hasSize(1);
        assertThat(deadLetters.get(0).value()).as("the original bytes").isEqualTo(garbage);
    }
}
