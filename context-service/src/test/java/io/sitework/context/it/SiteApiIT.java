package io.sitework.context.it;

import com.fasterxml.jackson.databind.JsonNode;
import io.sitework.events.CloudEvent;
import io.sitework.events.EventCatalog;
import io.sitework.events.context.SiteRegistered;
import io.sitework.support.security.Role;
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

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SiteApiIT {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "context_sites");
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    private Http http() {
        return new Http("http://127.0.0.1:" + port);
    }

    private Http admin() {
        return http().as(TestTokens.orgAdmin("olga"));
    }

    private long storedEvents() {
        return jdbc.queryForObject("SELECT count(*) FROM domainevententry", Long.class);
    }

    @Test
    void anOrgAdminRegistersASiteWithTheIdItChooses() {
        String id = UUID.randomUUID().toString();
        String code = Sites.randomCode();

        Http.Response created = admin().post("/api/sites", Sites.body(id, code, " North plant ", "Europe/Paris"), "X-Correlation-Id", "corr-s-1");

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.header("Location")).endsWith("/api/sites/" + id);
        assertThat(created.header("ETag")).isEqualTo("\"0\"");
        JsonNode site = created.json();
        assertThat(site.get("id").asText()).isEqualTo(id);
        assertThat(site.get("code").asText()).isEqualTo(code);
        assertThat(site.get("name").asText()).isEqualTo("North plant");
        assertThat(site.get("timeZone").asText()).isEqualTo("Europe/Paris");
        assertThat(site.get("registeredBy").asText()).isEqualTo("olga");

        Http.Response read = http().as(TestTokens.forSite("rita", id, Role.REQUESTER)).get("/api/sites/" + id);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.header("ETag")).isEqualTo("\"0\"");
        assertThat(read.json().get("code").asText()).isEqualTo(code);

        CloudEvent event = ContextTopic.events(TestInfrastructure.kafka().getBrokersAsString(), id, 1).get(0);
        assertThat(event.type()).isEqualTo("io.sitework.site.registered.v1");
        assertThat(event.siteid()).isEqualTo(id);
        assertThat(event.correlationid()).isEqualTo("corr-s-1");
        assertThat(event.dataAs(EventCatalog.SITE_REGISTERED)).isEqualTo(new SiteRegistered(id, code, "North plant", "Europe/Paris", "olga"));
    }

    @Test
    void withoutAnIdTheServerChoosesOne() {
        Http.Response created = admin().post("/api/sites", Sites.body(null, Sites.randomCode(), "Yard", "UTC"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(UUID.fromString(created.json().get("id").asText())).isNotNull();
    }

    @Test
    void aRepeatIsAnsweredWithTheSiteAndADifferentRequestForTheSameIdIsRefused() {
        String id = UUID.randomUUID().toString();
        String code = Sites.randomCode();
        assertThat(admin().post("/api/sites", Sites.body(id, code, "South", "UTC")).status()).isEqualTo(201);
        long before = storedEvents();

        Http.Response repeat = admin().post("/api/sites", Sites.body(id, code, "South", "UTC"));
        assertThat(repeat.status()).isEqualTo(200);
        assertThat(repeat.json().get("id").asText()).isEqualTo(id);

        Http.Response other = admin().post("/api/sites", Sites.body(id, Sites.randomCode(), "Another", "UTC"));
        assertThat(other.status()).isEqualTo(409);
        assertThat(other.json().get("code").asText()).isEqualTo("site.id-taken");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void aCodeIsUniqueAcrossTheOrganisationAndARefusalStoresNothing() {
        String code = Sites.randomCode();
        assertThat(admin().post("/api/sites", Sites.body(null, code, "East", "UTC")).status()).isEqualTo(201);
        long before = storedEvents();
        long reserved = jdbc.queryForObject("SELECT count(*) FROM site_registry", Long.class);

        Http.Response taken = admin().post("/api/sites", Sites.body(UUID.randomUUID().toString(), code, "East again", "UTC"));

        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.json().get("code").asText()).isEqualTo("site.code-taken");
        assertThat(taken.json().get("detail").asText()).contains(code);
        assertThat(storedEvents()).isEqualTo(before);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM site_registry", Long.class)).isEqualTo(reserved);
    }

    @Test
    void anAssetIdIsNotASiteToTakeOver() {
        String site = Sites.register(http(), UUID.randomUUID().toString());
        String asset = admin().post("/api/assets", "{\"siteId\":\"" + site + "\",\"tag\":\"A-1\",\"name\":\"x\",\"assetClass\":\"AREA\",\"criticality\":\"C\"}")
                .json().get("id").asText();
        Http.Response refused = admin().post("/api/sites", Sites.body(asset, Sites.randomCode(), "Sneaky", "UTC"));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("code").asText()).isEqualTo("site.id-taken");
        assertThat(admin().get("/api/sites/" + asset).status()).isEqualTo(404);
    }

    @Test
    void onlyAnOrgAdminRegistersSites() {
        String id = UUID.randomUUID().toString();
        Http.Response forbidden = http().as(TestTokens.forSite("sam", id, Role.SITE_ADMIN)).post("/api/sites", Sites.body(id, Sites.randomCode(), "Mine", "UTC"));
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(admin().get("/api/sites/" + id).status()).isEqualTo(404);
    }

    @Test
    void peopleListTheSitesWhereTheyHoldARoleAndOrgAdminsListAll() {
        String north = Sites.register(http(), UUID.randomUUID().toString());
        String south = Sites.register(http(), UUID.randomUUID().toString());
        String elsewhere = Sites.register(http(), UUID.randomUUID().toString());
        Http pat = http().as(TestTokens.token("pat", Map.of(north, List.of("PLANNER"), south, List.of("AUDITOR")), false));

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            assertThat(pat.get("/api/sites").json().get("items").findValuesAsText("id")).containsExactlyInAnyOrder(north, south);
            assertThat(pat.get("/api/sites?siteId=" + north).json().get("items").findValuesAsText("id")).containsExactly(north);
            assertThat(admin().get("/api/sites?size=200").json().get("items").findValuesAsText("id")).contains(north, south, elsewhere);
        });
        assertThat(pat.get("/api/sites?siteId=" + elsewhere).status()).isEqualTo(403);
        assertThat(pat.get("/api/sites/" + elsewhere).status()).as("a stranger to the site").isEqualTo(404);
        assertThat(pat.get("/api/sites/" + elsewhere + "/history").status()).isEqualTo(404);
    }

    @Test
    void theListSearchesCodeAndNameLiterally() {
        String id = UUID.randomUUID().toString();
        String code = "Q-" + id.substring(0, 8).toUpperCase();
        assertThat(admin().post("/api/sites", Sites.body(id, code, "Quarry (west)", "UTC")).status()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            assertThat(admin().get("/api/sites?q=" + code.toLowerCase()).json().get("items").findValuesAsText("id")).containsExactly(id);
            assertThat(admin().get("/api/sites?q=(WEST").json().get("items").findValuesAsText("id")).contains(id);
            assertThat(admin().get("/api/sites?q=.*").json().get("total").asLong()).isZero();
        });
        assertThat(admin().get("/api/sites?sort=timeZone").status()).isEqualTo(400);
    }

    @Test
    void theHistoryAndAsOfReadFromTheEventStore() {
        String id = UUID.randomUUID().toString();
        Http.Response created = admin().post("/api/sites", Sites.body(id, Sites.randomCode(), "West", "Asia/Tokyo"), "X-Correlation-Id", "corr-s-9");
        Instant registeredAt = Instant.parse(created.json().get("registeredAt").asText());

        Http auditor = http().as(TestTokens.forSite("alice", id, Role.AUDITOR));
        Http.Response response = auditor.get("/api/sites/" + id + "/history");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("ETag")).isEqualTo("\"0\"");
        JsonNode entry = response.json().get("items").get(0);
        assertThat(entry.get("type").asText()).isEqualTo("io.sitework.site.registered.v1");
        assertThat(entry.get("actor").asText()).isEqualTo("olga");
        assertThat(entry.get("correlationId").asText()).isEqualTo("corr-s-9");
        assertThat(entry.get("data").get("timeZone").asText()).isEqualTo("Asia/Tokyo");

        assertThat(auditor.get("/api/sites/" + id + "?asOf=" + registeredAt).status()).isEqualTo(200);
        assertThat(auditor.get("/api/sites/" + id + "?asOf=" + registeredAt.minusSeconds(1)).status()).isEqualTo(404);
        assertThat(auditor.get("/api/sites/" + UUID.randomUUID()).status()).isEqualTo(404);
    }

    @Test
    void badInputIsA400ProblemNamingTheField() {
        assertField(admin().post("/api/sites", Sites.body(null, "north", "North", "UTC")), "code");
        assertField(admin().post("/api/sites", Sites.body(null, "N_1", "North", "UTC")), "code");
        assertField(admin().post("/api/sites", Sites.body(null, "", "North", "UTC")), "code");
        assertField(admin().post("/api/sites", Sites.body(null, Sites.randomCode(), " ", "UTC")), "name");
        assertField(admin().post("/api/sites", Sites.body(null, Sites.randomCode(), "North", "Mars/Olympus")), "timeZone");
        assertField(admin().post("/api/sites", Sites.body(null, Sites.randomCode(), "North", "+02:00")), "timeZone");
        assertField(admin().post("/api/sites", Sites.body("not-a-uuid", Sites.randomCode(), "North", "UTC")), "id");
        assertField(admin().post("/api/sites", "{\"code\":\"X\",\"name\":\"x\",\"timeZone\":\"UTC\",\"owner\":\"me\"}"), "owner");
        assertField(admin().get("/api/sites/nope"), "id");
        assertField(admin().get("/api/sites?size=500"), "size");
    }

    private static void assertField(Http.Response response, String field) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("errors").findValuesAsText("field")).as(response.body()).contains(field);
    }
}
