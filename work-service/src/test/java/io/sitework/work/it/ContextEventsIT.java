package io.sitework.work.it;

import com.fasterxml.jackson.databind.JsonNode;
import io.sitework.events.CloudEvent;
import io.sitework.events.Topics;
import io.sitework.support.kafka.consumer.DeadLetterRecoverer;
import io.sitework.support.security.Role;
import io.sitework.support.test.Http;
import io.sitework.support.test.KafkaTestClient;
import io.sitework.support.test.TestInfrastructure;
import io.sitework.support.test.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.sitework.work.it.ContextEvents.contractorRegistered;
import static io.sitework.work.it.ContextEvents.permitApproved;
import static io.sitework.work.it.ContextEvents.permitIssued;
import static io.sitework.work.it.ContextEvents.permitRequested;
import static io.sitework.work.it.ContextEvents.permitResumed;
import static io.sitework.work.it.ContextEvents.permitSuspended;
import static io.sitework.work.it.ContextEvents.qualificationGranted;
import static io.sitework.work.it.ContextEvents.qualificationLapsed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * work-service following {@code sitework.context.v1} on a real broker: permits decide whether work
 * may start and block it when suspended; contractor qualifications raise and clear CONTRACTOR
 * blockers; a record it cannot read goes to its own dead-letter topic and the rest flows on.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ContextEventsIT {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "work_context_events");
    }

    @LocalServerPort
    int port;

    final String site = UUID.randomUUID().toString();
    Http planner;
    Http technician;
    KafkaTestClient kafka;

    @BeforeEach
    void setUp() {
        Http http = new Http("http://127.0.0.1:" + port);
        planner = http.as(TestTokens.forSite("anna", site, Role.PLANNER));
        technician = http.as(TestTokens.forSite("bruno", site, Role.TECHNICIAN));
        kafka = new KafkaTestClient(TestInfrastructure.kafka().getBrokersAsString());
    }

    @AfterEach
    void tearDown() {
        kafka.close();
    }

    private String plannedWork(String extra) {
        Http.Response created = planner.post("/api/work", """
                {"siteId":"%s","kind":"MAINTENANCE_CORRECTIVE","title":"Replace seal on P-101","priority":"HIGH","ownerId":"bruno",%s}"""
                .formatted(site, extra));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asText();
        Http.Response planned = planner.post("/api/work/" + id + "/plan",
                "{\"plannedStart\":\"2099-12-01T07:00:00Z\",\"plannedEnd\":\"2099-12-01T12:00:00Z\"}");
        assertThat(planned.status()).as(planned.body()).isEqualTo(200);
        return id;
    }

    private JsonNode work(String id) {
        Http.Response response = planner.get("/api/work/" + id);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private String permitStatus(String work, String permit) {
        for (JsonNode p : work(work).get("permits")) {
            if (p.get("permitId").asText().equals(permit)) {
                return p.get("status").asText();
            }
        }
        return null;
    }

    private List<String> historyTypes(String work) {
        JsonNode page = planner.get("/api/work/" + work + "/history?size=200").json();
        List<String> types = new ArrayList<>();
        page.get("items").forEach(e -> types.add(e.get("type").asText()));
        return types;
    }

    private List<JsonNode> openBlockers(String work, String type) {
        List<JsonNode> open = new ArrayList<>();
        work(work).get("blockers").forEach(b -> {
            if (b.get("open").asBoolean() && b.get("type").asText().equals(type)) {
                open.add(b);
            }
        });
        return open;
    }

    private void publish(CloudEvent event) {
        kafka.publish(Topics.CONTEXT, event);
    }

    @Test
    void aPermitDecidesWhetherWorkMayStartAndItsSuspensionBlocksTheWorkUntilReIssue() {
        String work = plannedWork("\"requiredPermitTypes\":[\"HOT_WORK\"]");
        String permit = UUID.randomUUID().toString();

        Http.Response noPermit = technician.post("/api/work/" + work + "/start", "");
        assertThat(noPermit.status()).as(noPermit.body()).isEqualTo(409);
        assertThat(noPermit.json().get("code").asText()).isEqualTo("work.permit-missing");

        publish(permitRequested(site, permit, work));
        publish(permitApproved(site, permit, work));
        await().atMost(Duration.ofSeconds(30)).until(() -> "APPROVED".equals(permitStatus(work, permit)));
        Http.Response notIssued = technician.post("/api/work/" + work + "/start", "");
        assertThat(notIssued.status()).as(notIssued.body()).isEqualTo(409);
        assertThat(notIssued.json().get("code").asText()).isEqualTo("work.permit-not-issued");
        assertThat(notIssued.json().get("detail").asText()).contains("permit " + permit + " is APPROVED");

        publish(permitIssued(site, permit, work, 4));
        await().atMost(Duration.ofSeconds(30)).until(() -> "ISSUED".equals(permitStatus(work, permit)));
        Http.Response started = technician.post("/api/work/" + work + "/start", "");
        assertThat(started.status()).as(started.body()).isEqualTo(200);

        CloudEvent suspended = permitSuspended(site, permit, work, 5);
        publish(suspended);
        await().atMost(Duration.ofSeconds(30)).until(() -> work(work).get("blocked").asBoolean());
        List<JsonNode> blockers = openBlockers(work, "PERMIT");
        assertThat(blockers).hasSize(1);
        assertThat(blockers.get(0).get("reference").asText()).isEqualTo(permit);
        assertThat(blockers.get(0).get("reason").asText()).contains("SUSPENDED");
        assertThat(blockers.get(0).get("automatic").asBoolean()).isTrue();
        Http.Response complete = technician.post("/api/work/" + work + "/complete", "{}");
        assertThat(complete.status()).as(complete.body()).isEqualTo(409);
        assertThat(complete.json().get("code").asText()).isEqualTo("work.blocked");

        // the same record delivered again changes nothing
        publish(ContextEvents.cloudEvent(io.sitework.events.EventCatalog.PERMIT_SUSPENDED, suspended.id(), 5, suspended.data()));
        publish(permitResumed(site, permit, work, 6));
        await().atMost(Duration.ofSeconds(30)).until(() -> !work(work).get("blocked").asBoolean());
        assertThat(technician.post("/api/work/" + work + "/complete", "{}").status()).isEqualTo(200);

        List<String> history = historyTypes(work);
        assertThat(history).filteredOn(t -> t.equals("io.sitework.work.permit_linked.v1")).hasSize(1);
        assertThat(history).filteredOn(t -> t.equals("io.sitework.work.permit_status_changed.v1")).hasSize(4);
        assertThat(history).filteredOn(t -> t.equals("io.sitework.work.blocker_raised.v1")).hasSize(1);
        assertThat(history).filteredOn(t -> t.equals("io.sitework.work.blocker_resolved.v1")).hasSize(1);
        JsonNode raised = planner.get("/api/work/" + work + "/history?size=200").json().get("items").findParents("type").stream()
                .filter(e -> e.get("type").asText().equals("io.sitework.work.blocker_raised.v1")).findFirst().orElseThrow();
        assertThat(raised.get("actor").asText()).isEqualTo("system:permit-follower");
        assertThat(raised.get("correlationId").asText()).isEqualTo(suspended.correlationid());
    }

    @Test
    void aLapsedQualificationBlocksTheContractorsWorkAndARenewalClearsIt() {
        String contractor = UUID.randomUUID().toString();
        publish(contractorRegistered(site, contractor));
        publish(qualificationGranted(site, contractor, "HOT_WORK", 1));
        String neverQualified = UUID.randomUUID().toString();
        publish(contractorRegistered(site, neverQualified));
        String withoutQualification = plannedWork("\"requiredPermitTypes\":[\"HOT_WORK\"],\"contractorId\":\"" + neverQualified + "\"");
        // a contractor that never held the qualification is blocked as soon as work-service knows of both
        await().atMost(Duration.ofSeconds(30)).until(() -> openBlockers(withoutQualification, "CONTRACTOR").size() == 1);

        String work = plannedWork("\"requiredPermitTypes\":[\"HOT_WORK\",\"GENERAL\"],\"contractorId\":\"" + contractor + "\"");
        String unrelated = plannedWork("\"requiredPermitTypes\":[\"ELECTRICAL\"],\"contractorId\":\"" + contractor + "\"");

        publish(qualificationLapsed(site, contractor, "HOT_WORK", 2));
        await().atMost(Duration.ofSeconds(30)).until(() -> openBlockers(work, "CONTRACTOR").size() == 1);
        assertThat(openBlockers(work, "CONTRACTOR").get(0).get("reason").asText()).contains(contractor, "HOT_WORK");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> planner.get("/api/work/blocked?siteId=" + site + "&blockerType=CONTRACTOR").body().contains(work));

        publish(qualificationGranted(site, contractor, "HOT_WORK", 3));
        await().atMost(Duration.ofSeconds(30)).until(() -> openBlockers(work, "CONTRACTOR").isEmpty());
        // ELECTRICAL was never granted: the other work was blocked for that from the start, never for HOT_WORK
        assertThat(openBlockers(unrelated, "CONTRACTOR")).hasSize(1)
                .allSatisfy(b -> assertThat(b.get("reason").asText()).contains("ELECTRICAL"));
    }

    @Test
    void aRecordWorkServiceCannotReadGoesToItsOwnDeadLetterTopicAndLaterRecordsFlow() {
        String work = plannedWork("\"requiredPermitTypes\":[\"HOT_WORK\"]");
        String permit = UUID.randomUUID().toString();
        kafka.publishRaw(Topics.CONTEXT, permit, "{not an event".getBytes(StandardCharsets.UTF_8));
        publish(permitRequested(site, permit, work));

        await().atMost(Duration.ofSeconds(30)).until(() -> "REQUESTED".equals(permitStatus(work, permit)));
        await().atMost(Duration.ofSeconds(30)).until(() -> !kafka.recordsWithKey("sitework.context.v1.work-service.DLT", permit).isEmpty());
        assertThat(KafkaTestClient.header(kafka.recordsWithKey("sitework.context.v1.work-service.DLT", permit).get(0),
                DeadLetterRecoverer.REASON_HEADER)).isEqualTo("undeserializable");
    }
}
