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
                {"siteId":"%s","kind":"OTHER","title":"Security sample","priority":"LOW"}""".formatted(siteId);
        return switch (method + " " + pathPattern) {
            case "POST /api/work" -> new Sample("/api/work", request);
            case "GET /api/work" -> new Sample("/api/work?siteId=" + siteId, null);
            case "GET /api/work/{id}" -> new Sample("/api/work/" + existingWork(request), null);
            case "POST /api/work/{id}/start" -> new Sample("/api/work/" + existingWork(request) + "/start", null);
            case "POST /api/work/{id}/complete" -> new Sample("/api/work/" + existingWork(request) + "/complete", "{}");
            case "POST /api/schedules" -> new Sample("/api/schedules", schedule(siteId));
            case "GET /api/schedules" -> new Sample("/api/schedules?siteId=" + siteId, null);
            case "GET /api/schedules/{id}" -> new Sample("/api/schedules/" + existingSchedule(siteId), null);
            case "POST /api/schedules/{id}/pause" -> new Sample("/api/schedules/" + existingSchedule(siteId) + "/pause", null);
            case "POST /api/schedules/{id}/resume" -> new Sample("/api/schedules/" + existingSchedule(siteId) + "/resume", null);
            default -> throw new AssertionError("no sample for " + method + " " + pathPattern);
        };
    }

    private String existingWork(String request) {
        Http.Response created = http().as(TestTokens.orgAdmin("olga")).post("/api/work", request);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asText();
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
