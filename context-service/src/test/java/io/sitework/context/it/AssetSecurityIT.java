package io.sitework.context.it;

import io.sitework.support.test.AbstractSecuritySuiteIT;
import io.sitework.support.test.Http;
import io.sitework.support.test.TestInfrastructure;
import io.sitework.support.test.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The shared security suite against context-service's endpoints. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AssetSecurityIT extends AbstractSecuritySuiteIT {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "context_security");
        registry.add("spring.kafka.consumer.group-id", () -> "context-security-it-" + UUID.randomUUID());
    }

    @Autowired
    JdbcTemplate jdbc;

    private final PermitSecuritySamples permits = new PermitSecuritySamples(this::http);

    private static String body(String siteId) {
        return """
                {"siteId":"%s","tag":"T-%s","name":"Sample","assetClass":"PUMP","criticality":"C"}"""
                .formatted(siteId, UUID.randomUUID().toString().substring(0, 8));
    }

    @Override
    protected Sample sample(String method, String pathPattern, String siteId) {
        return switch (method + " " + pathPattern) {
            case "POST /api/assets" -> new Sample("/api/assets", body(siteId));
            case "GET /api/assets" -> new Sample("/api/assets?siteId=" + siteId, null);
            case "GET /api/assets/{id}" -> new Sample("/api/assets/" + existingAsset(siteId), null);
            default -> permits.sample(method, pathPattern, siteId)
                    .orElseThrow(() -> new AssertionError("no sample for " + method + " " + pathPattern));
        };
    }

    private String existingAsset(String siteId) {
        Http.Response created = http().as(TestTokens.orgAdmin("olga")).post("/api/assets", body(siteId));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asText();
    }

    @Override
    protected long storedChanges() {
        return jdbc.queryForObject("SELECT count(*) FROM domainevententry", Long.class);
    }
}
