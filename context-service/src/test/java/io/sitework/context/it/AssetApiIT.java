package io.sitework.context.it;

import com.fasterxml.jackson.databind.JsonNode;
import io.sitework.events.CloudEvent;
import io.sitework.events.EventCatalog;
import io.sitework.events.Topics;
import io.sitework.events.kafka.CloudEventDeserializer;
import io.sitework.support.test.Http;
import io.sitework.support.security.Role;
import io.sitework.support.test.TestInfrastructure;
import io.sitework.support.test.TestTokens;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability
class AssetApiIT {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "context");
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    Http http;
    final String site = UUID.randomUUID().toString();

    @BeforeEach
    void setUp() {
        http = new Http("http://127.0.0.1:" + port).as(TestTokens.forSite("sam", site, Role.SITE_ADMIN));
    }

    private String body(String parentId, String tag, String name, String assetClass) {
        return """
                {"siteId":"%s",%s"tag":"%s","name":"%s","assetClass":"%s","criticality":"A"}"""
                .formatted(site, parentId == null ? "" : "\"parentId\":\"" + parentId + "\",", tag, name, assetClass);
    }

    private String register(String parentId, String tag, String name, String assetClass) {
        Http.Response created = http.post("/api/assets", body(parentId, tag, name, assetClass));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asText();
    }

    @Test
    void registersAHierarchyAndListsItBySiteParentAndSearch() {
        String area = register(null, "AREA-1", "Utilities area", "AREA");
        String pump = register(area, "P-101", "Feed pump 101", "PUMP");
        register(area, "P-102", "Feed pump 102", "PUMP");
        register(area, "E-201", "Heat exchanger", "HEAT_EXCHANGER");

        Http.Response read = http.get("/api/assets/" + pump);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.header("ETag")).isEqualTo("\"0\"");
        assertThat(read.json().get("parentId").asText()).isEqualTo(area);
        assertThat(read.json().get("status").asText()).isEqualTo("IN_SERVICE");

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            assertThat(http.get("/api/assets?siteId=" + site).json().get("total").asLong()).isEqualTo(4);
            assertThat(http.get("/api/assets?siteId=" + site + "&parentId=root").json().get("total").asLong()).isEqualTo(1);
            assertThat(http.get("/api/assets?siteId=" + site + "&parentId=" + area).json().get("total").asLong()).isEqualTo(3);
            JsonNode search = http.get("/api/assets?siteId=" + site + "&q=p-10").json();
            assertThat(search.get("items").findValuesAsText("tag")).containsExactly("P-101", "P-102");
            assertThat(http.get("/api/assets?siteId=" + site + "&q=exchanger").json().get("total").asLong()).isEqualTo(1);
            assertThat(http.get("/api/assets").json().get("total").asLong()).as("no siteId: the caller's sites").isEqualTo(4);
        });
    }

    @Test
    void aTagIsUniquePerSiteAndARefusalStoresNothing() {
        register(null, "T-301", "Tank", "TANK");
        long before = jdbc.queryForObject("SELECT count(*) FROM domainevententry", Long.class);

        Http.Response duplicate = http.post("/api/assets", body(null, "t-301", "Another tank", "TANK"));

        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.json().get("detail").asText()).contains("t-301").contains("already used");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domainevententry", Long.class)).isEqualTo(before);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM asset_registry WHERE site_id = ?", Long.class, site)).isEqualTo(1);
    }

    @Test
    void aParentOnAnotherSiteIsRefusedEvenForAnOrgAdmin() {
        String area = register(null, "AREA-9", "Area", "AREA");
        String otherSite = UUID.randomUUID().toString();
        Http admin = new Http("http://127.0.0.1:" + port).as(TestTokens.orgAdmin("olga"));
        Http.Response refused = admin.post("/api/assets",
                "{\"siteId\":\"" + otherSite + "\",\"parentId\":\"" + area + "\",\"tag\":\"X-1\",\"name\":\"x\",\"assetClass\":\"PUMP\",\"criticality\":\"C\"}");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("code").asText()).isEqualTo("asset.parent-other-site");
    }

    @Test
    void anUnknownParentIsRefused() {
        Http.Response refused = http.post("/api/assets", body(UUID.randomUUID().toString(), "P-9", "Pump", "PUMP"));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("code").asText()).isEqualTo("asset.parent-unknown");
    }

    @Test
    void registrationIsPublishedAsAssetRegisteredV1() {
        String id = register(null, "K-1", "Compressor", "COMPRESSOR");
        List<CloudEvent> events = new ArrayList<>();
        try (KafkaConsumer<String, CloudEvent> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafka().getBrokersAsString(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new CloudEventDeserializer())) {
            consumer.subscribe(List.of(Topics.CONTEXT));
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (id.equals(r.key())) {
                        events.add(r.value());
                    }
                });
                return !events.isEmpty();
            });
        }
        CloudEvent event = events.get(0);
        assertThat(event.type()).isEqualTo(EventCatalog.ASSET_REGISTERED.type());
        assertThat(event.source()).isEqualTo("/sites/" + site + "/assets/" + id);
        assertThat(event.dataAs(EventCatalog.ASSET_REGISTERED).tag()).isEqualTo("K-1");
        assertThat(event.dataAs(EventCatalog.ASSET_REGISTERED).criticality()).isEqualTo("A");
        assertThat(event.actor()).isEqualTo("sam");
    }

    @Test
    void badInputIsA400ProblemNamingTheField() {
        assertField(http.post("/api/assets", body(null, "", "n", "PUMP")), "tag");
        assertField(http.post("/api/assets", body(null, "P 1", "n", "PUMP")), "tag");
        assertField(http.post("/api/assets", body(null, "P1", "n", "pump")), "assetClass");
        assertField(http.post("/api/assets", body(null, "P1", "n", "PUMP").replace("\"A\"", "\"Z\"")), "criticality");
        assertField(http.post("/api/assets", body(null, "P1", "n", "PUMP").replace(site, "x")), "siteId");
        assertField(http.post("/api/assets", body(null, "P1", "n", "PUMP").replace("\"criticality\"", "\"status\":\"ISOLATED\",\"criticality\"")), "status");
        assertField(http.get("/api/assets/123"), "id");
        assertField(http.get("/api/assets?siteId=" + site + "&parentId=nope"), "parentId");
        assertThat(http.post("/api/assets", "[").status()).isEqualTo(400);
        assertThat(http.get("/api/assets/" + UUID.randomUUID()).status()).isEqualTo(404);
    }

    private static void assertField(Http.Response response, String field) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("errors").findValuesAsText("field")).as(response.body()).contains(field);
    }
}
