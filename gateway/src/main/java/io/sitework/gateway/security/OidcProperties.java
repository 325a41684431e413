package io.sitework.gateway.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * Which tokens the gateway trusts (unless dev login is on, see {@code DevLoginProperties}): set by
 * {@code SITEWORK_OIDC_ISSUER}, {@code SITEWORK_OIDC_JWK_SET_URI} and {@code SITEWORK_OIDC_AUDIENCE}.
 *
 * @param issuer    the exact {@code iss} a token must carry
 * @param jwkSetUri the issuer's public keys, fetched when the first token arrives (not at start-up)
 * @param audience  a value the token's {@code aud} must contain
 * @param clockSkew tolerance for {@code exp} and {@code nbf}
 */
@ConfigurationProperties("sitework.oidc")
public record OidcProperties(String issuer, String jwkSetUri, String audience, Duration clockSkew) {

    public OidcProperties {
        issuer = blankToNull(issuer);
        jwkSetUri = blankToNull(jwkSetUri);
        audience = audience == null || audience.isBlank() ? "sitework" : audience.trim();
        clockSkew = clockSkew == null ? Duration.ofSeconds(30) : clockSkew;
    }

    public boolean configured() {
        return issuer != null && jwkSetUri != null;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
