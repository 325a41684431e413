package io.sitework.gateway.security;

import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;

import java.time.Clock;
import java.time.Duration;

/**
 * The claim checks of the token contract, on top of the RS256 signature the decoder verifies: {@code exp}
 * present and not passed, {@code nbf} not in the future (both with the clock skew), {@code iss} equal to
 * the trusted issuer, {@code aud} containing the audience, and a {@code sub} to name the user.
 */
public final class TokenValidators {

    private TokenValidators() {
    }

    public static OAuth2TokenValidator<Jwt> of(String issuer, String audience, Duration clockSkew, Clock clock) {
        return of(issuer, audience, clockSkew, clock, "sub");
    }

    /** As {@link #of(String, String, Duration, Clock)}, the user named by {@code userClaim} rather than {@code sub}. */
    public static OAuth2TokenValidator<Jwt> of(String issuer, String audience, Duration clockSkew, Clock clock, String userClaim) {
        JwtTimestampValidator timestamps = new JwtTimestampValidator(clockSkew);
        timestamps.setClock(clock);
        return new DelegatingOAuth2TokenValidator<>(
                required(userClaim),
                timestamps,
                new JwtIssuerValidator(issuer),
                audience(audience));
    }

    /** {@code exp} and {@code sub} must be there: Spring's timestamp check accepts a token without {@code exp}. */
    static OAuth2TokenValidator<Jwt> required() {
        return required("sub");
    }

    /** {@code exp} and the claim naming the user must be there. */
    static OAuth2TokenValidator<Jwt> required(String userClaim) {
        return jwt -> {
            if (jwt.getExpiresAt() == null) {
                return failure("the token has no expiry");
            }
            if (!(jwt.getClaims().get(userClaim) instanceof String user) || user.isBlank()) {
                return failure("sub".equals(userClaim) ? "the token names no subject" : "the token has no " + userClaim + " claim to name the user");
            }
            return OAuth2TokenValidatorResult.success();
        };
    }

    static OAuth2TokenValidator<Jwt> audience(String audience) {
        return jwt -> jwt.getAudience() != null && jwt.getAudience().contains(audience)
                ? OAuth2TokenValidatorResult.success()
                : failure("the token is not meant for this audience");
    }

    private static OAuth2TokenValidatorResult failure(String description) {
        return OAuth2TokenValidatorResult.failure(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, description, null));
    }
}
