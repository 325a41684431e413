package io.sitework.gateway;

import io.sitework.gateway.devlogin.DevTokenIssuer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.json.JsonCompareMode;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "management.server.port=0",
        // requests carry dev login tokens; their checks are TokenValidationContract's business
        "sitework.dev-login.enabled=true",
        "sitework.rate-limit.replenish-rate=1000",
        "sitework.rate-limit.burst-capacity=2000"
})
@AutoConfigureObservability
class GatewayRoutingIT {

    private static final Pattern UUID_FORM =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    static final StubBackend WORK = StubBackend.start("work");
    static final StubBackend CONTEXT = StubBackend.start("context");
    static final StubBackend NOTIFICATION = StubBackend.start("notification");

    @DynamicPropertySource
    static void backends(DynamicPropertyRegistry registry) {
        registry.add("SITEWORK_WORK_URL", WORK::url);
        registry.add("SITEWORK_CONTEXT_URL", CONTEXT::url);
        registry.add("SITEWORK_NOTIFICATION_URL", NOTIFICATION::url);
    }

    @AfterAll
    static void stopBackends() {
        WORK.close();
        CONTEXT.close();
        NOTIFICATION.close();
    }

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @Autowired
    WebTestClient client;

    @Autowired
    DevTokenIssuer tokens;

