package io.sitework.support.security;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JwtUserConverterTest {

    private static final String SITE = "0d5e4c1a-5173-4e00-9000-00000000de30";
    private static final String KEYCLOAK_ID = "3f1c2d9e-8a47-4c55-9d0e-2b6f7a1e4c10";

    private static Jwt jwt(Consumer<Jwt.Builder> change) {
        Jwt.Builder builder = Jwt.withTokenValue("t")
                .header("alg", "RS256")
                .subject(KEYCLOAK_ID)
                .claim("preferred_username", "anna.planner")
                .claim("name", "Anna Planner")
                .claim("sites", Map.of(SITE, List.of("PLANNER", "A_ROLE_OF_LATER")))
                .issuedAt(Instant.now())
                .expiresAt(Instant.now().plusSeconds(300));
        change.accept(builder);
        return builder.build();
    }

    private static SiteworkUser user(JwtUserConverter converter, Jwt jwt) {
        return ((SiteworkAuthentication) converter.convert(jwt)).user();
    }

    @Test
    void theUserIsTheSubjectByDefault() {
        SiteworkUser user = user(new JwtUserConverter(), jwt(b -> { }));
        assertThat(user.subject()).isEqualTo(KEYCLOAK_ID);
        assertThat(user.name()).isEqualTo("Anna Planner");
        assertThat(user.sites()).isEqualTo(Map.of(SITE, Set.of(Role.PLANNER)));
    }

    @Test
    void aProviderWhoseSubjectIsOpaqueNamesTheUserByTheConfiguredClaim() {
        SiteworkUser user = user(new JwtUserConverter("preferred_username"), jwt(b -> { }));
        assertThat(user.subject()).isEqualTo("anna.planner");
        assertThat(user.sites()).containsOnlyKeys(SITE);
    }

    @Test
    void aTokenWithoutAUsableUserClaimIsInvalid() {
        JwtUserConverter converter = new JwtUserConverter("preferred_username");
        assertThatThrownBy(() -> converter.convert(jwt(b -> b.claims(c -> c.remove("preferred_username")))))
                .isInstanceOf(InvalidBearerTokenException.class).hasMessageContaining("preferred_username");
        assertThatThrownBy(() -> converter.convert(jwt(b -> b.claim("preferred_username", "anna planner; drop"))))
                .isInstanceOf(InvalidBearerTokenException.class);
        assertThatThrownBy(() -> converter.convert(jwt(b -> b.claim("preferred_username", List.of("anna")))))
                .isInstanceOf(InvalidBearerTokenException.class);
    }

    @Test
    void theClaimNameIsCheckedWhenConfigured() {
        assertThat(JwtUserConverter.claimName(null)).isEqualTo("sub");
        assertThat(JwtUserConverter.claimName(" ")).isEqualTo("sub");
        assertThat(JwtUserConverter.claimName(" preferred_username ")).isEqualTo("preferred_username");
        assertThatThrownBy(() -> JwtUserConverter.claimName("$.user"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SITEWORK_OIDC_USER_CLAIM");
    }
}
