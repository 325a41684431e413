package io.sitework.launcher;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SeedCommandTest {

    @Test
    void withoutATokenUrlTheDemoUsersLogInAtTheDevLogin() {
        SeedCommand.Settings settings = SeedCommand.Settings.from(Map.of());

        assertThat(settings.gateway()).isEqualTo(URI.create("http://localhost:8080"));
        assertThat(settings.tokenUrl()).isNull();
        assertThat(settings.timeout()).isEqualTo(Duration.ofMinutes(3));
        assertThat(settings.tokens(new JsonHttp(settings.gateway()))).isInstanceOf(DevLoginTokens.class);
    }

    @Test
    void aTokenUrlMeansThePasswordGrantOfTheNamedClient() {
        SeedCommand.Settings settings = SeedCommand.Settings.from(Map.of(
                "SITEWORK_SEED_GATEWAY_URL", "http://gateway:8080",
                "SITEWORK_SEED_TOKEN_URL", "http://keycloak:8080/realms/sitework/protocol/openid-connect/token",
                "SITEWORK_SEED_PASSWORD", "demo",
                "SITEWORK_SEED_TIMEOUT", "PT10S"));

        assertThat(settings.gateway()).isEqualTo(URI.create("http://gateway:8080"));
        assertThat(settings.clientId()).isEqualTo("sitework-demo");
        assertThat(settings.timeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.tokens(new JsonHttp(settings.gateway()))).isInstanceOf(PasswordGrantTokens.class);
    }

    @Test
    void badSettingsAreNamed() {
        assertThatThrownBy(() -> SeedCommand.Settings.from(Map.of("SITEWORK_SEED_TOKEN_URL", "http://keycloak:8080/token")))
                .hasMessageContaining("SITEWORK_SEED_PASSWORD");
        assertThatThrownBy(() -> SeedCommand.Settings.from(Map.of("SITEWORK_SEED_GATEWAY_URL", "gateway:8080")))
                .hasMessageContaining("SITEWORK_SEED_GATEWAY_URL");
        assertThatThrownBy(() -> SeedCommand.Settings.from(Map.of("SITEWORK_SEED_TIMEOUT", "3 minutes")))
                .hasMessageContaining("SITEWORK_SEED_TIMEOUT");
    }

    @Test
    void exitsWith2OnBadSettingsAnd1WhenThePlatformCannotBeReached() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);

        assertThat(SeedCommand.run(Map.of("SITEWORK_SEED_TIMEOUT", "soon"), outStream, errStream)).isEqualTo(2);
        // port 9 (discard) on loopback: nothing listens there; one attempt, then the deadline has passed
        assertThat(SeedCommand.run(Map.of("SITEWORK_SEED_GATEWAY_URL", "http://127.0.0.1:9",
                "SITEWORK_SEED_TIMEOUT", "PT0S"), outStream, errStream)).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Seeding failed");
    }
}
