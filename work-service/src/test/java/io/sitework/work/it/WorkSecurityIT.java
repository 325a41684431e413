package io.sitework.work.it;

import io.sitework.support.test.AbstractSecuritySuiteIT;
import io.sitework.support.test.Http;
import io.sitework.support.test.TestInfrastructure;
import io.sitework.support.test.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** The shared security suite against work-service's endpoints. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WorkSecurityIT extends AbstractSecuritySuiteIT {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "work_security");
    }

    @Autowired
    JdbcTemplate jdbc;

    @Override
    protected Sample sample(String method, String pathPattern, String siteId) {
        String request = """
                {"siteId":"%s","kind":"OTHER","title":"Security sample","priority":"LOW",
                 "checklist":[{"itemId":"reading","label":"Reading","type":"NUMBER","min":0,"max":10}]}""".formatted(siteId);
        String reason = "{\"reason\":\"because\"}";
        return switch (method + " " + pathPattern) {
            case "POST /api/work" -> new Sample("/api/work", request);
            case "GET /api/work" -> new Sample("/api/work?siteId=" + siteId, null);
            case "GET /api/work/board" -> new Sample("/api/work/board?siteId=" + siteId, null);
            case "GET /api/work/blocked" -> new Sample("/api/work/blocked?siteId=" + siteId, null);
            case "GET /api/audit/state/work" -> new Sample("/api/audit/state/work?siteId=" + siteId + "&asOf=2026-01-01T00:00:00Z", null);
            case "GET /api/work/{id}" -> new Sample(work(request, "REQUESTED"), null);
            case "GET /api/work/{id}/history" -> new Sample(work(request, "REQUESTED") + "/history", null);
            case "GET /api/audit/work/{id}/verify" -> new Sample(work(request, "REQUESTED").replace("/api/work/", "/api/audit/work/")
                    + "/verify", null);
            case "POST /api/work/{id}/plan" -> new Sample(work(request, "REQUESTED") + "/plan", WorkApiIT.PLAN);
            case "POST /api/work/{id}/assign" -> new Sample(work(request, "REQUESTED") + "/assign", "{\"ownerId\":\"someone\"}");
            case "POST /api/work/{id}/start" -> new Sample(work(request, "PLANNED") + "/start", null);
            case "POST /api/work/{id}/hold" -> new Sample(work(request, "IN_PROGRESS") + "/hold", reason);
            case "POST /api/work/{id}/resume" -> new Sample(work(request, "ON_HOLD") + "/resume", null);
            case "POST /api/work/{id}/complete" -> new Sample(work(request, "IN_PROGRESS") + "/complete", "{}");
            case "POST /api/work/{id}/close" -> new Sample(work(request, "DONE") + "/close", "{}");
            case "POST /api/work/{id}/reopen" -> new Sample(work(request, "DONE") + "/reopen", reason);
            case "POST /api/work/{id}/reject" -> new Sample(work(request, "REQUESTED") + "/reject", reason);
            case "POST /api/work/{id}/cancel" -> new Sample(work(request, "REQUESTED") + "/cancel", reason);
            case "POST /api/work/{id}/blockers" -> new Sample(work(request, "REQUESTED") + "/blockers",
                    "{\"type\":\"PARTS\",\"reason\":\"No seal kit\"}");
            case "POST /api/work/{id}/blockers/{blockerId}/resolve" -> {
                String work = work(request, "REQUESTED");
                Http.Response raised = admin().post(work + "/blockers", "{\"type\":\"ACCESS\",\"reason\":\"Locked\"}");
                assertThat(raised.status()).as(raised.body()).isEqualTo(201);
                yield new Sample(work + "/blockers/" + raised.json().get("id").asText() + "/resolve", "{}");
            }
            case "PUT /api/work/{id}/checklist/{itemId}" -> new Sample(work(request, "IN_PROGRESS") + "/checklist/reading",
                    "{\"value\":\"5\"}");
            case "POST /api/work/{id}/comments" -> new Sample(work(request, "REQUESTED") + "/comments", "{\"text\":\"Noted\"}");
            case "POST /api/schedules" -> new Sample("/api/schedules", schedule(siteId));
            case "GET /api/schedules" -> new Sample("/api/schedules?siteId=" + siteId, null);
            case "GET /api/schedules/{id}" -> new Sample("/api/schedules/" + existingSchedule(siteId), null);
            case "POST /api/schedules/{id}/pause" -> new Sample("/api/schedules/" + existingSchedule(siteId) + "/pause", null);
            case "POST /api/schedules/{id}/resume" -> new Sample("/api/schedules/" + existingSchedule(siteId) + "/resume", null);
            case "GET /api/audit/feed/work" -> new Sample("/api/audit/feed/work?siteId=" + siteId, null);
            case "GET /api/audit/export/work" -> new Sample("/api/audit/export/work?siteId=" + siteId, null);
            case "POST /api/audit/republish/work" -> new Sample("/api/audit/republish/work", "{\"siteId\":\"" + siteId + "\"}");
            // a real rebuild of this test's small board for the org admin; everyone else is refused before it
            case "POST /api/admin/replay/{service}/{projection}", "GET /api/admin/replay/{service}/{projection}" ->
                    new Sample("/api/admin/replay/work-service/work-board", null);
            default -> throw new AssertionError("no sample for " + method + " " + pathPattern);
        };
    }

    private Http admin() {
        return http().as(TestTokens.orgAdmin("olga"));
    }

    /** A work item of the site brought to the given status by an org admin; returns its path. */
    private String work(String request, String status) {
        Http.Response created = admin().post("/api/work", request);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String path = "/api/work/" + created.json().get("id").asText();
        if (status.equals("REQUESTED")) {
            return path;
        }
        step(path + "/plan", WorkApiIT.PLAN);
        if (status.equals("PLANNED")) {
            return path;
        }
        step(path + "/start", null);
        if (status.equals("IN_PROGRESS")) {
            return path;
        }
        if (status.equals("ON_HOLD")) {
            step(path + "/hold", "{\"reason\":\"Lunch\"}");
            return path;
        }
        Http.Response recorded = admin().put(path + "/checklist/reading", "{\"value\":\"5\"}");
        assertThat(recorded.status()).as(recorded.body()).isEqualTo(200);
        step(path + "/complete", "{}");
        return path;
    }

    private void step(String path, String body) {
        Http.Response response = admin().post(path, body);
        assertThat(response.status()).as(path + ": " + response.body()).isEqualTo(200);
    }

    /** A schedule that occurs once a year (1 January, midnight): nothing fires while the suite runs. */
    private static String schedule(String siteId) {
        return """
                {"siteId":"%s","timeZone":"Europe/Paris","recurrence":{"type":"CRON","cron":"0 0 0 1 1 *"},
                 "template":{"kind":"ROUND","title":"Security sample round","priority":"LOW","duration":"PT1H"}}""".formatted(siteId);
    }

    private String existingSchedule(String siteId) {
        Http.Response created = http().as(TestTokens.orgAdmin("olga")).post("/api/schedules", schedule(siteId));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asText();
    }

    @Override
    protected long storedChanges() {
        return jdbc.queryForObject("SELECT count(*) FROM domainevententry", Long.class);
    }
}
