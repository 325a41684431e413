package io.sitework.gateway.devlogin;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Signs the dev login's tokens: RS256 with the dev key, the claims of the token contract. */
public final class DevTokenIssuer {

    /** What a token says about its user. */
    public record Grant(String subject, String name, Map<String, List<SiteRole>> sites, boolean orgAdmin) {

        public Grant {
            sites = sites == null ? Map.of() : sites;
        }
    }

    public record IssuedToken(String value, Duration expiresIn) {
    }

    private final DevSigningKey key;
    private final String issuer;
    private final String audience;
    private final Duration ttl;
    private final Clock clock;

    public DevTokenIssuer(DevSigningKey key, String issuer, String audience, Duration ttl, Clock clock) {
        this.key = key;
        this.issuer = issuer;
        this.audience = audience;
        this.ttl = ttl;
        this.clock = clock;
    }

    public IssuedToken issue(Grant grant) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Map<String, List<String>> sites = new LinkedHashMap<>();
        grant.sites().forEach((site, roles) -> sites.put(site, roles.stream().map(Enum::name).toList()));
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .audience(List.of(audience))
                .subject(grant.subject())
                // the login under the name OIDC providers give it too, so the services may name users by either claim
                .claim("preferred_username", grant.subject())
                .claim("sites", sites)
                .claim("org_admin", grant.orgAdmin())
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plus(ttl)))
                .jwtID(UUID.randomUUID().toString());
        if (grant.name() != null) {
            claims.claim("name", grant.name());
        }
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256)
                .keyID(key.keyId())
                .type(JOSEObjectType.JWT)
                .build(), claims.build());
        try {
            jwt.sign(new RSASSASigner(key.privateKey()));
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot sign a dev login token", e);
        }
        return new IssuedToken(jwt.serialize(), ttl);
    }

    public String issuer() {
        return issuer;
    }
}
