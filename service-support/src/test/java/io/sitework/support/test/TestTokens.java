package io.sitework.support.test;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import io.sitework.support.security.Role;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A test OIDC issuer: an RSA key, its JWK set served over real HTTP (the services fetch it like they
 * would from a real provider), valid tokens for any user and site roles, and every kind of forged
 * token the services must refuse.
 */
public final class TestTokens {

    public static final String ISSUER = "http://issuer.test.sitework";
    public static final String AUDIENCE = "sitework";

    private static RSAKey key;
    private static RSAKey otherKey;
    private static HttpServer jwksServer;

    private TestTokens() {
    }

    private static synchronized RSAKey key() {
        if (key == null) {
            try {
                key = new RSAKeyGenerator(2048).keyID("test-key").keyUse(KeyUse.SIGNATURE).generate();
                otherKey = new RSAKeyGenerator(2048).keyID("test-key").keyUse(KeyUse.SIGNATURE).generate();
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
        }
        return key;
    }

    /** The URL of the JWK set, served by an HTTP server started on first use. */
    public static synchronized String jwkSetUri() {
        if (jwksServer == null) {
            try {
                String body = new JWKSet(key().toPublicJWK()).toString();
                HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
                server.createContext("/jwks", exchange -> {
                    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().add("Content-Type", "application/json");
                    exchange.sendResponseHeaders(200, bytes.length);
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(bytes);
                    }
                });
                server.start();
                jwksServer = server;
                Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop(0), "test-jwks-stop"));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return "http://127.0.0.1:" + jwksServer.getAddress().getPort() + "/jwks";
    }

    /** A valid token for a user holding {@code roles} on {@code siteId}. */
    public static String forSite(String subject, String siteId, Role... roles) {
        return token(subject, Map.of(siteId, Arrays.stream(roles).map(Role::name).toList()), false);
    }

    /** A valid token for an organisation administrator. */
    public static String orgAdmin(String subject) {
        return token(subject, Map.of(), true);
    }

    public static String token(String subject, Map<String, List<String>> sites, boolean orgAdmin) {
        return sign(claims(subject, sites, orgAdmin).build(), key());
    }

    public static JWTClaimsSet.Builder claims(String subject, Map<String, List<String>> sites, boolean orgAdmin) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience(AUDIENCE)
                .subject(subject)
                .claim("name", subject)
                .claim("sites", new LinkedHashMap<>(sites))
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now.minusSeconds(5)))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(30))))
                .jwtID(UUID.randomUUID().toString());
        if (orgAdmin) {
            builder.claim("org_admin", true);
        }
        return builder;
    }

    /** Signs claims with the trusted test key (for tokens with claims of their own, e.g. an opaque sub and preferred_username). */
    public static String sign(JWTClaimsSet claims) {
        return sign(claims, key());
    }

    public static String sign(JWTClaimsSet claims, RSAKey signingKey) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signingKey.getKeyID()).build(), claims);
            jwt.sign(new RSASSASigner(signingKey));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Tokens every service must refuse with 401, by what is wrong with them. */
    public static Map<String, String> forged(String subject, String siteId) {
        Map<String, List<String>> sites = Map.of(siteId, List.of(Role.SUPERVISOR.name(), Role.PLANNER.name(), Role.SITE_ADMIN.name()));
        Instant now = Instant.now();
        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put("expired", sign(claims(subject, sites, false)
                .issueTime(Date.from(now.minusSeconds(7200))).notBeforeTime(Date.from(now.minusSeconds(7200)))
                .expirationTime(Date.from(now.minusSeconds(3600))).build(), key()));
        tokens.put("not yet valid", sign(claims(subject, sites, false)
                .notBeforeTime(Date.from(now.plusSeconds(3600))).expirationTime(Date.from(now.plusSeconds(7200))).build(), key()));
        tokens.put("other issuer", sign(claims(subject, sites, false).issuer("https://evil.example").build(), key()));
        tokens.put("other audience", sign(claims(subject, sites, false).audience("some-other-api").build(), key()));
        tokens.put("signed by another key", sign(claims(subject, sites, false).build(), otherKey));
        tokens.put("unsigned (alg none)", new PlainJWT(claims(subject, sites, false).build()).serialize());
        try {
            SignedJWT hmac = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("test-key").build(),
                    claims(subject, sites, false).build());
            byte[] publicKeyAsSecret = key().toPublicJWK().toRSAPublicKey().getEncoded();
            hmac.sign(new MACSigner(publicKeyAsSecret));
            tokens.put("HMAC-signed with the public key", hmac.serialize());
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        tokens.put("garbage", "not.a.token");
        tokens.put("malformed sites claim", sign(claims(subject, Map.of(), false).claim("sites", "everything").build(), key()));
        return tokens;
    }
}
