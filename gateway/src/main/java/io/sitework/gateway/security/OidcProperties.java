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
 * @param userClaim the claim naming the user ({@code SITEWORK_OIDC_USER_CLAIM}): {@code sub} by default, e.g.
 *                  {@code preferred_username} where the provider's {@code sub} is an opaque id; a token without it is
 *                  refused
 */
@ConfigurationProperties("sitework.oidc")
public record OidcProperties(String issuer, String jwkSetUri, String audience, Duration clockSkew, String userClaim) {

    public OidcProperties {
        issuer = blankToNull(issuer);
        jwkSetUri = blankToNull(jwkSetUri);
        audience = audience == null || audience.isBlank() ? "sitework" : audience.trim();
        clockSkew = clockSkew == null ? Duration.ofSeconds(30) : clockSkew;
        userClaim = userClaim == null || userClaim.isBlank() ? "sub" : userClaim.trim();
        if (!userClaim.matches("[A-Za-z_][A-Za-z0-9_.:-]{0,99}")) {
            throw new IllegalArgumentException("sitework.oidc.user-claim (SITEWORK_OIDC_USER_CLAIM) must be a claim name, not '" + userClaim + "'");
        }
    }

    public boolean configured() {
        return issuer != null && jwkSetUri != null;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
