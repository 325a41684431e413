package io.sitework.gateway;

import com.nimbusds.jose.jwk.RSAKey;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The token checks in production mode: an external OIDC issuer whose JWK set (served here by a stub) is
 * fetched when the first token arrives, not at start-up.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "management.server.port=0",
        "sitework.rate-limit.store=memory",
        "sitework.rate-limit.replenish-rate=1000",
        "sitework.rate-limit.burst-capacity=2000"
})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OidcTokenValidationIT extends TokenValidationContract {

    static final String ISSUER = "https://idp.example.test/realms/sitework";
    static final RSAKey IDP_KEY = TestTokens.newKey("idp-key-1");
    static final StubBackend IDP = StubBackend.start("idp");

    static final Backends BACKENDS = Backends.start();

    static {
        IDP.respond("/realms/sitework/certs", exchange ->
                StubBackend.send(exchange, 200, "application/json", TestTokens.jwks(IDP_KEY)));
    }

    @DynamicPropertySource
    static void configuration(DynamicPropertyRegistry registry) {
        BACKENDS.register(registry);
        registry.add("SITEWORK_OIDC_ISSUER", () -> ISSUER);
        registry.add("SITEWORK_OIDC_JWK_SET_URI", () -> IDP.url() + "/realms/sitework/certs");
    }

    @AfterAll
    static void stopBackends() {
        BACKENDS.close();
        IDP.close();
    }

    OidcTokenValidationIT() {
        super(BACKENDS);
    }

    @Override
    RSAKey trustedKey() {
        return IDP_KEY;
    }

    @Override
    String trustedIssuer() {
        return ISSUER;
    }

    @Test
    @Order(0)
    void theKeySetIsFetchedWhenTheFirstTokenArrivesNotAtStartUp() throws InterruptedException {
        assertThat(IDP.receivedNothing()).as("the gateway started without asking the issuer").isTrue();

        client.get().uri("/api/work").header(HttpHeaders.AUTHORIZATION, "Bearer " + valid())
                .exchange().expectStatus().isOk();

        assertThat(IDP.takeRequest().pathAndQuery()).isEqualTo("/realms/sitework/certs");
    }

    @Test
    void theDevLoginIsNotThere() {
        Problems.problemFrom(client.post().uri("/auth/dev/token").header("Content-Type", "application/json")
                .bodyValue("{\"subject\":\"anna.planner\"}").exchange(), 404);
        Problems.problemFrom(client.get().uri("/auth/dev/jwks").exchange(), 404);
        assertNothingForwarded();
    }
}
