package io.sitework.context.it;

import io.sitework.support.security.Role;
import io.sitework.support.test.Http;
import io.sitework.support.test.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.testcontainers.junit.jupiter.Testcontainers;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The asset slice against container images of PostgreSQL, Kafka and real MongoDB, where Docker runs. */
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AssetApiContainersIT extends ContextContainers {

    @Test
    void registersAndListsAssetsWithUniqueTags() {
        String site = Sites.register(http(), UUID.randomUUID().toString());
        Http http = http().as(TestTokens.forSite("sam", site, Role.SITE_ADMIN));
        String body = "{\"siteId\":\"" + site + "\",\"tag\":\"P-101\",\"name\":\"Pump\",\"assetClass\":\"PUMP\",\"criticality\":\"B\"}";
        assertThat(http.post("/api/assets", body).status()).isEqualTo(201);
        assertThat(http.post("/api/assets", body).status()).isEqualTo(409);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(http.get("/api/assets?siteId=" + site + "&q=P-1").json().get("total").asLong()).isEqualTo(1));
    }

    @Test
    void movesRefuseCyclesAndTheSubtreeFollowsOnRealMongo() {
        String site = Sites.register(http(), UUID.randomUUID().toString());
        Http http = http().as(TestTokens.forSite("sam", site, Role.SITE_ADMIN));
        String area = http.post("/api/assets", "{\"siteId\":\"" + site + "\",\"tag\":\"A-1\",\"name\":\"Area\",\"assetClass\":\"AREA\",\"criticality\":\"B\"}")
                .json().get("id").asText();
        String pump = http.post("/api/assets", "{\"siteId\":\"" + site + "\",\"parentId\":\"" + area
                + "\",\"tag\":\"P-1\",\"name\":\"Pump\",\"assetClass\":\"PUMP\",\"criticality\":\"B\"}").json().get("id").asText();

        Http.Response cycle = http.post("/api/assets/" + area + "/move", "{\"parentId\":\"" + pump + "\"}");
        assertThat(cycle.status()).isEqualTo(409);
        assertThat(cycle.json().get("code").asText()).isEqualTo("asset.move-cycle");
        assertThat(http.post("/api/assets/" + pump + "/status", "{\"status\":\"OUT_OF_SERVICE\",\"reason\":\"seal\"}").status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(http.get("/api/assets/" + area + "/subtree").json().get("children").get(0).get("status").asText())
                    .isEqualTo("OUT_OF_SERVICE");
            assertThat(http.get("/api/assets?siteId=" + site + "&status=OUT_OF_SERVICE&assetClass=PUMP").json().get("total").asLong())
                    .isEqualTo(1);
        });
    }
}
