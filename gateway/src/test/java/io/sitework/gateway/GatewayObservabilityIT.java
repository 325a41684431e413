package io.sitework.gateway;

import io.sitework.gateway.devlogin.DevTokenIssuer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway's part in metrics and traces: a caller's W3C {@code traceparent} is continued to the backend
 * (same trace id, the gateway's own span as parent), and the series the Grafana dashboard queries for the
 * gateway (requests by status code, latency histogram, JVM) are on the management port's /actuator/prometheus.
 * The list of those series is service-support's test resource {@code observability/dashboard-metrics.txt}
 * (read from the source tree: the gateway, a WebFlux application, does not take service-support's servlet
 * classpath).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "management.server.port=0",
        "sitework.dev-login.enabled=true",
        "sitework.rate-limit.replenish-rate=1000",
        "sitework.rate-limit.burst-capacity=2000"
})
@AutoConfigureObservability
class GatewayObservabilityIT {

    static final Path DASHBOARD_METRICS = Path.of("..", "service-support", "src", "test", "resources", "observability", "dashboard-metrics.txt");

    static final StubBackend WORK = StubBackend.start("work");

    @DynamicPropertySource
    static void backends(DynamicPropertyRegistry registry) {
        registry.add("SITEWORK_WORK_URL", WORK::url);
    }

    @AfterAll
    static void stopBackends() {
        WORK.close();
    }

    @LocalManagementPort
    int managementPort;

    @Autowired
    WebTestClient client;

    @Autowired
    DevTokenIssuer tokens;

    @Test
    void aCallersTraceIsContinuedToTheBackend() throws InterruptedException {
        String traceId = HexFormat.of().formatHex(randomBytes(16));
        String callerSpan = HexFormat.of().formatHex(randomBytes(8));

        client.get().uri("/api/work")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token())
                .header("traceparent", "00-" + traceId + "-" + callerSpan + "-01")
                .exchange()
                .expectStatus().isOk();

        String forwarded = WORK.takeRequest().header("traceparent");
        assertThat(forwarded).as("traceparent sent to the backend").isNotNull();
        String[] parts = forwarded.split("-");
        assertThat(parts[1]).isEqualTo(traceId);
        assertThat(parts[2]).as("the gateway's own span").isNotEqualTo(callerSpan);
    }

    @Test
    void theDashboardsSeriesAreExposed() throws IOException {
        client.get().uri("/api/work").header(HttpHeaders.AUTHORIZATION, "Bearer " + token()).exchange().expectStatus().isOk();
        client.get().uri("/api/work").exchange().expectStatus().isUnauthorized();

        String scrape = WebTestClient.bindToServer().baseUrl("http://localhost:" + managementPort).build()
                .get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();

        Set<String> missing = new TreeSet<>();
        for (String line : Files.readAllLines(DASHBOARD_METRICS)) {
            String[] parts = line.strip().split("\\s+");
            if (parts.length == 2 && parts[0].equals("sitework-gateway")
                    && !Pattern.compile("(?m)^" + Pattern.quote(parts[1]) + "[{ ]").matcher(scrape).find()) {
                missing.add(parts[1]);
            }
        }
        assertThat(missing).isEmpty();
        // requests by status code, for the dashboard's status panel
        assertThat(scrape).containsPattern("http_server_requests_seconds_count\\{[^}]*application=\"sitework-gateway\"[^}]*status=\"200\"");
        assertThat(scrape).containsPattern("http_server_requests_seconds_count\\{[^}]*status=\"401\"");
    }

    private String token() {
        return tokens.issue(new DevTokenIssuer.Grant("gateway-observability-it", null, Map.of(), false)).value();
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }
}
