package io.sitework.context.it;

import com.fasterxml.jackson.databind.JsonNode;
import io.sitework.support.security.Role;
import io.sitework.support.test.Http;
import io.sitework.support.test.TestInfrastructure;
import io.sitework.support.test.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** {@code GET /api/audit/feed/context}: a site's own events (site, assets, contractors), in global order, page by page. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext // a context of its own (the short settle window): closed after, so its connections go back to PostgreSQL
class ContextAuditFeedIT {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "context_audit_feed");
        registry.add("spring.kafka.consumer.group-id", () -> "context-audit-feed-it-" + UUID.randomUUID());
        registry.add("sitework.audit.feed.settle", () -> "PT1S");
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    private Http as(String token) {
        return new Http("http://127.0.0.1:" + port).as(token);
    }

    @Test
    void theFeedOfASiteHoldsItsOwnEventsInGlobalOrderAcrossPages() {
        String siteA = UUID.randomUUID().toString();
        String siteB = UUID.randomUUID().toString();
        Http olga = as(TestTokens.orgAdmin("olga"));
        Sites.register(olga, siteA);
        Sites.register(olga, siteB);
        List<String> aggregates = new ArrayList<>(List.of(siteA));
        for (int i = 0; i < 2; i++) {
            aggregates.add(created(olga.post("/api/assets", """
                    {"siteId":"%s","tag":"P-%d","name":"Pump","assetClass":"PUMP","criticality":"C"}""".formatted(siteA, i))));
            created(olga.post("/api/assets", """
                    {"siteId":"%s","tag":"P-%d","name":"Pump","assetClass":"PUMP","criticality":"C"}""".formatted(siteB, i)));
        }
        aggregates.add(created(olga.post("/api/contractors", "{\"siteId\":\"" + siteA + "\",\"name\":\"Crew Ltd\"}")));
        List<String> expected = jdbc.queryForList(
                "SELECT eventidentifier FROM domainevententry WHERE aggregateidentifier = ANY (?) ORDER BY globalindex",
                String.class, (Object) aggregates.toArray(new String[0]));
        assertThat(expected).hasSizeGreaterThanOrEqualTo(4);

        Http auditor = as(TestTokens.forSite("audrey", siteA, Role.AUDITOR));
        await().atMost(Duration.ofSeconds(20)).until(() -> drain(auditor, siteA, 1000).size() == expected.size());

        assertThat(drain(auditor, siteA, 1)).containsExactlyElementsOf(expected);
        assertThat(as(TestTokens.forSite("audrey", siteA, Role.AUDITOR)).get("/api/audit/feed/context?siteId=" + siteB).status())
                .isEqualTo(403);
        Http.Response export = auditor.get("/api/audit/export/context?siteId=" + siteA);
        assertThat(export.status()).isEqualTo(200);
        assertThat(export.body().lines().count()).as("the published ones among them").isPositive().isLessThanOrEqualTo(expected.size());
    }

    private static List<String> drain(Http http, String site, int limit) {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        while (true) {
            Http.Response response = http.get("/api/audit/feed/context?siteId=" + site + "&limit=" + limit
                    + (cursor == null ? "" : "&after=" + cursor));
            assertThat(response.status()).as(response.body()).isEqualTo(200);
            JsonNode page = response.json();
            cursor = page.get("next").asText();
            if (page.get("items").isEmpty()) {
                return ids;
            }
            page.get("items").forEach(item -> {
                assertThat(item.get("type").asText()).startsWith("io.sitework.");
                ids.add(item.get("id").asText());
            });
        }
    }

    private static String created(Http.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().get("id").asText();
    }
}
