package io.sitework.context.it;

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

import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.ToLongFunction;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad input at scale against context-service: hostile requests generated from its OpenAPI description to every
 * endpoint (sites, assets, permits and their isolations, contractors, audit, admin), as a user with every role on
 * a site and organisation admin, half of them on a site or asset that exists. Never a 5xx, every refusal
 * problem+json without internals, nothing stored for a refused request. {@code -Dfuzz.seed=…} replays a run.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ContextApiFuzzIT {

    private static final int PER_OPERATION = 16;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "context_fuzz");
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void hostileRequestsToEveryEndpointAreRefusedCleanlyAndStoreNothing() {
        String base = "http://127.0.0.1:" + port;
        String site = Sites.register(new Http(base), UUID.randomUUID().toString());
        String token = ApiFuzzer.everyRoleToken(site);
        Http.Response asset = new Http(base).as(token).post("/api/assets", """
                {"siteId":"%s","tag":"P-101","name":"Feed pump","assetClass":"PUMP","criticality":"A"}""".formatted(site),
                "X-Correlation-Id", "fuzz-target-" + site);
        assertThat(asset.status()).as(asset.body()).isEqualTo(201);
        String assetId = asset.json().get("id").asText();
        List<String> known = List.of(site, assetId);

        ToLongFunction<String> stored = FuzzFindings.eventsCorrelatedIn(jdbc);
        assertThat(stored.applyAsLong("fuzz-target-" + site)).as("the check finds what a request stored").isEqualTo(1);
        ApiFuzzer fuzzer = new ApiFuzzer(base, token)
                .withKnownId("id", () -> known.get(ThreadLocalRandom.current().nextInt(known.size())))
                .withKnownId("siteId", () -> site);
        FuzzFindings findings = new FuzzFindings(stored);
        fuzzer.fuzzEveryOperation("context-service", 20, PER_OPERATION, findings);
        findings.assertNone(fuzzer.seed());
    }
}
