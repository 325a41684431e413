package io.sitework.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Sitework with a real OIDC provider: Keycloak (its own distribution, from Maven Central) with the demo realm
 * docker-compose imports (deploy/keycloak/sitework-realm.json), and the platform started as the launcher does with
 * {@code SITEWORK_OIDC_ISSUER} set — the dev login off, every process trusting Keycloak's keys, users named by
 * {@code preferred_username}, the demo data seeded by the demo users' password grant. Checked: the realm imports and
 * issues the tokens the gateway and the services expect (sites, roles, audience, user claim); the API honours and
 * refuses them as it does the dev login's; and in Debian's Chromium ({@code portal/e2e/oidc.e2e.mjs}) the portal
 * logs in at Keycloak's login page with authorization code + PKCE, renews the access token with the refresh token,
 * and logs out of Keycloak too. Skipped, saying why, where no Java 21+ runs Keycloak (it needs one) or the build
 * did not unpack it; the browser part also where node, Chromium or the built portal is missing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KeycloakLoginIT {

    private static final String NORTH = DemoData.SITE_ID.toString();
    /** Longer than the portal's renewal margin (60 s), so that the browser sees a renewal within the test. */
    private static final Duration ACCESS_TOKEN_LIFESPAN = Duration.ofSeconds(66);

    @TempDir
    static Path tmp;

    private KeycloakServer keycloak;
    private Platform platform;
    private JsonHttp api;

    @BeforeAll
    void startKeycloakAndThePlatform() throws Exception {
        Optional<Path> home = KeycloakServer.home();
        Optional<Path> java = KeycloakServer.java21OrLater();
        assumeTrue(home.isPresent(), "Keycloak's distribution was not unpacked (sitework.keycloak.home): the OIDC test is skipped");
        assumeTrue(java.isPresent(), "Keycloak needs Java 21 or later and none was found (SITEWORK_KEYCLOAK_JAVA_HOME, "
                + "/usr/lib/jvm): the OIDC test is skipped");

        PortChooser ports = PortChooser.system();
        int gatewayPort = ports.preferredOrFree(0);
        int keycloakPort = ports.preferredOrFree(0);
        int managementPort = ports.preferredOrFree(0);
        keycloak = KeycloakServer.start(home.get(), java.get(), tmp, keycloakPort, managementPort,
                URI.create("http://localhost:" + gatewayPort), ACCESS_TOKEN_LIFESPAN);
        // Kafka, PostgreSQL and Mongo start while Keycloak does; the platform waits for Keycloak's discovery document
        PlatformConfig.Oidc oidc = LauncherArgs.oidc(Map.of(
                "SITEWORK_OIDC_ISSUER", keycloak.issuer(),
                "SITEWORK_OIDC_USER_CLAIM", "preferred_username"));
        try {
            platform = TestPlatforms.start(tmp, "oidc", Duration.ofSeconds(180), List.of(),
                    config -> config.gatewayPort(gatewayPort).oidc(oidc));
        } catch (RuntimeException e) {
            System.out.println("---- end of keycloak.log\n" + keycloak.tail());
            throw e;
        }
        keycloak.awaitReady(managementPort, Duration.ofSeconds(30));
        api = new JsonHttp(platform.gatewayUri());
    }

    @AfterAll
    void stopEverything() throws Exception {
        TestPlatforms.stopAndDropDatabases(platform);
        if (keycloak != null) {
            keycloak.close();
        }
    }

    @Test
    @Order(1)
    void theDemoRealmsTokensAreHonouredAndRefusedAsTheDevLoginsAre() {
        assertThat(platform.oidcIssuer()).isEqualTo(keycloak.issuer());
        assertThat(platform.demoSeedResult().outcome())
                .as("the demo data, seeded with the demo users' password grant: %s", platform.demoSeedResult().detail())
                .isEqualTo(DemoSeedResult.Outcome.CREATED);

        JsonNode config = api.get("/auth/config", Map.of()).json();
        assertThat(config.path("mode").asText()).isEqualTo("oidc");
        assertThat(config.path("issuer").asText()).isEqualTo(keycloak.issuer());
        assertThat(config.path("clientId").asText()).isEqualTo("sitework");
        assertThat(config.path("userClaim").asText()).isEqualTo("preferred_username");
        assertThat(api.post("/auth/dev/token", Map.of("subject", "anna.planner"), Map.of()).status())
                .as("the dev login is off").isIn(401, 404);

        PasswordGrantTokens tokens = new PasswordGrantTokens(keycloak.tokenEndpoint(), "sitework-demo", "demo");
        Map<String, String> anna = Map.of("Authorization", tokens.authorization("anna.planner"));
        JsonHttp.Response board = api.get("/api/work?siteId=" + NORTH, anna);
        assertThat(board.status()).as(board.body()).isEqualTo(200);
        assertThat(board.json().path("total").asInt()).as("the demo work of the site").isPositive();

        String title = "Check the Keycloak login (" + UUID.randomUUID() + ")";
        JsonHttp.Response created = api.post("/api/work", Map.of("siteId", NORTH, "kind", "OTHER", "title", title,
                "priority", "LOW", "ownerId", "bruno.tech"), anna);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode work = api.get("/api/work/" + created.json().path("id").asText(), anna).json();
        assertThat(work.path("transitions").path("requestedBy").asText())
                .as("the actor is Keycloak's preferred_username, not its opaque sub").isEqualTo("anna.planner");

        Map<String, String> tom = Map.of("Authorization", tokens.authorization("tom.south"));
        assertThat(api.get("/api/work?siteId=" + NORTH, tom).status()).as("a technician of the other site").isEqualTo(403);
        assertThat(api.get("/api/work?siteId=" + NORTH, Map.of()).status()).as("no token").isEqualTo(401);
        assertThat(api.get("/api/work?siteId=" + NORTH, Map.of("Authorization", forged(tokens.authorization("tom.south")))).status())
                .as("Tom's token with the north site written into it").isEqualTo(401);
    }

    /** {@code bearer}'s token with its sites claim changed to the north site, its signature kept. */
    private static String forged(String bearer) {
        String[] parts = bearer.substring("Bearer ".length()).split("\\.");
        Base64.Decoder decoder = Base64.getUrlDecoder();
        String payload = new String(decoder.decode(parts[1]), StandardCharsets.UTF_8)
                .replace(DemoData.SOUTH_SITE_ID.toString(), NORTH);
        assertThat(payload).contains(NORTH);
        return "Bearer " + parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8))
                + "." + parts[2];
    }

    @Test
    @Order(2)
    void thePortalLogsInAtKeycloakRenewsTheTokenAndLogsOut() throws Exception {
        BrowserScenario.assumeRunnable(platform.gatewayUri(), "the portal's OIDC browser test");

        BrowserScenario.Result browser = BrowserScenario.run("oidc.e2e.mjs", Map.of(
                "SITEWORK_URL", platform.publicUrl().toString(),
                "SITEWORK_OIDC_ISSUER", keycloak.issuer()), Duration.ofMinutes(5));

        assertThat(browser.finished()).as("the OIDC browser scenario did not finish within 5 minutes:%n%s", browser.output()).isTrue();
        assertThat(browser.exitCode()).as("the OIDC browser scenario failed:%n%s%n---- keycloak.log%n%s", browser.output(), keycloak.tail())
                .isZero();
        assertThat(browser.output()).contains("OIDC E2E PASSED");
    }
}
