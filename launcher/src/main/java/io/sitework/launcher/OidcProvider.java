package io.sitework.launcher;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * An OIDC provider as its discovery document ({@code <issuer>/.well-known/openid-configuration}) describes it:
 * where its signing keys are (the services and the gateway fetch them) and its token endpoint (the demo seeding
 * logs the demo users in there).
 */
record OidcProvider(String issuer, String clientId, String userClaim, URI jwkSetUri, URI tokenEndpoint) {

    /**
     * Reads {@code settings.issuer()}'s discovery document, asking again until {@code timeout} (a provider
     * started with the platform may still be starting). Fails naming the provider and what was wrong: no answer,
     * an error status, a document without keys, or one for another issuer (tokens would then never validate).
     */
    static OidcProvider discover(PlatformConfig.Oidc settings, Duration timeout) {
        String issuer = settings.issuer().replaceAll("/+$", "");
        URI discovery = URI.create(issuer + "/.well-known/openid-configuration");
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        Instant deadline = Instant.now().plus(timeout);
        String lastProblem;
        for (;;) {
            try {
                HttpResponse<String> response = client.send(HttpRequest.newBuilder(discovery).timeout(Duration.ofSeconds(10))
                        .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return from(settings, new JsonHttp.Response(response.statusCode(), response.headers(), response.body()).json(),
                            discovery);
                }
                lastProblem = "HTTP " + response.statusCode();
            } catch (IOException e) {
                lastProblem = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw failure("Interrupted while asking the OIDC provider " + issuer);
            }
            if (Instant.now().isAfter(deadline)) {
                throw failure("The OIDC provider " + issuer + " did not describe itself at " + discovery + " ("
                        + lastProblem + "). Is SITEWORK_OIDC_ISSUER right, and is the provider running?");
            }
            try {
                Thread.sleep(1_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw failure("Interrupted while asking the OIDC provider " + issuer);
            }
        }
    }

    private static StartupException failure(String message) {
        return new StartupException(message, null, List.of());
    }

    /** The provider a discovery document describes; see {@link #discover}. */
    static OidcProvider from(PlatformConfig.Oidc settings, JsonNode document, URI discovery) {
        String issuer = settings.issuer().replaceAll("/+$", "");
        String declared = document.path("issuer").asText("");
        if (!declared.replaceAll("/+$", "").equals(issuer)) {
            throw failure("The OIDC provider at " + discovery + " calls itself \"" + declared + "\", not " + issuer
                    + ": its tokens would be refused. Set SITEWORK_OIDC_ISSUER to the issuer its tokens carry.");
        }
        String keys = document.path("jwks_uri").asText("");
        String token = document.path("token_endpoint").asText("");
        if (keys.isBlank() || token.isBlank()) {
            throw failure("The OIDC provider's discovery document " + discovery + " names no "
                    + (keys.isBlank() ? "jwks_uri" : "token_endpoint"));
        }
        return new OidcProvider(declared, settings.clientId(), settings.userClaim(), URI.create(keys), URI.create(token));
    }
}
