package io.sitework.context.it;

import io.sitework.support.security.Role;
import io.sitework.support.test.Http;
import io.sitework.support.test.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.testcontainers.junit.jupiter.Testcontainers;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Contractors and their lapses against container images of PostgreSQL, Kafka and real MongoDB, where Docker runs. */
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ContractorApiContainersIT extends ContextContainers {

    @Test
    void aQualificationLapsesAtItsEndAndTheValidHoldersListFollows() {
        String site = Sites.register(http(), UUID.randomUUID().toString());
        Http paula = http().as(TestTokens.forSite("paula", site, Role.PLANNER));
        String id = paula.post("/api/contractors", "{\"siteId\":\"" + site + "\",\"name\":\"Acme\"}").json().get("id").asText();
        Http.Response granted = paula.post("/api/contractors/" + id + "/qualifications",
                "{\"qualification\":\"HOT_WORK\",\"validUntil\":\"" + Instant.now().plusSeconds(4) + "\"}");
        assertThat(granted.status()).as(granted.body()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(paula.get("/api/contractors?siteId=" + site + "&qualification=HOT_WORK").json().get("total").asLong()).isEqualTo(1));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(paula.get("/api/contractors/" + id).json().get("qualifications").get(0).get("lapseReason").asText()).isEqualTo("EXPIRED");
            assertThat(paula.get("/api/contractors?siteId=" + site + "&qualification=HOT_WORK").json().get("total").asLong()).isZero();
        });
    }
}
