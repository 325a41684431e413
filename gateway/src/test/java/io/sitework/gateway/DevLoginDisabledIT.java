package io.sitework.gateway;

import io.sitework.gateway.devlogin.DevTokenIssuer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway as production configuration leaves it (no property set but the backends' addresses): no dev
 * login, no trusted issuer — so no token opens the API — and still healthy.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "management.server.port=0")
class DevLoginDisabledIT {

    static final StubBackend WORK = StubBackend.start("work");

    @DynamicPropertySource
    static void backends(DynamicPropertyRegistry registry) {
        registry.add("SITEWORK_WORK_URL", WORK::url);
    }

    @AfterAll
    static void stop() {
        WORK.close();
    }

    @Autowired
    WebTestClient client;

    @Autowired
    ApplicationContext context;

    @Autowired
    Environment environment;

    @LocalManagementPort
    int managementPort;

    @Test
    void theDefaultConfigurationLeavesTheDevLoginOff() {
        assertThat(environment.getProperty("sitework.dev-login.enabled", Boolean.class)).isFalse();
        assertThat(context.getBeanNamesForType(DevTokenIssuer.class)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/auth/dev/jwks", "/auth/dev/users"})
    void theDevLoginEndpointsAreNotFound(String path) {
        Problems.problemFrom(client.get().uri(path).exchange(), 404);
    }

    @Test
    void noTokenCanBeObtained() {
        Problems.problemFrom(client.post().uri("/auth/dev/token").header("Content-Type", "application/json")
                .bodyValue("{\"subject\":\"olga.admin\",\"orgAdmin\":true}").exchange(), 404);
    }

    @Test
    void aTokenSignedByAnyKeyIsRefused() {
        for (String issuer : new String[]{"http://localhost:8080/auth/dev", "http://localhost:0/auth/dev"}) {
            String token = TestTokens.rs256(TestTokens.newKey("random"), TestTokens.claims(issuer, "sitework", "olga.admin")
                    .claim("org_admin", true).build());
            Problems.problemFrom(client.get().uri("/api/work").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                    .exchange(), 401);
        }
        assertThat(WORK.receivedNothing()).isTrue();
    }

    @Test
    void theGatewayIsHealthyWithoutAnIssuerOrRedis() {
        client.get().uri("/actuator/health").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
        WebTestClient.bindToServer().baseUrl("http://localhost:" + managementPort).build()
                .get().uri("/actuator/health").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP")
                .jsonPath("$.components.redis").doesNotExist();
    }
}
