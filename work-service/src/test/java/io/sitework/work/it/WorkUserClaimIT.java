package io.sitework.work.it;

import io.sitework.support.security.Role;
import io.sitework.support.test.Http;
import io.sitework.support.test.TestInfrastructure;
import io.sitework.support.test.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A provider whose {@code sub} is an opaque id (Keycloak's): with {@code SITEWORK_OIDC_USER_CLAIM=preferred_username}
 * the user is named by the login in that claim — as the actor of the events, the requester and the owner that
 * "my work" means — and a token without the claim is refused with 401.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "sitework.security.user-claim=preferred_username")
class WorkUserClaimIT {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "work_user_claim");
    }

    @LocalServerPort
    int port;

    private final String site = UUID.randomUUID().toString();

    private String keycloakToken(String login, Role role) {
        return TestTokens.sign(TestTokens.claims(UUID.randomUUID().toString(), Map.of(site, List.of(role.name())), false)
                .claim("preferred_username", login)
                .build());
    }

    @Test
    void theLoginInTheConfiguredClaimNamesTheUser() {
        Http anna = new Http("http://127.0.0.1:" + port).as(keycloakToken("anna.planner", Role.PLANNER));
        Http.Response created = anna.post("/api/work", """
                {"siteId":"%s","kind":"MAINTENANCE_CORRECTIVE","title":"Pump P-101 leaking","priority":"HIGH","ownerId":"bruno.tech"}"""
                .formatted(site));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("transitions").get("requestedBy").asText()).isEqualTo("anna.planner");
        String id = created.json().get("id").asText();

        // the history, read by bruno (another opaque sub), names the actor by her login
        Http bruno = new Http("http://127.0.0.1:" + port).as(keycloakToken("bruno.tech", Role.TECHNICIAN));
        Http.Response history = bruno.get("/api/work/" + id + "/history");
        assertThat(history.status()).as(history.body()).isEqualTo(200);
        assertThat(history.json().get("items").get(0).get("actor").asText()).isEqualTo("anna.planner");
    }

    @Test
    void aTokenWithoutTheClaimIsRefused() {
        String subOnly = TestTokens.forSite("anna.planner", site, Role.PLANNER);
        Http.Response refused = new Http("http://127.0.0.1:" + port).as(subOnly).get("/api/work?siteId=" + site);
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.header("Content-Type")).contains("application/problem+json");
        assertThat(refused.body()).doesNotContain("Exception");
    }
}
