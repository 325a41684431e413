package io.sitework.context.it;

import com.fasterxml.jackson.databind.JsonNode;
import io.sitework.support.security.Role;
import io.sitework.support.test.Http;
import io.sitework.support.test.TestInfrastructure;
import io.sitework.support.test.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;

import static io.sitework.context.it.PermitFlow.isolation;
import static io.sitework.context.it.PermitFlow.ok;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /api/audit/{permits|assets}/{id}/verify}: the hash chain of a permit's and an asset's
 * events. Its context is closed afterwards, so it holds no database connections while later classes run.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ChainVerificationIT {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "context_chain");
        registry.add("spring.kafka.consumer.group-id", () -> "context-chain-it-" + UUID.randomUUID());
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Value("${spring.datasource.url}")
    String jdbcUrl;

    PermitFlow flow;
    Http auditor;

    @BeforeEach
    void setUp() {
        flow = new PermitFlow(port);
        auditor = new Http("http://127.0.0.1:" + port).as(TestTokens.forSite("audrey", flow.site, Role.AUDITOR));
    }

    private long storedEvents(String id) {
        return jdbc.queryForObject("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ?", Long.class, id);
    }

    @Test
    void anIssuedPermitAndItsAssetVerifyIntactUntilAnEventIsChanged() throws SQLException {
        String pump = flow.asset("P-" + UUID.randomUUID().toString().substring(0, 6));
        String permit = flow.request(flow.body("HOT_WORK", List.of(), List.of(pump),
                List.of(isolation("Gas valve", "LOCK_OUT_TAG_OUT", pump)))).get("id").asText();
        flow.issue(permit);
        long events = storedEvents(permit);
        assertThat(events).isGreaterThanOrEqualTo(5);

        JsonNode verdict = ok(auditor.get("/api/audit/permits/" + permit + "/verify"));
        assertThat(verdict.get("aggregateType").asText()).isEqualTo("Permit");
        assertThat(verdict.get("events").asLong()).isEqualTo(events);
        assertThat(verdict.get("intact").asBoolean()).isTrue();
        assertThat(verdict.get("lastHash").asText()).hasSize(64);

        JsonNode asset = ok(auditor.get("/api/audit/assets/" + pump + "/verify"));
        assertThat(asset.get("aggregateType").asText()).isEqualTo("Asset");
        assertThat(asset.get("intact").asBoolean()).isTrue();

        String database = jdbcUrl.substring(jdbcUrl.lastIndexOf('/') + 1);
        try (Connection owner = TestInfrastructure.postgres().connect(database); Statement statement = owner.createStatement()) {
            statement.execute("ALTER TABLE domainevententry DISABLE TRIGGER domainevententry_immutable");
            statement.execute("UPDATE domainevententry SET metadata = convert_to('{}', 'UTF8')"
                    + " WHERE aggregateidentifier = '" + permit + "' AND sequencenumber = 1");
            statement.execute("ALTER TABLE domainevententry ENABLE TRIGGER domainevententry_immutable");
        }

        JsonNode broken = ok(auditor.get("/api/audit/permits/" + permit + "/verify"));
        assertThat(broken.get("intact").asBoolean()).isFalse();
        assertThat(broken.get("firstBrokenSequence").asLong()).isEqualTo(1);
        assertThat(broken.get("problem").asText()).isEqualTo("content changed");
        assertThat(ok(auditor.get("/api/audit/assets/" + pump + "/verify")).get("intact").asBoolean()).isTrue();
    }

    @Test
    void anIdOfAnotherKindOrAnotherSiteIsNotFound() {
        String pump = flow.asset("P-" + UUID.randomUUID().toString().substring(0, 6));
        String permit = flow.request(flow.body("GENERAL", List.of(), List.of(), List.of())).get("id").asText();

        assertThat(auditor.get("/api/audit/assets/" + permit + "/verify").status()).isEqualTo(404);
        assertThat(auditor.get("/api/audit/permits/" + pump + "/verify").status()).isEqualTo(404);
        Http stranger = new Http("http://127.0.0.1:" + port).as(TestTokens.forSite("stan", UUID.randomUUID().toString(), Role.AUDITOR));
        Http.Response hidden = stranger.get("/api/audit/permits/" + permit + "/verify");
        assertThat(hidden.status()).isEqualTo(404);
        assertThat(hidden.header("Content-Type")).startsWith("application/problem+json");
        assertThat(flow.rita.get("/api/audit/permits/" + permit + "/verify").status()).isEqualTo(403);
    }
}
