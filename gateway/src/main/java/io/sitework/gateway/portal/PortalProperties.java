package io.sitework.gateway.portal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the portal's built files are and how the portal logs people in ({@code sitework.portal.*}).
 *
 * @param location     the directory of the built single-page app: {@code classpath:/static/} (the portal jar) by
 *                     default, or a {@code file:} directory (tests, a portal served from disk)
 * @param oidcIssuer   the OIDC provider the portal sends people to ({@code SITEWORK_PORTAL_OIDC_ISSUER}, by
 *                     default the issuer the gateway trusts, {@code SITEWORK_OIDC_ISSUER})
 * @param oidcClientId the portal's public client at that provider ({@code SITEWORK_PORTAL_OIDC_CLIENT_ID})
 * @param oidcScope    the scopes it asks for ({@code SITEWORK_PORTAL_OIDC_SCOPE})
 */
@ConfigurationProperties("sitework.portal")
public record PortalProperties(String location, String oidcIssuer, String oidcClientId, String oidcScope) {

    public PortalProperties {
        location = blank(location) ? "classpath:/static/" : withSlash(location.trim());
        oidcIssuer = blank(oidcIssuer) ? null : oidcIssuer.trim();
        oidcClientId = blank(oidcClientId) ? "sitework-portal" : oidcClientId.trim();
        oidcScope = blank(oidcScope) ? "openid profile" : oidcScope.trim();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String withSlash(String location) {
        return location.endsWith("/") ? location : location + "/";
    }
}
