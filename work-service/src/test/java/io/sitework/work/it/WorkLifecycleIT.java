package io.sitework.work.it;

import com.fasterxml.jackson.databind.JsonNode;
import io.sitework.support.security.Role;
import io.sitework.support.test.Http;
import io.sitework.support.test.TestInfrastructure;
import io.sitework.support.test.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole lifecycle through the API with real infrastructure: a planner, a technician and a
 * supervisor take work from request to close with a checklist, a blocker and a dependency, and the
 * processes (dependency blockers, findings from failed readings) react to events.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WorkLifecycleIT {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "work_lifecycle");
    }

    @LocalServerPort
    int port;

    final String site = UUID.randomUUID().toString();
    Http planner;
    Http technician;
    Http supervisor;

    @BeforeEach
    void setUp() {
        Http http = new Http("http://127.0.0.1:" + port);
        planner = http.as(TestTokens.forSite("anna", site, Role.PLANNER));
        technician = http.as(TestTokens.forSite("bruno", site, Role.TECHNICIAN));
        supervisor = http.as(TestTokens.forSite("carla", site, Role.SUPERVISOR));
    }

    private static final String CHECKLIST = """
            "checklist":[
              {"itemId":"isolated","label":"Pump isolated","type":"CHECK","mandatory":true},
              {"itemId":"vibration","label":"Bearing vibration","type":"NUMBER","unit":"mm/s","min":0,"max":7.1,"mandatory":true,"raiseFinding":true},
              {"itemId":"seal","label":"Seal condition","type":"CHOICE","options":["good","weeping","leaking"],"failingOptions":["leaking"]},
              {"itemId":"remarks","label":"Remarks","type":"TEXT"}]""";

    private String request(String title, String extra) {
        Http.Response created = planner.post("/api/work", """
                {"siteId":"%s","kind":"MAINTENANCE_CORRECTIVE","title":"%s","priority":"HIGH","ownerId":"bruno"%s}"""
                .formatted(site, title, extra.isEmpty() ? "" : "," + extra));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asText();
    }

    private JsonNode ok(Http.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private void refused(Http.Response response, String code, String... detailParts) {
        assertThat(response.status()).as(response.body()).isEqualTo(409);
        assertThat(response.json().get("code").asText()).isEqualTo(code);
        assertThat(response.json().get("detail").asText()).contains(detailParts);
    }

    @Test
    void fromRequestToCloseWithAChecklistABlockerAndADependency() {
        String predecessor = request("Scaffold around P-101", "");
        String work = request("Replace seal on P-101", CHECKLIST + ",\"dependsOn\":[\"" + predecessor + "\"]");

        JsonNode requested = ok(planner.get("/api/work/" + work));
        assertThat(requested.get("blocked").asBoolean()).isTrue();
        assertThat(requested.get("blockers").get(0).get("type").asText()).isEqualTo("OTHER_WORK");
        assertThat(requested.get("blockers").get(0).get("reference").asText()).isEqualTo(predecessor);

        ok(planner.post("/api/work/" + work + "/plan", WorkApiIT.PLAN));
        refused(technician.post("/api/work/" + work + "/start", null), "work.blocked", "OTHER_WORK", predecessor);

        // the predecessor is done and closed: the dependency blocker clears by itself
        ok(planner.post("/api/work/" + predecessor + "/plan", WorkApiIT.PLAN));
        ok(technician.post("/api/work/" + predecessor + "/start", null));
        ok(technician.post("/api/work/" + predecessor + "/complete", "{\"outcome\":\"Scaffold up\"}"));
        ok(supervisor.post("/api/work/" + predecessor + "/close", "{}"));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                assertThat(ok(planner.get("/api/work/" + work)).get("blocked").asBoolean()).isFalse());
        JsonNode unblocked = ok(planner.get("/api/work/" + work));
        assertThat(unblocked.get("ready").asBoolean()).isTrue();
        assertThat(unblocked.get("blockers").get(0).get("resolvedBy").asText()).isEqualTo("system:dependency-tracker");

        // a person raises a blocker, the technician cannot start, then it is resolved
        Http.Response raised = technician.post("/api/work/" + work + "/blockers",
                "{\"type\":\"PARTS\",\"reason\":\"Seal kit not in store\",\"reference\":\"PO-4711\"}");
        assertThat(raised.status()).as(raised.body()).isEqualTo(201);
        String blockerId = raised.json().get("id").asText();
        refused(technician.post("/api/work/" + work + "/start", null), "work.blocked", "PARTS", "PO-4711");
        ok(planner.post("/api/work/" + work + "/blockers/" + blockerId + "/resolve", "{\"note\":\"Kit arrived\"}"));
        assertThat(planner.post("/api/work/" + work + "/blockers/" + blockerId + "/resolve", "{}").status()).isEqualTo(409);

        ok(technician.post("/api/work/" + work + "/start", null));
        ok(technician.put("/api/work/" + work + "/checklist/isolated", "{\"value\":\"true\"}"));
        JsonNode failed = ok(technician.put("/api/work/" + work + "/checklist/vibration", "{\"value\":\"7.9\",\"note\":\"rough\"}"));
        assertThat(failed.get("checklist").get(1).get("result").asText()).isEqualTo("FAILED");
        assertThat(technician.put("/api/work/" + work + "/checklist/vibration", "{\"value\":\"abc\"}").status()).isEqualTo(400);
        assertThat(technician.put("/api/work/" + work + "/checklist/nope", "{\"value\":\"1\"}").status()).isEqualTo(404);

        ok(technician.post("/api/work/" + work + "/hold", "{\"reason\":\"Waiting for the vibration analyst\"}"));
        ok(technician.post("/api/work/" + work + "/resume", null));
        ok(technician.post("/api/work/" + work + "/complete", "{\"outcome\":\"Seal replaced\"}"));

        // evidence: the vibration reading is out of limits
        refused(supervisor.post("/api/work/" + work + "/close", "{}"), "work.evidence-missing", "Bearing vibration");
        assertThat(planner.post("/api/work/" + work + "/close", "{}").status()).as("planners do not verify").isEqualTo(403);
        ok(supervisor.post("/api/work/" + work + "/reopen", "{\"reason\":\"Re-measure after run-in\"}"));
        ok(technician.put("/api/work/" + work + "/checklist/vibration", "{\"value\":\"4.2\"}"));
        ok(technician.post("/api/work/" + work + "/complete", "{}"));
        JsonNode closed = ok(supervisor.post("/api/work/" + work + "/close", "{}"));
        assertThat(closed.get("status").asText()).isEqualTo("CLOSED");
        assertThat(closed.get("transitions").get("closedBy").asText()).isEqualTo("carla");
        assertThat(closed.get("transitions").get("reopenCount").asInt()).isEqualTo(1);

        // the failed reading raised an inspection finding linked to the work
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            JsonNode findings = ok(planner.get("/api/work?siteId=" + site + "&kind=INSPECTION_FINDING"));
            assertThat(findings.get("total").asInt()).isEqualTo(1);
            JsonNode finding = findings.get("items").get(0);
            assertThat(finding.get("originWorkId").asText()).isEqualTo(work);
            assertThat(finding.get("title").asText()).contains("Bearing vibration").contains("7.9 mm/s");
            assertThat(finding.get("ownerId").asText()).isEqualTo("bruno");
        });
    }

    @Test
    void aSupervisorMayCloseWithoutEvidenceOnlyWithAnOverrideAndAReason() {
        String work = request("Inspect coupling", CHECKLIST);
        ok(planner.post("/api/work/" + work + "/plan", WorkApiIT.PLAN));
        ok(technician.post("/api/work/" + work + "/start", null));
        ok(technician.post("/api/work/" + work + "/complete", "{}"));

        assertThat(supervisor.post("/api/work/" + work + "/close", "{\"override\":true}").status()).isEqualTo(400);
        JsonNode closed = ok(supervisor.post("/api/work/" + work + "/close",
                "{\"override\":true,\"overrideReason\":\"Readings logged on paper, meter offline\"}"));
        assertThat(closed.get("transitions").get("closedWithOverride").asBoolean()).isTrue();
        assertThat(closed.get("transitions").get("overrideReason").asText()).contains("paper");
    }

    @Test
    void endsAreEnds() {
        String rejected = request("Duplicate request", "");
        ok(planner.post("/api/work/" + rejected + "/reject", "{\"reason\":\"Duplicate\"}"));
        refused(planner.post("/api/work/" + rejected + "/plan", WorkApiIT.PLAN), "work.cannot-plan", "REJECTED");

        String cancelled = request("Not needed", "");
        ok(planner.post("/api/work/" + cancelled + "/plan", WorkApiIT.PLAN));
        ok(planner.post("/api/work/" + cancelled + "/cancel", "{\"reason\":\"Pump replaced\"}"));
        refused(technician.post("/api/work/" + cancelled + "/start", null), "work.cannot-start", "CANCELLED");
        assertThat(planner.post("/api/work/" + cancelled + "/cancel", "{}").status()).as("a reason is required").isEqualTo(400);
    }

    @Test
    void theSameIdempotencyKeyNeverCreatesTwice() {
        String body = "{\"siteId\":\"" + site + "\",\"kind\":\"LOGISTICS\",\"title\":\"Move pallets\",\"priority\":\"LOW\"}";
        Http.Response first = planner.post("/api/work", body, "Idempotency-Key", "key-1");
        Http.Response again = planner.post("/api/work", body, "Idempotency-Key", "key-1");
        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.json().get("id").asText()).isEqualTo(first.json().get("id").asText());
        Http.Response different = planner.post("/api/work", body.replace("Move pallets", "Something else"), "Idempotency-Key", "key-1");
        assertThat(different.status()).isEqualTo(400);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(ok(planner.get("/api/work?siteId=" + site + "&kind=LOGISTICS")).get("total").asInt()).isEqualTo(1));
    }

    @Test
    void commentsAndAssignmentsAreKept() {
        String work = request("Clean the filter press", "");
        Http.Response comment = technician.post("/api/work/" + work + "/comments", "{\"text\":\"Needs the small ladder\"}");
        assertThat(comment.status()).isEqualTo(201);
        JsonNode assigned = ok(planner.post("/api/work/" + work + "/assign",
                "{\"ownerId\":\"carla\",\"assignees\":[{\"type\":\"TEAM\",\"id\":\"cleaning-crew\"}],\"watchers\":[\"dave\"]}"));
        assertThat(assigned.get("ownerId").asText()).isEqualTo("carla");
        assertThat(assigned.get("assignees").get(0).get("type").asText()).isEqualTo("TEAM");
        assertThat(assigned.get("comments").get(0).get("author").asText()).isEqualTo("bruno");
        assertThat(assigned.get("watchers").get(0).asText()).isEqualTo("dave");
    }
}
