package io.sitework.launcher;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;

/** Tokens from the gateway's dev login ({@code POST /auth/dev/token}): a demo user's subject gives its roles. */
final class DevLoginTokens implements TokenSource {

    static final String TOKEN_PATH = "/auth/dev/token";

    private final JsonApi api;

    DevLoginTokens(JsonApi api) {
        this.api = api;
    }

    @Override
    public String authorization(String subject) {
        JsonHttp.Response response = api.post(TOKEN_PATH, Map.of("subject", subject), Map.of());
        if (!response.isSuccess()) {
            throw new IllegalStateException("log in as " + subject + ": HTTP " + response.status());
        }
        JsonNode token = response.json().path("access_token");
        if (!token.isTextual() || token.asText().isBlank()) {
            throw new IllegalStateException("log in as " + subject + ": the answer holds no access_token");
        }
        return "Bearer " + token.asText();
    }
}
