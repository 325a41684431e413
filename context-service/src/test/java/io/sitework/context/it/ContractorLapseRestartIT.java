package io.sitework.context.it;

import io.sitework.context.ContextServiceApplication;
import io.sitework.support.security.Role;
import io.sitework.support.test.Http;
import io.sitework.support.test.ServiceRuns;
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
 * A qualification's end set before a restart still lapses it after, exactly once: one end falls while the service is
 * down (it lapses as soon as the service is back), the other after the restart (it lapses on time).
 */
class ContractorLapseRestartIT {

    private final ServiceRuns runs = new ServiceRuns(ContextServiceApplication.class, "context_lapse_restart");
    private final String site = UUID.randomUUID().toString();
    private final String token = TestTokens.forSite("paula", site, Role.PLANNER);
    private ConfigurableApplicationContext context;

    @AfterEach
    void stop() {
        if (context != null) {
            context.close();
        }
    }

    private static long lapses(JdbcTemplate jdbc, String contractorId) {
        return jdbc.queryForObject("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ? AND payloadtype LIKE '%QualificationLapsed'",
                Long.class, contractorId);
    }

    private String contractorHolding(Http http, String qualification, Instant validUntil) {
        Http.Response created = http.post("/api/contractors", "{\"siteId\":\"" + site + "\",\"name\":\"Crew " + qualification + "\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asText();
        Http.Response granted = http.post("/api/contractors/" + id + "/qualifications",
                "{\"qualification\":\"" + qualification + "\",\"validUntil\":\"" + validUntil + "\"}");
        assertThat(granted.status()).as(granted.body()).isEqualTo(200);
        return id;
    }

    @Test
    void lapsesArmedBeforeARestartHappenExactlyOnceAfterIt() throws InterruptedException {
        context = runs.start();
        Http http = ServiceRuns.http(context, token);
        Sites.register(http, site);
        Instant endsWhileDown = Instant.now().plusSeconds(6).truncatedTo(ChronoUnit.MILLIS);
        Instant endsAfterRestart = Instant.now().plusSeconds(30).truncatedTo(ChronoUnit.MILLIS);
        String whileDown = contractorHolding(http, "HOT_WORK", endsWhileDown);
        String afterRestart = contractorHolding(http, "CONFINED_SPACE", endsAfterRestart);

        context.close();
        context = null;
        assertThat(Instant.now()).as("stopped before the first end: the test needs a faster machine").isBefore(endsWhileDown);
        Thread.sleep(Math.max(0, Duration.between(Instant.now(), endsWhileDown.plusSeconds(2)).toMillis()));

        context = runs.start();
        JdbcTemplate db = context.getBean(JdbcTemplate.class);
        await().atMost(Duration.ofSeconds(20)).until(() -> lapses(db, whileDown) == 1);
        assertThat(lapses(db, afterRestart)).isZero();
        await().atMost(Duration.ofSeconds(45)).until(() -> lapses(db, afterRestart) == 1);
        assertThat(Instant.parse(db.queryForObject("SELECT timestamp FROM domainevententry WHERE aggregateidentifier = ? "
                + "AND payloadtype LIKE '%QualificationLapsed'", String.class, afterRestart))).isAfterOrEqualTo(endsAfterRestart);

        Thread.sleep(3000);
        assertThat(lapses(db, whileDown)).as("exactly once").isEqualTo(1);
        assertThat(lapses(db, afterRestart)).as("exactly once").isEqualTo(1);
        assertThat(db.queryForObject("SELECT count(*) FROM scheduled_tasks", Long.class)).as("no deadline left behind").isZero();
        var qualification = ServiceRuns.http(context, token).get("/api/contractors/" + whileDown).json().get("qualifications").get(0);
        assertThat(qualification.get("valid").asBoolean()).isFalse();
        assertThat(qualification.get("lapseReason").asText()).isEqualTo("EXPIRED");
        assertThat(qualification.get("lapsedBy").asText()).isEqualTo("system:qualification-lapse");
    }
}
