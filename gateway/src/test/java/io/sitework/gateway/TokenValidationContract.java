package io.sitework.gateway;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the gateway does with bearer tokens on {@code /api/**}, whichever issuer it trusts: the valid one is
 * forwarded as it came, every forgery or stale token is a 401 problem that never reaches a service.
 * Subclasses say which key and issuer are trusted.
 */
abstract class TokenValidationContract {

    /** The backends of one subclass (and its application context). */
    record Backends(StubBackend work, StubBackend context, StubBackend notification) {

        static Backends start() {
            return new Backends(StubBackend.start("work"), StubBackend.start("context"), StubBackend.start("notification"));
        }

        List<StubBackend> all() {
            return List.of(work, context, notification);
        }

        void register(DynamicPropertyRegistry registry) {
            registry.add("SITEWORK_WORK_URL", work::url);
            registry.add("SITEWORK_CONTEXT_URL", context::url);
            registry.add("SITEWORK_NOTIFICATION_URL", notification::url);
        }

        void close() {
            all().forEach(StubBackend::close);
        }
    }

    private final Backends backends;

    TokenValidationContract(Backends backends) {
        this.backends = backends;
    }

    @Autowired
    WebTestClient client;

    /** The key whose signatures the gateway trusts (its private part). */
    abstract RSAKey trustedKey();

    abstract String trustedIssuer();

    @BeforeEach
    void resetBackends() {
        backends.all().forEach(StubBackend::reset);
    }

    JWTClaimsSet.Builder validClaims() {
        return TestTokens.claims(trustedIssuer(), "sitework", "anna.planner");
    }

    String valid() {
        return TestTokens.rs256(trustedKey(), validClaims().build());
    }

    @Test
    void aValidTokenIsForwardedWithTheAuthorizationHeaderUnchanged() throws InterruptedException {
        String token = valid();

        client.get().uri("/api/work?siteId=" + TestTokens.NORTH)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.backend").isEqualTo("work");

        StubBackend.Received received = backends.work().takeRequest();
        assertThat(received.headers().get(HttpHeaders.AUTHORIZATION)).containsExactly("Bearer " + token);
    }

    @Test
    void everyServiceGetsTheTokenToo() throws InterruptedException {
        String token = valid();
        client.get().uri("/api/assets?siteId=" + TestTokens.NORTH).header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .exchange().expectStatus().isOk();
        client.get().uri("/api/notifications").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .exchange().expectStatus().isOk();

        assertThat(backends.context().takeRequest().header(HttpHeaders.AUTHORIZATION)).isEqualTo("Bearer " + token);
        assertThat(backends.notification().takeRequest().header(HttpHeaders.AUTHORIZATION)).isEqualTo("Bearer " + token);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/work", "/api/assets/a-1", "/api/notifications", "/api/unknown/thing", "/api"})
    void withoutATokenEveryApiPathIs401WithABearerChallenge(String path) {
        Map<String, Object> problem = Problems.problemFrom(client.get().uri(path).exchange()
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"sitework\""), 401);

        assertThat(problem)
                .containsEntry("type", "https://sitework.io/problems/unauthorized")
                .containsEntry("title", "Unauthorized")
                .containsEntry("detail", "A bearer token is required.");
        assertNothingForwarded();
    }

    @Test
    void aCommandWithoutATokenNeverReachesTheService() {
        Problems.problemFrom(client.post().uri("/api/work").header("Content-Type", "application/json")
                .bodyValue("{\"title\":\"x\"}").exchange(), 401);
        assertNothingForwarded();
    }

    @Test
    void anotherAuthorizationSchemeIsNotAToken() {
        Problems.problemFrom(client.get().uri("/api/work").header(HttpHeaders.AUTHORIZATION, "Basic YW5uYTpzZWNyZXQ=")
                .exchange(), 401);
        assertNothingForwarded();
    }

    @Test
    void anExpiredTokenIsRejected() {
        Instant now = Instant.now();
        assertRejected(TestTokens.rs256(trustedKey(), validClaims()
                .issueTime(Date.from(now.minusSeconds(3600)))
                .notBeforeTime(Date.from(now.minusSeconds(3600)))
                .expirationTime(Date.from(now.minusSeconds(60))).build()));
    }

    @Test
    void aTokenJustExpiredWithinTheClockSkewIsStillAccepted() {
        Instant now = Instant.now();
        assertAccepted(TestTokens.rs256(trustedKey(), validClaims()
                .issueTime(Date.from(now.minusSeconds(600)))
                .notBeforeTime(Date.from(now.minusSeconds(600)))
                .expirationTime(Date.from(now.minusSeconds(10))).build()));
    }

    @Test
    void aTokenNotYetValidBeyondTheClockSkewIsRejected() {
        Instant now = Instant.now();
        assertRejected(TestTokens.rs256(trustedKey(), validClaims()
                .notBeforeTime(Date.from(now.plusSeconds(120)))
                .expirationTime(Date.from(now.plusSeconds(600))).build()));
    }

    @Test
    void aTokenValidInAFewSecondsIsAcceptedWithinTheClockSkew() {
        Instant now = Instant.now();
        assertAccepted(TestTokens.rs256(trustedKey(), validClaims()
                .notBeforeTime(Date.from(now.plusSeconds(10))).build()));
    }

    @Test
    void aTokenWithoutExpiryIsRejected() {
        assertRejected(TestTokens.rs256(trustedKey(), validClaims().expirationTime(null).build()));
    }

    @Test
    void aTokenWithoutSubjectIsRejected() {
        assertRejected(TestTokens.rs256(trustedKey(), validClaims().subject(null).build()));
    }

    @Test
    void aTokenOfAnotherIssuerIsRejected() {
        assertRejected(TestTokens.rs256(trustedKey(), validClaims().issuer("https://evil.example/auth").build()));
    }

    @Test
    void aTokenForAnotherAudienceIsRejected() {
        assertRejected(TestTokens.rs256(trustedKey(), validClaims().audience(List.of("another-app")).build()));
    }

    @Test
    void aTokenWithoutAudienceIsRejected() {
        assertRejected(TestTokens.rs256(trustedKey(), validClaims().audience((String) null).build()));
    }

    @Test
    void anUnsignedTokenIsRejected() {
        assertRejected(TestTokens.unsigned(validClaims().build()));
    }

    @Test
    void algNoneWithASignatureAttachedIsRejected() {
        assertRejected(TestTokens.noneWithSignature(trustedKey(), validClaims().build()));
    }

    @Test
    void hs256SignedWithThePublicKeysBytesIsRejected() {
        assertRejected(TestTokens.hs256(TestTokens.publicKeyDer(trustedKey()), trustedKey().getKeyID(), validClaims().build()));
        assertRejected(TestTokens.hs256(TestTokens.publicKeyPem(trustedKey()), trustedKey().getKeyID(), validClaims().build()));
    }

    @Test
    void aTokenSignedByAnotherKeyIsRejectedEvenWithTheTrustedKeyId() {
        RSAKey impostor = TestTokens.newKey(trustedKey().getKeyID());
        assertRejected(TestTokens.rs256(impostor, validClaims().build()));
    }

    @Test
    void anotherAlgorithmWithTheTrustedKeyIsRejected() {
        assertRejected(TestTokens.signed(JWSAlgorithm.RS512, trustedKey(), validClaims().build()));
        assertRejected(TestTokens.signed(JWSAlgorithm.PS256, trustedKey(), validClaims().build()));
    }

    @Test
    void aTamperedPayloadIsRejected() {
        String[] parts = valid().split("\\.");
        String otherPayload = TestTokens.rs256(TestTokens.newKey("x"), validClaims().subject("olga.admin")
                .claim("org_admin", true).build()).split("\\.")[1];
        assertRejected(parts[0] + "." + otherPayload + "." + parts[2]);
    }

    @ParameterizedTest
    @ValueSource(strings = {"garbage", "a.b.c", "eyJhbGciOiJSUzI1NiJ9.e30.AAAA", "...."})
    void garbageIsRejected(String token) {
        assertRejected(token);
    }

    @Test
    void aMalformedAuthorizationHeaderIsRejected() {
        assertRejected("not a token!");
    }

    void assertAccepted(String token) {
        client.get().uri("/api/work").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .exchange()
                .expectStatus().isOk();
    }

    void assertRejected(String token) {
        Consumer<String> challenge = value -> assertThat(value)
                .startsWith("Bearer realm=\"sitework\"")
                .contains("error=\"invalid_token\"");
        Map<String, Object> problem = Problems.problemFrom(client.get().uri("/api/work")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .exchange()
                .expectHeader().value(HttpHeaders.WWW_AUTHENTICATE, challenge), 401);
        assertThat(problem)
                .containsEntry("type", "https://sitework.io/problems/unauthorized")
                .containsEntry("detail", "The bearer token was rejected (invalid, expired or not meant for Sitework).");
        assertNothingForwarded();
    }

    void assertNothingForwarded() {
        assertThat(backends.all()).allMatch(StubBackend::receivedNothing);
    }
}
