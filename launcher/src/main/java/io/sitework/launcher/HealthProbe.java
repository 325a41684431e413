package io.sitework.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Asks a Spring Boot actuator whether its application is up. */
interface HealthProbe {

    boolean isUp(URI healthUri);

    static HealthProbe http() {
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2))
                .build();
        ObjectMapper json = new ObjectMapper();
        return uri -> {
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(3)).GET().build();
            try {
                HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                return isUp(response.statusCode(), response.body(), json);
            } catch (IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        };
    }

    /** A 200 whose JSON body says {@code "status": "UP"}. */
    static boolean isUp(int status, String body, ObjectMapper json) {
        if (status != 200 || body == null) {
            return false;
        }
        try {
            JsonNode node = json.readTree(body);
            return node != null && "UP".equals(node.path("status").asText());
        } catch (IOException e) {
            return false;
        }
    }
}
