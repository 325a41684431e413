package io.sitework.work.it;

import io.sitework.support.test.ApiFuzzer;
import io.sitework.support.test.FuzzFindings;
import io.sitework.support.test.Http;
import io.sitework.support.test.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.UUID;
import java.util.function.ToLongFunction;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad input at scale: hostile requests, generated from work-service's own OpenAPI description, to every endpoint
 * it documents — as a user with every role on the site and organisation admin, half of them on a work item that
 * exists. Never a 5xx, every refusal problem+json without internals, and nothing stored for a refused request
 * (no event carries its correlation id). The seed is printed; {@code -Dfuzz.seed=…} replays a run.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WorkApiFuzzIT {

    private static final int PER_OPERATION = 16;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "work_fuzz");
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void hostileRequestsToEveryEndpointAreRefusedCleanlyAndStoreNothing() {
        String site = UUID.randomUUID().toString();
        String token = ApiFuzzer.everyRoleToken(site);
        String base = "http://127.0.0.1:" + port;
        Http http = new Http(base).as(token);
        Http.Response created = http.post("/api/work", """
                {"siteId":"%s","kind":"MAINTENANCE_CORRECTIVE","title":"Fuzz target","priority":"HIGH","ownerId":"fuzzer"}""".formatted(site),
                "X-Correlation-Id", "fuzz-target-" + site);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String workId = created.json().get("id").asText();

        ApiFuzzer fuzzer = new ApiFuzzer(base, token).withKnownId("id", () -> workId).withKnownId("workId", () -> workId);
        ToLongFunction<String> stored = FuzzFindings.eventsCorrelatedIn(jdbc);
        assertThat(stored.applyAsLong("fuzz-target-" + site)).as("the check finds what a request stored").isEqualTo(1);
        FuzzFindings findings = new FuzzFindings(stored);
        fuzzer.fuzzEveryOperation("work-service", 20, PER_OPERATION, findings);
        findings.assertNone(fuzzer.seed());
    }
}