    @BeforeEach
    void authenticate() {
        String token = tokens.issue(new DevTokenIssuer.Grant("gateway-it", null, Map.of(), false)).value();
        client = client.mutate().defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token).build();
    }

    @BeforeEach
    void resetBackends() {
        List.of(WORK, CONTEXT, NOTIFICATION).forEach(StubBackend::reset);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = ' ', value = {
            "/api/work work",
            "/api/work/7f1c/start?reason=ready work",
            "/api/work?siteId=s-1&status=PLANNED&q=pump%20seal&sort=dueAt,asc work",
            "/api/audit/feed/work?siteId=s-1&after=c%2F41&limit=10 work",
            "/api/audit/export/work?siteId=s-1&from=2026-01-01T00:00:00Z work",
            "/api/audit/republish/work work",
            "/api/audit/work/7f1c/verify work",
            "/api/admin/replay/work-service/work-board work",
            "/api/audit/state/work?siteId=s-1&asOf=2026-01-01T00:00:00Z work",
            "/api/audit/state/context?siteId=s-1&asOf=2026-01-01T00:00:00Z context",
            "/api/sites context",
            "/api/assets/a-1/history context",
            "/api/permits/p-1/isolations/i-1/apply context",
            "/api/contractors?page=0&size=50 context",
            "/api/audit/feed/context?after=42 context",
            "/api/audit/export/context?siteId=s-1 context",
            "/api/audit/republish/context context",
            "/api/audit/assets/a-1/verify context",
            "/api/audit/permits/p-1/verify context",
            "/api/admin/replay/context-service/asset-tree context",
            "/api/notifications?unread=true notification",
            "/api/notifications/stream notification",
            "/api/webhooks/w-1/deliveries notification",
    })
    void routesEachPrefixToItsServiceWithPathAndQueryUnchanged(String pathAndQuery, String backend)
            throws InterruptedException {
        client.get().uri(URI.create(gateway(pathAndQuery)))
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.backend").isEqualTo(backend);

        StubBackend expected = backendNamed(backend);
        assertThat(expected.takeRequest().pathAndQuery()).isEqualTo(pathAndQuery);
        assertThat(List.of(WORK, CONTEXT, NOTIFICATION))
                .filteredOn(other -> other != expected)
                .allMatch(StubBackend::receivedNothing);
    }

    @Test
    void forwardsMethodAndBodyUnchanged() throws InterruptedException {
        String body = "{\"siteId\":\"s-1\",\"kind\":\"CLEANING\",\"title\":\"Hose down bay 3\"}";
        client.post().uri("/api/work")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange()
                .expectStatus().isOk();

        StubBackend.Received received = WORK.takeRequest();
        assertThat(received.method()).isEqualTo("POST");
        assertThat(received.body()).isEqualTo(body);
        assertThat(received.header("Content-Type")).isEqualTo("application/json");
    }

    @Test
    void generatesCorrelationIdWhenMissingAndSendsTheSameToBackendAndCaller() throws InterruptedException {
        String echoed = client.get().uri("/api/work")
                .exchange()
                .expectStatus().isOk()
                .returnResult(String.class).getResponseHeaders().getFirst("X-Correlation-Id");

        assertThat(echoed).matches(UUID_FORM);
        assertThat(WORK.takeRequest().header("X-Correlation-Id")).isEqualTo(echoed);
    }

    @Test
    void keepsAValidCorrelationId() throws InterruptedException {
        String valid = "portal:2026-11-03.req_17-a";

        List<String> echoed = client.get().uri("/api/sites")
                .header("X-Correlation-Id", valid)
                .exchange()
                .expectStatus().isOk()
                .returnResult(String.class).getResponseHeaders().get("X-Correlation-Id");

        // the backend echoes it too; the caller must still see exactly one value
        assertThat(echoed).containsExactly(valid);
        assertThat(CONTEXT.takeRequest().headers().get("X-Correlation-Id")).containsExactly(valid);
    }

    @ParameterizedTest
    @ValueSource(strings = {"has spaces", "<script>", "semi;colon", "ünïcode", ""})
    void replacesAnInvalidCorrelationId(String invalid) throws InterruptedException {
        String echoed = client.get().uri("/api/notifications")
                .header("X-Correlation-Id", invalid)
                .exchange()
                .expectStatus().isOk()
                .returnResult(String.class).getResponseHeaders().getFirst("X-Correlation-Id");

        assertThat(echoed).matches(UUID_FORM);
        assertThat(NOTIFICATION.takeRequest().headers().get("X-Correlation-Id")).containsExactly(echoed);
    }

    @Test
    void replacesAnOverlongCorrelationId() throws InterruptedException {
        String longest = "a".repeat(100);
        String tooLong = "a".repeat(101);

        client.get().uri("/api/work").header("X-Correlation-Id", longest).exchange()
                .expectHeader().valueEquals("X-Correlation-Id", longest);
        client.get().uri("/api/work").header("X-Correlation-Id", tooLong).exchange()
                .expectHeader().value("X-Correlation-Id", id -> assertThat(id).matches(UUID_FORM));

        assertThat(WORK.takeRequest().header("X-Correlation-Id")).isEqualTo(longest);
        assertThat(WORK.takeRequest().header("X-Correlation-Id")).matches(UUID_FORM);
    }

    @Test
    void passesBackendProblemsThroughUnchanged() {
        String problem = "{\"type\":\"https://sitework.io/problems/refused\",\"title\":\"Command refused\","
                + "\"status\":409,\"detail\":\"permit P-12 is SUSPENDED\",\"code\":\"PERMIT_SUSPENDED\"}";
        WORK.respond("/api/work/w-9/start", exchange -> {
            exchange.getResponseHeaders().set("ETag", "\"7\"");
            StubBackend.send(exchange, 409, "application/problem+json", problem);
        });

        EntityExchangeResult<byte[]> result = client.post().uri("/api/work/w-9/start")
                .exchange()
                .expectStatus().isEqualTo(409)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals("ETag", "\"7\"")
                .expectBody().returnResult();

        assertThat(new String(result.getResponseBody(), StandardCharsets.UTF_8)).isEqualTo(problem);
    }

    @Test
    void passesBackendServerErrorsThroughUnchanged() {
        WORK.respond("/api/work/broken", exchange -> StubBackend.send(exchange, 500, "text/plain", "backend says no"));

        client.get().uri("/api/work/broken")
                .exchange()
                .expectStatus().isEqualTo(500)
                .expectBody(String.class).isEqualTo("backend says no");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/unknown/thing", "/api/workers", "/api", "/auth/unknown"})
    void answersUnknownPathsWithNotFoundProblem(String path) {
        EntityExchangeResult<Map<String, Object>> result = client.get().uri(path)
                .exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { })
                .returnResult();

        Map<String, Object> problem = result.getResponseBody();
        assertThat(problem)
                .containsEntry("type", "https://sitework.io/problems/not-found")
                .containsEntry("title", "Not found")
                .containsEntry("status", 404)
                .containsKey("detail")
                .containsEntry("correlationId", result.getResponseHeaders().getFirst("X-Correlation-Id"))
                .doesNotContainKeys("properties", "trace", "exception");
        assertThat(List.of(WORK, CONTEXT, NOTIFICATION)).allMatch(StubBackend::receivedNothing);
    }

    @Test
    void publicHealthShowsStatusOnly() {
        client.get().uri("/actuator/health")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().exists("X-Correlation-Id")
                .expectBody().json("{\"status\":\"UP\"}", JsonCompareMode.STRICT);
    }

    @Test
    void publicInfoNamesTheApplication() {
        client.get().uri("/actuator/info")
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.app.name").isEqualTo("sitework-gateway")
                .jsonPath("$.app.version").value(version -> assertThat((String) version).isNotBlank().doesNotContain("@"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/actuator/prometheus", "/actuator/env", "/actuator/gateway/routes",
            "/actuator/health/liveness", "/actuator", "/actuator/beans"})
    void hidesEveryOtherActuatorEndpointOnThePublicPort(String path) {
        client.get().uri(path)
                .exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void servesPrometheusAndDetailedHealthOnTheManagementPort() {
        WebTestClient management = WebTestClient.bindToServer().baseUrl("http://localhost:" + managementPort).build();

        management.get().uri("/actuator/prometheus")
                .exchange()
                .expectStatus().isOk()
                .expectBody(String.class).value(metrics -> assertThat(metrics).contains("jvm_memory_used_bytes"));
        management.get().uri("/actuator/health")
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP").jsonPath("$.components").exists();
        management.get().uri("/actuator/env")
                .exchange()
                .expectStatus().isNotFound();
    }

    private String gateway(String pathAndQuery) {
        return "http://localhost:" + port + pathAndQuery;
    }

    private static StubBackend backendNamed(String name) {
        return switch (name) {
            case "work" -> WORK;
            case "context" -> CONTEXT;
            case "notification" -> NOTIFICATION;
            default -> throw new IllegalArgumentException(name);
        };
    }
}
