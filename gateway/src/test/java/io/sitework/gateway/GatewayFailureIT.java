package io.sitework.gateway;

import io.sitework.gateway.devlogin.DevTokenIssuer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The gateway's answers when a backend is down or slow. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "management.server.port=0",
        "sitework.dev-login.enabled=true",
        "sitework.rate-limit.replenish-rate=1000",
        "sitework.rate-limit.burst-capacity=2000",
        "spring.cloud.gateway.server.webflux.httpclient.response-timeout=500ms"
})
class GatewayFailureIT {

    static final int CLOSED_PORT = freePort();
    static final StubBackend SLOW_CONTEXT = StubBackend.start("context");
    static final StubBackend STREAMING_NOTIFICATION = StubBackend.start("notification");

    @DynamicPropertySource
    static void backends(DynamicPropertyRegistry registry) {
        registry.add("SITEWORK_WORK_URL", () -> "http://127.0.0.1:" + CLOSED_PORT);
        registry.add("SITEWORK_CONTEXT_URL", SLOW_CONTEXT::url);
        registry.add("SITEWORK_NOTIFICATION_URL", STREAMING_NOTIFICATION::url);
    }

    @AfterAll
    static void stopBackends() {
        SLOW_CONTEXT.close();
        STREAMING_NOTIFICATION.close();
    }

    @Autowired
    WebTestClient client;

    @Autowired
    DevTokenIssuer tokens;

    @BeforeEach
    void authenticate() {
        String token = tokens.issue(new DevTokenIssuer.Grant("gateway-it", null, Map.of(), false)).value();
        client = client.mutate().defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token).build();
    }

    @Test
    void answersServiceUnavailableProblemWhenTheBackendIsDown() {
        Map<String, Object> problem = problemFrom(client.get().uri("/api/work?siteId=s-1")
                .header("X-Correlation-Id", "down-1")
                .exchange()
                .expectStatus().isEqualTo(503));

        assertThat(problem)
                .containsEntry("type", "https://sitework.io/problems/service-unavailable")
                .containsEntry("status", 503)
                .containsEntry("detail", "work-service is unavailable; try again later.")
                .containsEntry("correlationId", "down-1");
        assertThat(problem.toString()).doesNotContain("127.0.0.1", String.valueOf(CLOSED_PORT), "Exception");
    }

    @Test
    void theComposedAuditStateNamesWorkServiceWhenItIsDown() {
        Map<String, Object> problem = problemFrom(client.get().uri("/api/audit/state?siteId=s-1")
                .exchange()
                .expectStatus().isEqualTo(503));

        assertThat(problem).containsEntry("detail", "work-service is unavailable; try again later.");
    }

    @Test
    void answersGatewayTimeoutProblemWhenTheBackendIsTooSlow() {
        SLOW_CONTEXT.respond("/api/permits/p-slow", exchange -> {
            Thread.sleep(3_000);
            StubBackend.send(exchange, 200, "application/json", "{}");
        });

        Map<String, Object> problem = problemFrom(client.mutate().responseTimeout(Duration.ofSeconds(10)).build()
                .get().uri("/api/permits/p-slow")
                .exchange()
                .expectStatus().isEqualTo(504));

        assertThat(problem)
                .containsEntry("type", "https://sitework.io/problems/gateway-timeout")
                .containsEntry("status", 504)
                .containsEntry("detail", "context-service did not answer in time.");
    }

    @Test
    void keepsAStreamOpenPastTheResponseTimeoutOnceHeadersArrived() {
        STREAMING_NOTIFICATION.respond("/api/notifications/stream", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write("data: first\n\n".getBytes(StandardCharsets.UTF_8));
                out.flush();
                Thread.sleep(1_200);
                out.write("data: second\n\n".getBytes(StandardCharsets.UTF_8));
            }
        });

        client.mutate().responseTimeout(Duration.ofSeconds(10)).build()
                .get().uri("/api/notifications/stream")
                .exchange()
                .expectStatus().isOk()
                .expectBody(String.class).isEqualTo("data: first\n\ndata: second\n\n");
    }

    private static Map<String, Object> problemFrom(WebTestClient.ResponseSpec response) {
        EntityExchangeResult<Map<String, Object>> result = response
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { })
                .returnResult();
        Map<String, Object> problem = result.getResponseBody();
        assertThat(problem).containsKeys("type", "title", "status", "detail")
                .containsEntry("correlationId", result.getResponseHeaders().getFirst("X-Correlation-Id"));
        return problem;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
