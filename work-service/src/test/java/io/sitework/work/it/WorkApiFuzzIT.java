package io.sitework.work.it;

import io.sitework.support.security.Role;
import io.sitework.support.test.ApiFuzzer;
import io.sitework.support.test.FuzzFindings;
import io.sitework.support.test.Http;
import io.sitework.support.test.TestInfrastructure;
import io.sitework.support.test.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
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
        String token = TestTokens.token("fuzzer", Map.of(site, Arrays.stream(Role.values()).map(Role::name).toList()), true);
        String base = "http://127.0.0.1:" + port;
        Http http = new Http(base).as(token);
        Http.Response created = http.post("/api/work", """
                {"siteId":"%s","kind":"MAINTENANCE_CORRECTIVE","title":"Fuzz target","priority":"HIGH","ownerId":"fuzzer"}""".formatted(site),
                "X-Correlation-Id", "fuzz-target-" + site);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String workId = created.json().get("id").asText();

        ApiFuzzer fuzzer = new ApiFuzzer(base, token).withKnownId("id", () -> workId).withKnownId("workId", () -> workId);
        ToLongFunction<String> stored = correlationId -> jdbc.queryForObject(
                "SELECT count(*) FROM domainevententry WHERE position(? in convert_from(metadata, 'UTF8')) > 0", Long.class, correlationId);
        assertThat(stored.applyAsLong("fuzz-target-" + site)).as("the check finds what a request stored").isEqualTo(1);
        List<ApiFuzzer.Operation> operations = fuzzer.operations();
        assertThat(operations).as("operations documented in /v3/api-docs").hasSizeGreaterThan(20);
        FuzzFindings findings = new FuzzFindings(stored);
        for (ApiFuzzer.Operation operation : operations) {
            fuzzer.fuzz(operation, PER_OPERATION, findings::check);
        }
        System.out.printf("[fuzz] work-service: seed %d, %d operations, %d requests, statuses %s%n",
                fuzzer.seed(), operations.size(), findings.sent(), findings.statuses());
        assertThat(findings.findings()).as("seed %d", fuzzer.seed()).isEmpty();
    }
}
