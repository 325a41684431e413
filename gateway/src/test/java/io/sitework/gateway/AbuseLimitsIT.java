package io.sitework.gateway;

import io.sitework.gateway.devlogin.DevTokenIssuer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Body size cap, CORS for the portal's origin only, and the security headers on every answer. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "management.server.port=0",
        "sitework.dev-login.enabled=true",
        "sitework.rate-limit.store=memory",
        "sitework.rate-limit.replenish-rate=1000",
        "sitework.rate-limit.burst-capacity=2000",
        "sitework.max-body-size=4KB"
})
class AbuseLimitsIT {

    static final String PORTAL = "http://localhost:8080";
    static final String LIMIT_DETAIL = "The request body exceeds the limit of 4096 bytes.";
    static final StubBackend WORK = StubBackend.start("work");
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @DynamicPropertySource
    static void backends(DynamicPropertyRegistry registry) {
        registry.add("SITEWORK_WORK_URL", WORK::url);
    }

    @AfterAll
    static void stop() {
        WORK.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    WebTestClient client;

    @Autowired
    DevTokenIssuer tokens;

    String token;

    @BeforeEach
    void setUp() {
        WORK.reset();
        token = tokens.issue(new DevTokenIssuer.Grant("abuse-it", null, Map.of(), false)).value();
    }

    // --- body size -------------------------------------------------------------------------------------

    @Test
    void aBodyOverTheLimitIs413AndNeverForwarded() {
        Map<String, Object> problem = Problems.problemFrom(client.post().uri("/api/work")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(json(5_000))
                .exchange(), 413);

        assertThat(problem)
                .containsEntry("type", "https://sitework.io/problems/too-large")
                .containsEntry("title", "Request too large")
                .containsEntry("detail", LIMIT_DETAIL);
        assertThat(WORK.receivedNothing()).isTrue();
    }

    @Test
    void aBodyAtTheLimitPasses() throws InterruptedException {
        String body = json(4096);
        client.post().uri("/api/work")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange()
                .expectStatus().isOk();

        assertThat(WORK.takeRequest().body()).isEqualTo(body);
    }

    @Test
    void aChunkedBodyWithoutLengthIsCutOffAtTheLimit() throws Exception {
        HttpResponse<String> response = chunkedPost("/api/work", json(20_000), token);

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains(LIMIT_DETAIL, "too-large");
        assertThat(WORK.receivedNothing()).as("the service never got a whole request").isTrue();
    }

    @Test
    void aSmallChunkedBodyPasses() throws Exception {
        HttpResponse<String> response = chunkedPost("/api/work", json(1_000), token);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(WORK.takeRequest().body()).isEqualTo(json(1_000));
    }

    @Test
    void theDevLoginIsCappedToo() throws Exception {
        Problems.problemFrom(client.post().uri("/auth/dev/token").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"subject\":\"a\",\"name\":\"" + "x".repeat(5_000) + "\"}").exchange(), 413);
        assertThat(chunkedPost("/auth/dev/token", "{\"subject\":\"a\",\"name\":\"" + "x".repeat(20_000) + "\"}", null)
                .statusCode()).isEqualTo(413);
    }

    @Test
    void withoutATokenABigBodyIs401NotRead() {
        Problems.problemFrom(client.post().uri("/api/work").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(json(5_000)).exchange(), 401);
    }

    // --- CORS ------------------------------------------------------------------------------------------

