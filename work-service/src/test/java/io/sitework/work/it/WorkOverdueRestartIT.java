package io.sitework.work.it;

import io.sitework.support.security.Role;
import io.sitework.support.test.Http;
import io.sitework.support.test.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A due date set before a restart still makes the work overdue after it, exactly once: one deadline
 * falls due while the service is down (it fires as soon as the service is back), the other after the
 * restart (it fires on time).
 */
class WorkOverdueRestartIT {

    private final WorkServiceRuns runs = new WorkServiceRuns("work_overdue_restart");
    private final String site = UUID.randomUUID().toString();
    private final String token = TestTokens.forSite("anna", site, Role.PLANNER, Role.SUPERVISOR);
    private ConfigurableApplicationContext context;

    @AfterEach
    void stop() {
        if (context != null) {
            context.close();
        }
    }

    private static long overdueEvents(JdbcTemplate jdbc, String workId) {
        return jdbc.queryForObject("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ? AND payloadtype LIKE '%WorkOverdue'",
                Long.class, workId);
    }

    private String createWork(Http http, String title, Instant dueAt) {
        Http.Response created = http.post("/api/work", """
                {"siteId":"%s","kind":"ROUND","title":"%s","priority":"MEDIUM","dueAt":"%s"}""".formatted(site, title, dueAt));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asText();
    }

    @Test
    void deadlinesSetBeforeARestartFireExactlyOnceAfterIt() throws InterruptedException {
        context = runs.start();
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        Http http = WorkServiceRuns.http(context, token);
        Instant dueWhileDown = Instant.now().plusSeconds(5).truncatedTo(ChronoUnit.MILLIS);
        Instant dueAfterRestart = Instant.now().plusSeconds(25).truncatedTo(ChronoUnit.MILLIS);
        String whileDown = createWork(http, "Due while the service is down", dueWhileDown);
        String afterRestart = createWork(http, "Due after the restart", dueAfterRestart);

        context.close();
        context = null;
        assertThat(Instant.now()).as("stopped before the first due time: the test needs a faster machine").isBefore(dueWhileDown);
        Thread.sleep(Math.max(0, Duration.between(Instant.now(), dueWhileDown.plusSeconds(2)).toMillis()));

        context = runs.start();
        jdbc = context.getBean(JdbcTemplate.class);
        JdbcTemplate db = jdbc;
        await().atMost(Duration.ofSeconds(20)).until(() -> overdueEvents(db, whileDown) == 1);
        assertThat(overdueEvents(db, afterRestart)).isZero();
        await().atMost(Duration.ofSeconds(40)).until(() -> overdueEvents(db, afterRestart) == 1);
        assertThat(Instant.parse(jdbc.queryForObject("SELECT timestamp FROM domainevententry WHERE aggregateidentifier = ? "
                + "AND payloadtype LIKE '%WorkOverdue'", String.class, afterRestart))).isAfterOrEqualTo(dueAfterRestart);

        Thread.sleep(3000);
        assertThat(overdueEvents(db, whileDown)).as("exactly once").isEqualTo(1);
        assertThat(overdueEvents(db, afterRestart)).as("exactly once").isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM scheduled_tasks", Long.class)).as("no deadline left behind").isZero();
        Http later = WorkServiceRuns.http(context, token);
        assertThat(later.get("/api/work/" + whileDown).json().get("overdue").asBoolean()).isTrue();
        assertThat(later.get("/api/work/" + whileDown).json().get("transitions").has("overdueAt")).isTrue();
    }
}
