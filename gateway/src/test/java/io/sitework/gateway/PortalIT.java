package io.sitework.gateway;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The portal as the gateway serves it, from a built portal in a temporary directory: its files, index.html for
 * client-side routes (never for the API, the login or the actuator), cache headers, the content security policy
 * the app needs, and {@code GET /auth/config} in the embedded default (dev login).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "management.server.port=0",
        "sitework.dev-login.enabled=true",
        "sitework.rate-limit.store=memory"
})
class PortalIT {

    static final String INDEX = "<!doctype html><title>Sitework</title><script type=\"module\" src=\"/assets/index-3f9a1c.js\"></script>"
            + "<link rel=\"modulepreload\" href=\"/assets/react-C1KrJ04e.js\">";
    static final String BUNDLE = "console.log('portal');";
    /** The build is split (see portal/vite.config.ts): the entry, vendor chunks it preloads, a chunk per screen it imports on demand. */
    static final Map<String, String> CHUNKS = Map.of(
            "/assets/index-3f9a1c.js", BUNDLE,
            "/assets/react-C1KrJ04e.js", "export const react = 1;",
            "/assets/mui-BLL7VcC-.js", "export const mui = 1;",
            "/assets/Board-CLttxtWo.js", "export function BoardScreen() {}");
    static final Path PORTAL = builtPortal();
    static final StubBackend WORK = StubBackend.start("work");

    static Path builtPortal() {
        try {
            Path dir = Files.createTempDirectory("portal-it");
            Files.createDirectories(dir.resolve("assets"));
            Files.writeString(dir.resolve("index.html"), INDEX);
            for (Map.Entry<String, String> chunk : CHUNKS.entrySet()) {
                Files.writeString(dir.resolve(chunk.getKey().substring(1)), chunk.getValue());
            }
            Files.writeString(dir.resolve("robots.txt"), "User-agent: *\n");
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void configuration(DynamicPropertyRegistry registry) {
        registry.add("sitework.portal.location", () -> PORTAL.toUri().toString());
        registry.add("SITEWORK_WORK_URL", WORK::url);
    }

    @AfterAll
    static void cleanUp() throws IOException {
        WORK.close();
        try (Stream<Path> files = Files.walk(PORTAL)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    @Autowired
    WebTestClient client;

    @LocalServerPort
    int port;

    @Test
    void theStartPageIsTheAppAndIsRevalidatedOnEveryLoad() {
        client.get().uri("/").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectHeader().valueEquals("Cache-Control", "no-cache")
                .expectBody(String.class).isEqualTo(INDEX);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/sites/0d5e4c1a-5173-4e00-9000-00000000de30/board", "/work/5b0c6d1e-1111-4e00-9000-000000000001",
            "/notifications", "/login", "/login/callback", "/index.html"})
    void clientSideRoutesGetTheApp(String path) {
        client.get().uri(path).exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectHeader().valueEquals("Cache-Control", "no-cache")
                .expectBody(String.class).isEqualTo(INDEX);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/assets/index-3f9a1c.js", "/assets/react-C1KrJ04e.js", "/assets/mui-BLL7VcC-.js", "/assets/Board-CLttxtWo.js"})
    void hashedBundlesAndChunksAreCachedForAYearAsImmutable(String path) {
        client.get().uri(path).exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith("text/javascript")
                .expectHeader().value("Cache-Control", value -> assertThat(value)
                        .contains("max-age=31536000", "public", "immutable"))
                .expectBody(String.class).isEqualTo(CHUNKS.get(path));
    }

    @Test
    void otherFilesAreServedAndRevalidated() {
        client.get().uri("/robots.txt").exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("Cache-Control", "no-cache")
                .expectBody(String.class).isEqualTo("User-agent: *\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/assets/index-000000.js", "/favicon.ico", "/assets/app.css"})
    void aMissingFileIsNotFoundRatherThanTheApp(String path) {
        client.get().uri(path).exchange()
                .expectStatus().isNotFound()
                .expectBody(String.class).value(body -> assertThat(body == null ? "" : body).doesNotContain("<title>Sitework"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/%2e%2e/%2e%2e/etc/passwd.txt", "/assets/%2e%2e/%2e%2e/etc/hosts.txt", "/.env.txt"})
    void nothingOutsideThePortalIsServed(String path) {
        client.get().uri(java.net.URI.create("http://localhost:" + port + path)).exchange()
                .expectStatus().value(status -> assertThat(status).isBetween(400, 499))
                .expectBody(String.class).value(body -> assertThat(body == null ? "" : body).doesNotContain("localhost", "root:"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/work", "/api", "/api/sites/x"})
    void theApiIsNeverAnsweredWithTheApp(String path) {
        client.get().uri(path).exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/auth/nothing", "/actuator/env", "/auth"})
    void theLoginAndActuatorPathsAreNeverAnsweredWithTheApp(String path) {
        client.get().uri(path).exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void thePolicyLetsTheAppRunAndNothingElse() {
        client.get().uri("/").exchange()
                .expectHeader().value("Content-Security-Policy", csp -> assertThat(csp)
                        .contains("script-src 'self';", "style-src 'self' 'unsafe-inline';", "connect-src 'self';",
                                "frame-ancestors 'none'", "object-src 'none'")
                        .doesNotContain("script-src 'self' 'unsafe-inline'", "unsafe-eval"))
                .expectHeader().valueEquals("X-Frame-Options", "DENY")
                .expectHeader().valueEquals("X-Content-Type-Options", "nosniff");
    }

    @Test
    void theLoginConfigurationNamesTheDevLoginAndItsDemoUsers() {
        Map<String, Object> config = client.get().uri("/auth/config").exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("Cache-Control", "no-store")
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { })
                .returnResult().getResponseBody();

        assertThat(config).containsEntry("mode", "dev").doesNotContainKeys("issuer", "clientId");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> users = (List<Map<String, Object>>) config.get("users");
        assertThat(users).extracting(user -> user.get("subject"))
                .contains("anna.planner", "bruno.tech", "paul.permits", "audrey.auditor", "olga.admin");
        assertThat(users).filteredOn(user -> "bruno.tech".equals(user.get("subject"))).singleElement()
                .satisfies(bruno -> assertThat(bruno.get("sites"))
                        .isEqualTo(Map.of("0d5e4c1a-5173-4e00-9000-00000000de30", List.of("TECHNICIAN"))));
    }
}
