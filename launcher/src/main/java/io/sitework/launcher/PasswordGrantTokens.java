package io.sitework.launcher;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Tokens from an OIDC provider's token endpoint with the resource-owner password grant, as docker-compose's
 * seeder logs the demo users in at Keycloak (client {@code sitework-demo} of deploy/keycloak/sitework-realm.json).
 * The password grant suits a demo realm whose users and passwords are public; never a production realm.
 */
final class PasswordGrantTokens implements TokenSource {

    private final URI tokenEndpoint;
    private final String clientId;
    private final String password;
    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    /** {@code password}: the demo users' shared password. */
    PasswordGrantTokens(URI tokenEndpoint, String clientId, String password) {
        this.tokenEndpoint = tokenEndpoint;
        this.clientId = clientId;
        this.password = password;
    }

    @Override
    public String authorization(String subject) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "password");
        form.put("client_id", clientId);
        form.put("username", subject);
        form.put("password", password);
        form.put("scope", "openid");
        String body = form.entrySet().stream()
                .map(e -> JsonHttp.query(e.getKey()) + "=" + JsonHttp.query(e.getValue()))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(tokenEndpoint)
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpResponse<String> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("log in as " + subject + " at " + tokenEndpoint + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
        JsonNode json = new JsonHttp.Response(response.statusCode(), response.headers(), response.body()).json();
        if (response.statusCode() != 200) {
            // an OAuth error answer names the reason (invalid_grant: unknown user or wrong password)
            throw new IllegalStateException("log in as " + subject + " at " + tokenEndpoint + ": HTTP "
                    + response.statusCode() + " " + json.path("error").asText("") + " " + json.path("error_description").asText(""));
        }
        JsonNode token = json.path("access_token");
        if (!token.isTextual() || token.asText().isBlank()) {
            throw new IllegalStateException("log in as " + subject + ": the answer holds no access_token");
        }
        return "Bearer " + token.asText();
    }
}
