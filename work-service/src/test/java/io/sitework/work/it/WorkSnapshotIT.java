package io.sitework.work.it;

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
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Long-lived work is loaded from a snapshot of the aggregate: the snapshot round-trips through the
 * Jackson serializer, keeps every decision the aggregate makes (blockers, checklist results) and
 * reads of the item still fold every event.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "sitework.work.snapshot-threshold=5")
class WorkSnapshotIT {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "work_snapshot");
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void decisionsSurviveLoadingFromASnapshot() {
        String site = UUID.randomUUID().toString();
        Http http = new Http("http://127.0.0.1:" + port).as(TestTokens.forSite("carla", site, Role.SUPERVISOR));
        String id = http.post("/api/work", """
                {"siteId":"%s","kind":"ROUND","title":"Night round","priority":"MEDIUM",
                 "checklist":[{"itemId":"p1","label":"Pressure P1","type":"NUMBER","unit":"bar","min":2,"max":4,"mandatory":true}]}"""
                .formatted(site)).json().get("id").asText();
        for (int i = 0; i < 12; i++) {
            assertThat(http.post("/api/work/" + id + "/comments", "{\"text\":\"note " + i + "\"}").status()).isEqualTo(201);
        }
        String blocker = http.post("/api/work/" + id + "/blockers", "{\"type\":\"ACCESS\",\"reason\":\"Gate locked\"}").json().get("id").asText();
        for (int i = 0; i < 6; i++) {
            http.post("/api/work/" + id + "/comments", "{\"text\":\"more " + i + "\"}");
        }
        await().atMost(Duration.ofSeconds(10)).until(() ->
                jdbc.queryForObject("SELECT count(*) FROM snapshotevententry WHERE aggregateidentifier = ?", Long.class, id) > 0);

        // the aggregate, loaded from its snapshot, still knows the open blocker
        assertThat(http.post("/api/work/" + id + "/plan", WorkApiIT.PLAN).status()).isEqualTo(200);
        Http.Response refused = http.post("/api/work/" + id + "/start", null);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("detail").asText()).contains("Gate locked");
        assertThat(http.post("/api/work/" + id + "/blockers/" + blocker + "/resolve", "{}").status()).isEqualTo(200);
        assertThat(http.post("/api/work/" + id + "/start", null).status()).isEqualTo(200);
        assertThat(http.put("/api/work/" + id + "/checklist/p1", "{\"value\":\"9\"}").status()).isEqualTo(200);
        for (int i = 0; i < 6; i++) {
            http.post("/api/work/" + id + "/comments", "{\"text\":\"after \" }".replace("after ", "after " + i));
        }
        assertThat(http.post("/api/work/" + id + "/complete", "{}").status()).isEqualTo(200);
        Http.Response close = http.post("/api/work/" + id + "/close", "{}");
        assertThat(close.status()).as("the failed reading is remembered across snapshots").isEqualTo(409);

        Http.Response read = http.get("/api/work/" + id);
        assertThat(read.json().get("comments")).hasSize(24);
        assertThat(read.json().get("checklist").get(0).get("result").asText()).isEqualTo("FAILED");
    }
}
