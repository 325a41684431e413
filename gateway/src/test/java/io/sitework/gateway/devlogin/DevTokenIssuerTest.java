package io.sitework.gateway.devlogin;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DevTokenIssuerTest {

    private static final String NORTH = "0d5e4c1a-5173-4e00-9000-00000000de30";
    private static final Instant NOW = Instant.parse("2026-11-20T08:00:00.750Z");

    private final DevSigningKey key = DevSigningKey.loadOrCreate(null);
    private final DevTokenIssuer issuer = new DevTokenIssuer(key, "http://localhost:8080/auth/dev", "sitework",
            Duration.ofHours(8), Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void aTokenCarriesTheContractsClaims() throws Exception {
        DevTokenIssuer.IssuedToken token = issuer.issue(new DevTokenIssuer.Grant("anna.planner", "Anna Planner",
                Map.of(NORTH, List.of(SiteRole.PLANNER, SiteRole.SUPERVISOR)), false));

        SignedJWT jwt = SignedJWT.parse(token.value());
        assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        assertThat(jwt.getHeader().getKeyID()).isEqualTo(key.keyId());
        assertThat(jwt.verify(new RSASSAVerifier(key.publicKey()))).isTrue();
        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        assertThat(claims.getIssuer()).isEqualTo("http://localhost:8080/auth/dev");
        assertThat(claims.getAudience()).containsExactly("sitework");
        assertThat(claims.getSubject()).isEqualTo("anna.planner");
        assertThat(claims.getStringClaim("name")).isEqualTo("Anna Planner");
        assertThat(claims.getJSONObjectClaim("sites")).isEqualTo(Map.of(NORTH, List.of("PLANNER", "SUPERVISOR")));
        assertThat(claims.getBooleanClaim("org_admin")).isFalse();
        assertThat(claims.getIssueTime()).isEqualTo(Date.from(Instant.parse("2026-11-20T08:00:00Z")));
        assertThat(claims.getNotBeforeTime()).isEqualTo(claims.getIssueTime());
        assertThat(claims.getExpirationTime()).isEqualTo(Date.from(Instant.parse("2026-11-20T16:00:00Z")));
        assertThat(claims.getJWTID()).hasSize(36);
        assertThat(token.expiresIn()).isEqualTo(Duration.ofHours(8));
    }

    @Test
    void anOrgAdminWithoutNameOrSites() throws Exception {
        JWTClaimsSet claims = SignedJWT.parse(issuer.issue(new DevTokenIssuer.Grant("olga.admin", null, null, true)).value())
                .getJWTClaimsSet();

        assertThat(claims.getBooleanClaim("org_admin")).isTrue();
        assertThat(claims.getJSONObjectClaim("sites")).isEmpty();
        assertThat(claims.getClaims()).doesNotContainKey("name");
    }

    @Test
    void everyTokenHasItsOwnId() throws Exception {
        DevTokenIssuer.Grant grant = new DevTokenIssuer.Grant("a", null, Map.of(), false);
        String first = SignedJWT.parse(issuer.issue(grant).value()).getJWTClaimsSet().getJWTID();
        String second = SignedJWT.parse(issuer.issue(grant).value()).getJWTClaimsSet().getJWTID();

        assertThat(first).isNotEqualTo(second);
    }
}
