package io.sitework.gateway.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.Arrays;
import java.util.List;

/**
 * The portal's origin ({@code SITEWORK_PORTAL_ORIGIN}, default {@code http://localhost:8080}): the only
 * origin allowed to call the API from a browser page served elsewhere. A comma-separated list is accepted.
 */
@ConfigurationProperties("sitework.cors")
public record CorsProperties(String portalOrigin) {

    public List<String> origins() {
        if (portalOrigin == null || portalOrigin.isBlank()) {
            return List.of();
        }
        return Arrays.stream(portalOrigin.split(","))
                .map(String::trim)
                .filter(origin -> !origin.isEmpty())
                .map(origin -> origin.endsWith("/") ? origin.substring(0, origin.length() - 1) : origin)
                .toList();
    }
}
