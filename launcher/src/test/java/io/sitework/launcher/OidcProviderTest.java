package io.sitework.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OidcProviderTest {

    private static final PlatformConfig.Oidc KEYCLOAK = new PlatformConfig.Oidc("http://localhost:8180/realms/sitework/",
            "sitework", "preferred_username", "sitework-demo", "demo");
    private static final URI DISCOVERY = URI.create("http://localhost:8180/realms/sitework/.well-known/openid-configuration");

    @Test
    void theDiscoveryDocumentNamesTheKeysAndTheTokenEndpoint() throws Exception {
        OidcProvider provider = OidcProvider.from(KEYCLOAK, json("""
                {"issuer": "http://localhost:8180/realms/sitework",
                 "jwks_uri": "http://localhost:8180/realms/sitework/protocol/openid-connect/certs",
                 "token_endpoint": "http://localhost:8180/realms/sitework/protocol/openid-connect/token"}"""), DISCOVERY);

        assertThat(provider).isEqualTo(new OidcProvider("http://localhost:8180/realms/sitework", "sitework", "preferred_username",
                URI.create("http://localhost:8180/realms/sitework/protocol/openid-connect/certs"),
                URI.create("http://localhost:8180/realms/sitework/protocol/openid-connect/token")));
    }

    @Test
    void aProviderThatCallsItselfSomethingElseIsRefused() throws Exception {
        assertThatThrownBy(() -> OidcProvider.from(KEYCLOAK, json("""
                {"issuer": "http://keycloak:8080/realms/sitework", "jwks_uri": "http://k/certs", "token_endpoint": "http://k/token"}"""),
                DISCOVERY))
                .isInstanceOf(StartupException.class)
                .hasMessageContaining("\"http://keycloak:8080/realms/sitework\"").hasMessageContaining("SITEWORK_OIDC_ISSUER");
    }

    @Test
    void aDocumentWithoutKeysIsRefused() throws Exception {
        assertThatThrownBy(() -> OidcProvider.from(KEYCLOAK, json("""
                {"issuer": "http://localhost:8180/realms/sitework", "token_endpoint": "http://k/token"}"""), DISCOVERY))
                .isInstanceOf(StartupException.class).hasMessageContaining("jwks_uri");
    }

    @Test
    void aProviderThatDoesNotAnswerFailsTheStartNamingIt() {
        int closed = PortChooser.system().preferredOrFree(0);
        PlatformConfig.Oidc nowhere = new PlatformConfig.Oidc("http://127.0.0.1:" + closed + "/realms/x", "sitework", "sub", "d", "p");

        assertThatThrownBy(() -> OidcProvider.discover(nowhere, Duration.ZERO))
                .isInstanceOf(StartupException.class)
                .hasMessageContaining("http://127.0.0.1:" + closed + "/realms/x/.well-known/openid-configuration")
                .hasMessageContaining("is the provider running?");
    }

    private static JsonNode json(String text) throws Exception {
        return JsonHttp.JSON.readTree(text);
    }
}
