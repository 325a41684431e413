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

/** The shared security suite against context-service's endpoints: sites, assets and contractors. */
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

    private static String assetBody(String siteId) {
        return """
                {"siteId":"%s","tag":"T-%s","name":"Sample","assetClass":"PUMP","criticality":"C"}"""
                .formatted(siteId, UUID.randomUUID().toString().substring(0, 8));
    }

    private static String contractorBody(String siteId) {
        return "{\"siteId\":\"" + siteId + "\",\"name\":\"Sample Ltd\"}";
    }

    @Override
    protected Sample sample(String method, String pathPattern, String siteId) {
        return switch (method + " " + pathPattern) {
            case "POST /api/sites" -> new Sample("/api/sites", Sites.body(siteId, Sites.randomCode(), "Sample", "UTC"));
            case "GET /api/sites" -> new Sample("/api/sites?siteId=" + siteId, null);
            case "GET /api/sites/{id}" -> new Sample("/api/sites/" + existingSite(siteId), null);
            case "GET /api/sites/{id}/history" -> new Sample("/api/sites/" + existingSite(siteId) + "/history", null);
            case "POST /api/assets" -> new Sample("/api/assets", assetBody(existingSite(siteId)));
            case "GET /api/assets" -> new Sample("/api/assets?siteId=" + siteId, null);
            case "GET /api/audit/state/context" -> new Sample("/api/audit/state/context?siteId=" + siteId + "&asOf=2026-01-01T00:00:00Z", null);
            case "GET /api/assets/{id}" -> new Sample("/api/assets/" + existingAsset(siteId), null);
            case "GET /api/assets/{id}/subtree" -> new Sample("/api/assets/" + existingAsset(siteId) + "/subtree", null);
            case "GET /api/assets/{id}/history" -> new Sample("/api/assets/" + existingAsset(siteId) + "/history", null);
            case "GET /api/audit/assets/{id}/verify" -> new Sample("/api/audit/assets/" + existingAsset(siteId) + "/verify", null);
            case "POST /api/assets/{id}/move" -> new Sample("/api/assets/" + existingAsset(siteId) + "/move", "{\"parentId\":null}");
            case "POST /api/assets/{id}/status" -> new Sample("/api/assets/" + existingAsset(siteId) + "/status",
                    "{\"status\":\"OUT_OF_SERVICE\",\"reason\":\"sample\"}");
            case "POST /api/contractors" -> new Sample("/api/contractors", contractorBody(existingSite(siteId)));
            case "GET /api/contractors" -> new Sample("/api/contractors?siteId=" + siteId, null);
            case "GET /api/contractors/{id}" -> new Sample("/api/contractors/" + existingContractor(siteId), null);
            case "GET /api/contractors/{id}/history" -> new Sample("/api/contractors/" + existingContractor(siteId) + "/history", null);
            case "POST /api/contractors/{id}/qualifications" -> new Sample("/api/contractors/" + existingContractor(siteId) + "/qualifications",
                    "{\"qualification\":\"HOT_WORK\"}");
            case "POST /api/contractors/{id}/qualifications/{qualification}/revoke" -> new Sample("/api/contractors/"
                    + qualifiedContractor(siteId) + "/qualifications/HOT_WORK/revoke", "{\"reason\":\"sample\"}");
            case "GET /api/audit/feed/context" -> new Sample("/api/audit/feed/context?siteId=" + siteId, null);
            case "GET /api/audit/export/context" -> new Sample("/api/audit/export/context?siteId=" + siteId, null);
            case "POST /api/audit/republish/context" -> new Sample("/api/audit/republish/context", "{\"siteId\":\"" + siteId + "\"}");
            // a real rebuild of this test's site directory for the org admin; everyone else is refused before it
            case "POST /api/admin/replay/{service}/{projection}", "GET /api/admin/replay/{service}/{projection}" ->
                    new Sample("/api/admin/replay/context-service/sites", null);
            default -> permits.sample(method, pathPattern, siteId)
                    .orElseThrow(() -> new AssertionError("no sample for " + method + " " + pathPattern));
        };
    }

    private Http admin() {
        return http().as(TestTokens.orgAdmin("olga"));
    }

    private String existingSite(String siteId) {
        return Sites.register(http(), siteId);
    }

    private String existingAsset(String siteId) {
        return created(admin().post("/api/assets", assetBody(existingSite(siteId))));
    }

    private String existingContractor(String siteId) {
        return created(admin().post("/api/contractors", contractorBody(existingSite(siteId))));
    }

    private String qualifiedContractor(String siteId) {
        String id = existingContractor(siteId);
        Http.Response granted = admin().post("/api/contractors/" + id + "/qualifications", "{\"qualification\":\"HOT_WORK\"}");
        assertThat(granted.status()).as(granted.body()).isEqualTo(200);
        return id;
    }

    private static String created(Http.Response created) {
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asText();
    }

    @Override
    protected long storedChanges() {
        return jdbc.queryForObject("SELECT count(*) FROM domainevententry", Long.class);
    }
}