    @Test
    void aPreflightFromThePortalIsAllowed() {
        client.options().uri("/api/work")
                .header(HttpHeaders.ORIGIN, PORTAL)
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "authorization,content-type,if-match,idempotency-key")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, PORTAL)
                .expectHeader().value(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, methods ->
                        assertThat(methods.split(",\\s*")).containsExactlyInAnyOrder("GET", "POST", "PUT", "DELETE"))
                .expectHeader().value(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS, headers ->
                        assertThat(headers.toLowerCase()).contains("authorization", "content-type", "if-match", "idempotency-key"))
                .expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_CREDENTIALS);
        assertThat(WORK.receivedNothing()).isTrue();
    }

    @Test
    void thePortalMayReadTheExposedHeaders() {
        client.get().uri("/api/work")
                .header(HttpHeaders.ORIGIN, PORTAL)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, PORTAL)
                .expectHeader().value(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS, exposed ->
                        assertThat(exposed.split(",\\s*")).containsExactlyInAnyOrder(
                                "ETag", "Location", "X-Correlation-Id", "Retry-After"));
    }

    @Test
    void thePortalMayLogInFromItsOrigin() {
        client.options().uri("/auth/dev/token")
                .header(HttpHeaders.ORIGIN, PORTAL)
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "content-type")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, PORTAL);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://evil.example", "http://localhost:8081", "null", "http://localhost:8080.evil.example"})
    void aPreflightFromAnyOtherOriginIsRefused(String origin) {
        Map<String, Object> problem = Problems.problemFrom(client.options().uri("/api/work")
                .header(HttpHeaders.ORIGIN, origin)
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
                .exchange()
                .expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN), 403);

        assertThat(problem).containsEntry("type", "https://sitework.io/problems/forbidden");
        assertThat(WORK.receivedNothing()).isTrue();
    }

    @Test
    void aRequestFromAnotherOriginGetsNoCorsAllowance() {
        client.get().uri("/api/work")
                .header(HttpHeaders.ORIGIN, "https://evil.example")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .exchange()
                .expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
        assertThat(WORK.receivedNothing()).isTrue();
    }

    @Test
    void aMethodOutsideTheListIsRefusedEvenFromThePortal() {
        client.options().uri("/api/work/w-1")
                .header(HttpHeaders.ORIGIN, PORTAL)
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "PATCH")
                .exchange()
                .expectStatus().isForbidden()
                .expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
    }

    // --- security headers ------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"/api/work", "/api/unknown", "/actuator/health", "/actuator/info", "/auth/dev/jwks", "/",
            "/index.html", "/assets/app.js", "/api/work (no token)", "/api/work (too large)"})
    void everyAnswerCarriesTheSecurityHeaders(String what) {
        WebTestClient.ResponseSpec response = switch (what) {
            case "/api/work (no token)" -> client.get().uri("/api/work").exchange();
            case "/api/work (too large)" -> client.post().uri("/api/work").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                    .contentType(MediaType.APPLICATION_JSON).bodyValue(json(5_000)).exchange();
            default -> client.get().uri(what).header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange();
        };
        response.expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                .expectHeader().valueEquals("X-Frame-Options", "DENY")
                .expectHeader().valueEquals("Referrer-Policy", "no-referrer")
                .expectHeader().value("Content-Security-Policy", csp -> assertThat(csp)
                        .startsWith("default-src 'self'")
                        .contains("frame-ancestors 'none'", "object-src 'none'"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/work", "/api/unknown", "/auth/dev/jwks", "/api/work (no token)"})
    void apiAnswersAreNotStored(String what) {
        WebTestClient.ResponseSpec response = what.endsWith("(no token)")
                ? client.get().uri("/api/work").exchange()
                : client.get().uri(what).header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange();
        response.expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    @Test
    void aCachePolicyOfTheServiceIsKept() {
        WORK.respond("/api/work/cacheable", exchange -> {
            exchange.getResponseHeaders().set("Cache-Control", "private, max-age=60");
            StubBackend.send(exchange, 200, "application/json", "{}");
        });

        client.get().uri("/api/work/cacheable").header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange()
                .expectStatus().isOk()
                .expectHeader().values(HttpHeaders.CACHE_CONTROL, values -> assertThat(values).containsExactly("private, max-age=60"));
    }

    @Test
    void thePortalsFilesAreNotForcedUncached() {
        // the portal sets its own policy (PortalIT): revalidated, never no-store
        client.get().uri("/index.html").exchange()
                .expectHeader().value(HttpHeaders.CACHE_CONTROL, value -> assertThat(value).doesNotContain("no-store"));
    }

    private static String json(int length) {
        String prefix = "{\"title\":\"";
        String suffix = "\"}";
        return prefix + "x".repeat(length - prefix.length() - suffix.length()) + suffix;
    }

    /** A POST whose body has no length: sent in chunks. */
    private HttpResponse<String> chunkedPost(String path, String body, String bearer) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8))));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
