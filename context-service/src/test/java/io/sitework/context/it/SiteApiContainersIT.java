package io.sitework.context.it;

import io.sitework.support.test.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.testcontainers.junit.jupiter.Testcontainers;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The site directory against container images of PostgreSQL, Kafka and real MongoDB, where Docker runs. */
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SiteApiContainersIT extends ContextContainers {

    @Test
    void sitesAreRegisteredOnceByCodeAndListedWithTheirTextSearch() {
        String id = UUID.randomUUID().toString();
        String code = Sites.randomCode();
        var admin = http().as(TestTokens.orgAdmin("olga"));
        assertThat(admin.post("/api/sites", Sites.body(id, code, "Harbour (east)", "Europe/Oslo")).status()).isEqualTo(201);
        assertThat(admin.post("/api/sites", Sites.body(null, code, "Copy", "UTC")).json().get("code").asText()).isEqualTo("site.code-taken");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(admin.get("/api/sites?q=(EAST").json().get("items").findValuesAsText("id")).containsExactly(id);
            assertThat(admin.get("/api/sites?q=" + code.toLowerCase()).json().get("items").findValuesAsText("timeZone"))
                    .containsExactly("Europe/Oslo");
        });
    }
}
