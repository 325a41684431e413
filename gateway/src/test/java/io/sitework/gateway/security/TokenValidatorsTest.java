package io.sitework.gateway.security;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

class TokenValidatorsTest {

    private static final Instant NOW = Instant.parse("2026-11-20T08:00:00Z");
    private final OAuth2TokenValidator<Jwt> validator = TokenValidators.of("https://idp/realms/sitework", "sitework",
            Duration.ofSeconds(30), Clock.fixed(NOW, ZoneOffset.UTC));

    private static Jwt jwt(Consumer<Jwt.Builder> change) {
        Jwt.Builder builder = Jwt.withTokenValue("t")
                .header("alg", "RS256")
                .issuer("https://idp/realms/sitework")
                .audience(List.of("sitework", "account"))
                .subject("anna.planner")
                .issuedAt(NOW.minusSeconds(60))
                .notBefore(NOW.minusSeconds(60))
                .expiresAt(NOW.plusSeconds(300));
        change.accept(builder);
        return builder.build();
    }

    private boolean valid(Consumer<Jwt.Builder> change) {
        return !validator.validate(jwt(change)).hasErrors();
    }

    @Test
    void aTokenOfTheContractIsValid() {
        assertThat(valid(b -> { })).isTrue();
    }

    @Test
    void expiryIsCheckedWithThirtySecondsOfSkew() {
        assertThat(valid(b -> b.expiresAt(NOW.minusSeconds(29)))).isTrue();
        assertThat(valid(b -> b.expiresAt(NOW.minusSeconds(31)))).isFalse();
    }

    @Test
    void notBeforeIsCheckedWithThirtySecondsOfSkew() {
        assertThat(valid(b -> b.notBefore(NOW.plusSeconds(29)))).isTrue();
        assertThat(valid(b -> b.notBefore(NOW.plusSeconds(31)))).isFalse();
    }

    @Test
    void expiryAndSubjectAreRequired() {
        assertThat(valid(b -> b.claims(claims -> claims.remove("exp")))).isFalse();
        assertThat(valid(b -> b.claims(claims -> claims.remove("sub")))).isFalse();
        assertThat(valid(b -> b.subject(" "))).isFalse();
    }

    @Test
    void whereTheUserIsNamedByAnotherClaimThatClaimIsRequired() {
        OAuth2TokenValidator<Jwt> keycloak = TokenValidators.of("https://idp/realms/sitework", "sitework",
                Duration.ofSeconds(30), Clock.fixed(NOW, ZoneOffset.UTC), "preferred_username");
        assertThat(keycloak.validate(jwt(b -> b.subject("3f1c2d9e-8a47-4c55-9d0e-2b6f7a1e4c10")
                .claim("preferred_username", "anna.planner"))).hasErrors()).isFalse();
        assertThat(keycloak.validate(jwt(b -> { })).getErrors())
                .extracting(e -> e.getDescription()).containsExactly("the token has no preferred_username claim to name the user");
        assertThat(keycloak.validate(jwt(b -> b.claim("preferred_username", " "))).hasErrors()).isTrue();
        assertThat(keycloak.validate(jwt(b -> b.claim("preferred_username", List.of("anna")))).hasErrors()).isTrue();
    }

    @Test
    void theIssuerMustMatchExactly() {
        assertThat(valid(b -> b.issuer("https://idp/realms/sitework/"))).isFalse();
        assertThat(valid(b -> b.issuer("https://idp/realms/other"))).isFalse();
    }

    @Test
    void theAudienceMustContainSitework() {
        assertThat(valid(b -> b.audience(List.of("account")))).isFalse();
        assertThat(valid(b -> b.claims(claims -> claims.remove("aud")))).isFalse();
        assertThat(valid(b -> b.audience(List.of("sitework")))).isTrue();
    }
}
