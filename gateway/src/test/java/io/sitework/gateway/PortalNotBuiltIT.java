package io.sitework.gateway;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A gateway built where npm was missing (an empty portal) and pointed at an OIDC provider: every page says how
 * to build the portal, the API still answers, and {@code /auth/config} sends the portal to the provider
 * (authorization code + PKCE), whose origin the content security policy lets the browser reach.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "management.server.port=0",
        "sitework.rate-limit.store=memory",
        "sitework.oidc.issuer=https://login.example.com/realms/sitework",
        "sitework.oidc.jwk-set-uri=https://login.example.com/realms/sitework/protocol/openid-connect/certs",
        "sitework.portal.oidc-client-id=sitework-portal-test",
        "sitework.portal.oidc-scope=openid profile email",
        "sitework.oidc.user-claim=preferred_username"
})
class PortalNotBuiltIT {

    static final Path EMPTY = emptyDirectory();
    static final StubBackend WORK = StubBackend.start("work");

    static Path emptyDirectory() {
        try {
            return Files.createTempDirectory("portal-not-built-it");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void configuration(DynamicPropertyRegistry registry) {
        registry.add("sitework.portal.location", () -> EMPTY.toUri().toString());
        registry.add("SITEWORK_WORK_URL", WORK::url);
    }

    @AfterAll
    static void cleanUp() throws IOException {
        WORK.close();
        Files.deleteIfExists(EMPTY);
    }

    @Autowired
    WebTestClient client;

    @Test
    void everyPageSaysThePortalWasNotBuiltAndHowToBuildIt() {
        for (String path : new String[] {"/", "/sites/x/board"}) {
            client.get().uri(path).exchange()
                    .expectStatus().isOk()
                    .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                    .expectBody(String.class).value(page -> assertThat(page)
                            .contains("the portal was not built", "npm", "./mvnw -B -q -DskipTests package"));
        }
    }

    @Test
    void theApiStillAnswers() {
        client.get().uri("/api/work").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void theLoginConfigurationSendsThePortalToTheProvider() {
        Map<String, Object> config = client.get().uri("/auth/config").exchange()
                .expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { })
                .returnResult().getResponseBody();

        assertThat(config).containsExactlyInAnyOrderEntriesOf(Map.of(
                "mode", "oidc",
                "issuer", "https://login.example.com/realms/sitework",
                "clientId", "sitework-portal-test",
                "scope", "openid profile email",
                "userClaim", "preferred_username"));
    }

    @Test
    void thePolicyLetsTheBrowserReachTheProviderOnly() {
        client.get().uri("/").exchange()
                .expectHeader().value("Content-Security-Policy", csp -> assertThat(csp)
                        .contains("connect-src 'self' https://login.example.com;", "frame-src 'self' https://login.example.com;")
                        .doesNotContain("/realms"));
    }

    @Test
    void theDevLoginIsAbsent() {
        client.get().uri("/auth/dev/users").exchange().expectStatus().isNotFound();
    }
}
