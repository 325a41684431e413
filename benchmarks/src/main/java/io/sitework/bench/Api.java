package io.sitework.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

/**
 * Sitework's HTTP API at one base URI (the gateway, or one service's own port) with one bearer token. A
 * non-2xx answer is an exception, so the load generator counts it as an error.
 */
public final class Api {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private final URI base;
    private final String token;

    public Api(URI base, String token) {
        this.base = base;
        this.token = token;
    }

    public Api as(String otherToken) {
        return new Api(base, otherToken);
    }

    public Api at(URI otherBase) {
        return new Api(otherBase, token);
    }

    public URI base() {
        return base;
    }

    public JsonNode get(String pathAndQuery) throws IOException, InterruptedException {
        return send(request(pathAndQuery).GET().build());
    }

    public JsonNode post(String path, String body) throws IOException, InterruptedException {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private HttpRequest.Builder request(String pathAndQuery) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(pathAndQuery))
                .timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json");
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return b;
    }

    private static JsonNode send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IOException(request.method() + " " + request.uri().getPath() + " -> " + response.statusCode() + " "
                    + abbreviate(response.body()));
        }
        String body = response.body();
        return body == null || body.isBlank() ? JSON.nullNode() : JSON.readTree(body);
    }

    private static String abbreviate(String s) {
        return s == null ? "" : s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }

    /** The JSON of {@code POST /api/work}: a realistic work request, optionally owned by {@code ownerId}. */
    public static String newWork(UUID siteId, String title, String ownerId) {
        return "{\"siteId\":\"" + siteId + "\",\"kind\":\"MAINTENANCE_CORRECTIVE\",\"title\":\"" + title
                + "\",\"description\":\"Pump P-101 leaks at the mechanical seal; replace the seal and check the alignment.\","
                + "\"priority\":\"HIGH\"" + (ownerId == null ? "" : ",\"ownerId\":\"" + ownerId + "\"") + "}";
    }

    public static String quote(String s) {
        try {
            return JSON.writeValueAsString(s);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
