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
 * A permit's expiry set before a restart still ends it after the restart, exactly once: one validity
 * window ends while the service is down (the permit expires as soon as the service is back), another
 * after the restart (on time), and a permit handed back before the restart never expires.
 */
class PermitExpiryRestartIT {

    private final ServiceRuns runs = new ServiceRuns(ContextServiceApplication.class, "context_expiry_restart");
    private final String site = UUID.randomUUID().toString();
    private final String requester = TestTokens.forSite("rita", site, Role.TECHNICIAN);
    private final String authority = TestTokens.forSite("paul", site, Role.PERMIT_AUTHORITY);
    private ConfigurableApplicationContext context;

    @AfterEach
    void stop() {
        if (context != null) {
            context.close();
        }
    }

    private ConfigurableApplicationContext start() {
        return runs.start();
    }

    private static long expiries(JdbcTemplate jdbc, String permitId) {
        return jdbc.queryForObject("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ? AND payloadtype LIKE '%PermitExpired'",
                Long.class, permitId);
    }

    private String permit(Http rita, Instant validTo) {
        Http.Response created = rita.post("/api/permits", """
                {"siteId":"%s","type":"HOT_WORK","hazards":["Fire"],"controls":["Fire watch"],"validFrom":"%s","validTo":"%s"}"""
                .formatted(site, Instant.now().minusSeconds(60), validTo));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asText();
    }

    private static void step(Http who, String permitId, String step) {
        Http.Response response = who.post("/api/permits/" + permitId + "/" + step, step.equals("issue") ? "{}" : null);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
    }

    @Test
    void expiriesSetBeforeARestartFireExactlyOnceAfterIt() throws InterruptedException {
        context = start();
        Http rita = ServiceRuns.http(context, requester);
        Http paul = ServiceRuns.http(context, authority);
        // wide enough for the steps below on a loaded 2-core machine
        Instant endsWhileDown = Instant.now().plusSeconds(12).truncatedTo(ChronoUnit.MILLIS);
        Instant endsAfterRestart = Instant.now().plusSeconds(45).truncatedTo(ChronoUnit.MILLIS);
        String whileDown = permit(rita, endsWhileDown);
        step(paul, whileDown, "approve");
        step(paul, whileDown, "issue");
        String afterRestart = permit(rita, endsAfterRestart);
        step(paul, afterRestart, "approve");
        String handedBack = permit(rita, endsWhileDown);
        step(paul, handedBack, "approve");
        step(paul, handedBack, "issue");
        step(rita, handedBack, "handback");

        context.close();
        context = null;
        assertThat(Instant.now()).as("stopped before the first window ended: the test needs a faster machine").isBefore(endsWhileDown);
        Thread.sleep(Math.max(0, Duration.between(Instant.now(), endsWhileDown.plusSeconds(2)).toMillis()));

        context = start();
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        await().atMost(Duration.ofSeconds(20)).until(() -> expiries(jdbc, whileDown) == 1);
        assertThat(expiries(jdbc, afterRestart)).isZero();
        await().atMost(Duration.ofSeconds(60)).until(() -> expiries(jdbc, afterRestart) == 1);
        assertThat(Instant.parse(jdbc.queryForObject("SELECT timestamp FROM domainevententry WHERE aggregateidentifier = ? "
                + "AND payloadtype LIKE '%PermitExpired'", String.class, afterRestart))).isAfterOrEqualTo(endsAfterRestart);

        Thread.sleep(3000);
        assertThat(expiries(jdbc, whileDown)).as("exactly once").isEqualTo(1);
        assertThat(expiries(jdbc, afterRestart)).as("exactly once").isEqualTo(1);
        assertThat(expiries(jdbc, handedBack)).as("a handed-back permit does not expire").isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM scheduled_tasks", Long.class)).as("no deadline left behind").isZero();
        Http later = ServiceRuns.http(context, requester);
        assertThat(later.get("/api/permits/" + whileDown).json().get("status").asText()).isEqualTo("EXPIRED");
        assertThat(later.get("/api/permits/" + afterRestart).json().get("status").asText()).isEqualTo("EXPIRED");
        assertThat(later.get("/api/permits/" + handedBack).json().get("status").asText()).isEqualTo("HANDED_BACK");
        Http.Response issueAgain = ServiceRuns.http(context, authority).post("/api/permits/" + whileDown + "/issue", "{}");
        assertThat(issueAgain.status()).isEqualTo(409);
        assertThat(issueAgain.json().get("code").asText()).isEqualTo("permit.expired");
    }
}
