package io.sitework.gateway;

import io.sitework.gateway.devlogin.DevTokenIssuer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.json.JsonCompareMode;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.util.List;
import java.util.Map;

import static io.sitework.gateway.Problems.problemFrom;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /api/audit/state}: composed by the gateway from work-service's and context-service's halves (stub
 * backends here), with the caller's token and correlation id; refusals pass through, failures are the gateway's.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "sitework.dev-login.enabled=true",
        "sitework.rate-limit.replenish-rate=1000",
        "sitework.rate-limit.burst-capacity=2000"
})
class AuditStateCompositionIT {

    private static final String QUERY = "siteId=0d5e4c1a-5173-4e00-9000-00000000de30&asOf=2026-11-03T14:32:00Z";
    private static final String WORK_HALF = """
            {"siteId":"0d5e4c1a-5173-4e00-9000-00000000de30","asOf":"2026-11-03T14:32:00Z","counts":{"IN_PROGRESS":1},
             "inProgress":[{"id":"w-1","title":"Replace seal"}],"onHold":[],"blocked":[],"overdue":[]}""";
    private static final String CONTEXT_HALF = """
            {"siteId":"0d5e4c1a-5173-4e00-9000-00000000de30","asOf":"2026-11-03T14:32:00Z",
             "permits":[{"id":"p-1","status":"SUSPENDED"}],"isolations":[],"assets":[{"id":"a-1","status":"ISOLATED"}]}""";

    static final StubBackend WORK = StubBackend.start("work");
    static final StubBackend CONTEXT = StubBackend.start("context");

    @DynamicPropertySource
    static void backends(DynamicPropertyRegistry registry) {
        registry.add("SITEWORK_WORK_URL", WORK::url);
        registry.add("SITEWORK_CONTEXT_URL", CONTEXT::url);
    }

    @AfterAll
    static void stopBackends() {
        WORK.close();
        CONTEXT.close();
    }

    @Autowired
    WebTestClient client;

    @Autowired
    DevTokenIssuer tokens;

    String token;

    @BeforeEach
    void authenticate() {
        token = tokens.issue(new DevTokenIssuer.Grant("audrey.auditor", null, Map.of(), false)).value();
        client = client.mutate().defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token).build();
        List.of(WORK, CONTEXT).forEach(StubBackend::reset);
    }

    private void halves(int workStatus, String workBody, int contextStatus, String contextBody) {
        WORK.respond("/api/audit/state/work", exchange -> StubBackend.send(exchange, workStatus,
                workStatus < 300 ? "application/json" : "application/problem+json", workBody));
        CONTEXT.respond("/api/audit/state/context", exchange -> StubBackend.send(exchange, contextStatus,
                contextStatus < 300 ? "application/json" : "application/problem+json", contextBody));
    }

    @Test
    void composesBothHalvesAskedWithTheCallersTokenAndCorrelationId() throws InterruptedException {
        halves(200, WORK_HALF, 200, CONTEXT_HALF);

        client.get().uri("/api/audit/state?" + QUERY).header("X-Correlation-Id", "audit-1")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectHeader().valueEquals("X-Correlation-Id", "audit-1")
                .expectBody().json("""
                        {"siteId":"0d5e4c1a-5173-4e00-9000-00000000de30","asOf":"2026-11-03T14:32:00Z",
                         "work":{"counts":{"IN_PROGRESS":1},"inProgress":[{"id":"w-1","title":"Replace seal"}],"onHold":[],"blocked":[],"overdue":[]},
                         "context":{"permits":[{"id":"p-1","status":"SUSPENDED"}],"isolations":[],"assets":[{"id":"a-1","status":"ISOLATED"}]}}""",
                        JsonCompareMode.STRICT);

        for (StubBackend backend : List.of(WORK, CONTEXT)) {
            StubBackend.Received received = backend.takeRequest();
            assertThat(received.method()).isEqualTo("GET");
            assertThat(received.pathAndQuery()).isEqualTo("/api/audit/state/" + (backend == WORK ? "work" : "context") + "?" + QUERY);
            assertThat(received.header("Authorization")).isEqualTo("Bearer " + token);
            assertThat(received.header("X-Correlation-Id")).isEqualTo("audit-1");
        }
    }

    @Test
    void aRefusalByEitherServicePassesThroughUnchanged() {
        String badRequest = "{\"type\":\"https://sitework.io/problems/validation\",\"title\":\"Invalid request\",\"status\":400,"
                + "\"detail\":\"asOf must not be in the future\",\"errors\":[{\"field\":\"asOf\",\"message\":\"must not be in the future\"}]}";
        halves(400, badRequest, 400, badRequest.replace("Invalid request", "Context says"));
        client.get().uri("/api/audit/state?" + QUERY).exchange()
                .expectStatus().isEqualTo(400)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().json(badRequest, JsonCompareMode.STRICT);

        String forbidden = "{\"type\":\"https://sitework.io/problems/forbidden\",\"title\":\"Forbidden\",\"status\":403,"
                + "\"detail\":\"You may not read site 0d5e4c1a-5173-4e00-9000-00000000de30\"}";
        halves(200, WORK_HALF, 403, forbidden);
        client.get().uri("/api/audit/state?" + QUERY).exchange()
                .expectStatus().isEqualTo(403)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().json(forbidden, JsonCompareMode.STRICT);
    }

    @Test
    void aFailingServiceIsTheGatewaysOwnBadGatewayProblemNamingIt() {
        halves(200, WORK_HALF, 500, "{\"type\":\"https://sitework.io/problems/internal\",\"status\":500,\"detail\":\"boom at io.x\"}");

        Map<String, Object> problem = problemFrom(client.get().uri("/api/audit/state?" + QUERY).exchange(), 502);

        assertThat(problem).containsEntry("type", "https://sitework.io/problems/bad-gateway")
                .containsEntry("detail", "context-service broke off the exchange; try again later.");
        assertThat(problem.toString()).doesNotContain("boom");
    }

    @Test
    void withoutATokenNeitherServiceIsAsked() {
        WebTestClient anonymous = client.mutate().defaultHeaders(headers -> headers.remove(HttpHeaders.AUTHORIZATION)).build();
        anonymous.get().uri("/api/audit/state?" + QUERY).exchange().expectStatus().isUnauthorized();
        assertThat(WORK.receivedNothing()).isTrue();
        assertThat(CONTEXT.receivedNothing()).isTrue();
    }
}
