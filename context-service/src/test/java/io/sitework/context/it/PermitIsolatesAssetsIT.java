package io.sitework.context.it;

import com.fasterxml.jackson.databind.JsonNode;
import io.sitework.support.test.TestInfrastructure;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.sitework.context.it.PermitFlow.isolation;
import static io.sitework.context.it.PermitFlow.isolationIds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Assets show ISOLATED while a permit's isolation is applied. The permit side dispatches the asset
 * commands (IsolationAssetMarker); the Asset aggregate handles them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PermitIsolatesAssetsIT {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "context_isolated_assets");
        registry.add("spring.kafka.consumer.group-id", () -> "permit-isolates-assets-it-" + UUID.randomUUID());
    }

    @LocalServerPort
    int port;

    PermitFlow flow;

    @BeforeEach
    void setUp() {
        flow = new PermitFlow(port);
    }

    private String statusOf(String assetId) {
        JsonNode asset = PermitFlow.ok(flow.rita.get("/api/assets/" + assetId));
        return asset.get("status").asText();
    }

    @Test
    void assetStatusBecomesIsolatedWhileAnIsolationIsAppliedAndReturnsWhenItIsRemoved() {
        String pump = flow.asset("P-501");
        String valve = flow.asset("V-501");
        JsonNode permit = flow.request(flow.body("CONFINED_SPACE", List.of(), List.of(pump),
                List.of(isolation("V-501 suction valve", "LOCK_OUT_TAG_OUT", valve))));
        String id = permit.get("id").asText();
        String point = isolationIds(permit).get(0);
        flow.step(flow.paul, id, "approve", null);
        flow.isolationStep(flow.ivan, id, point, "apply");

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(statusOf(pump)).as("an asset of the permit's scope").isEqualTo("ISOLATED");
            assertThat(statusOf(valve)).as("the isolation point's asset").isEqualTo("ISOLATED");
        });

        flow.isolationStep(flow.vera, id, point, "verify");
        flow.step(flow.paul, id, "issue", "{}");
        flow.step(flow.rita, id, "handback", null);
        flow.isolationStep(flow.ivan, id, point, "remove");

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(statusOf(pump)).isEqualTo("IN_SERVICE");
            assertThat(statusOf(valve)).isEqualTo("IN_SERVICE");
        });
    }
}
