package io.sitework.support.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * Which tokens a service trusts. Set by environment in every deployment: SITEWORK_OIDC_ISSUER,
 * SITEWORK_OIDC_JWK_SET_URI, SITEWORK_OIDC_AUDIENCE, SITEWORK_OIDC_USER_CLAIM.
 *
 * @param issuer    the exact {@code iss} a token must carry
 * @param jwkSetUri where the issuer's public keys are (fetched when the first token arrives)
 * @param audience  a value the token's {@code aud} must contain
 * @param clockSkew tolerance for {@code exp} and {@code nbf}
 * @param userClaim the claim that names the user — the id recorded as actor, owner and inbox recipient:
 *                  {@code sub} (default; the dev login's is the login), or e.g. {@code preferred_username} for a
 *                  provider whose {@code sub} is an opaque id (Keycloak)
 */
@ConfigurationProperties("sitework.security")
public record SecurityProperties(String issuer, String jwkSetUri, String audience, Duration clockSkew, String userClaim) {

    public SecurityProperties {
        if (issuer == null || issuer.isBlank()) {
            throw new IllegalArgumentException("sitework.security.issuer (SITEWORK_OIDC_ISSUER) must be set");
        }
        if (jwkSetUri == null || jwkSetUri.isBlank()) {
            throw new IllegalArgumentException("sitework.security.jwk-set-uri (SITEWORK_OIDC_JWK_SET_URI) must be set");
        }
        audience = audience == null || audience.isBlank() ? "sitework" : audience;
        clockSkew = clockSkew == null ? Duration.ofSeconds(30) : clockSkew;
        userClaim = JwtUserConverter.claimName(userClaim);
    }
}
