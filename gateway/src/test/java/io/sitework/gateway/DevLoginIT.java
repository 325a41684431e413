package io.sitework.gateway;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.sitework.gateway.devlogin.SiteRole;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The embedded default's login: {@code /auth/dev/token}, {@code /auth/dev/jwks}, {@code /auth/dev/users}. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "management.server.port=0",
        "sitework.dev-login.enabled=true",
        "sitework.dev-login.token-ttl=PT2H",
        "sitework.rate-limit.store=memory",
        "sitework.rate-limit.replenish-rate=1000",
        "sitework.rate-limit.burst-capacity=2000"
})
class DevLoginIT {

    static final String NORTH = "0d5e4c1a-5173-4e00-9000-00000000de30";
    static final String SOUTH = "0d5e4c1a-5173-4e00-9000-00000000de31";

    static final Path DATA = tempDir();
    static final Path KEY_FILE = DATA.resolve("dev-login").resolve("jwk.json");
    static final StubBackend WORK = StubBackend.start("work");

    @DynamicPropertySource
    static void configuration(DynamicPropertyRegistry registry) {
        registry.add("SITEWORK_DEV_LOGIN_KEY_FILE", KEY_FILE::toString);
        registry.add("SITEWORK_WORK_URL", WORK::url);
    }

    @AfterAll
    static void cleanUp() throws IOException {
        WORK.close();
        try (Stream<Path> files = Files.walk(DATA)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    WebTestClient client;

    @BeforeEach
    void reset() {
        WORK.reset();
    }

    @Test
    void issuesAnRs256TokenWithTheRequestedClaims() throws Exception {
        Map<String, Object> answer = token("""
                {"subject":"jo.doe@example.com","name":"Jo Doe","sites":{"%s":["PLANNER","AUDITOR"],"%s":["TECHNICIAN"]},"orgAdmin":false}"""
                .formatted(NORTH, SOUTH.toUpperCase()));

        assertThat(answer).containsEntry("token_type", "Bearer").containsEntry("expires_in", 7200);
        SignedJWT jwt = SignedJWT.parse((String) answer.get("access_token"));
        assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        assertThat(jwt.verify(new RSASSAVerifier(publishedKey(jwt.getHeader().getKeyID())))).isTrue();

        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        assertThat(claims.getIssuer()).isEqualTo("http://localhost:0/auth/dev");
        assertThat(claims.getAudience()).containsExactly("sitework");
        assertThat(claims.getSubject()).isEqualTo("jo.doe@example.com");
        assertThat(claims.getStringClaim("name")).isEqualTo("Jo Doe");
        assertThat(claims.getJSONObjectClaim("sites")).isEqualTo(Map.of(
                NORTH, List.of("PLANNER", "AUDITOR"), SOUTH, List.of("TECHNICIAN")));
        assertThat(claims.getBooleanClaim("org_admin")).isFalse();
        assertThat(claims.getJWTID()).isNotBlank();
        Instant issued = claims.getIssueTime().toInstant();
        assertThat(issued).isCloseTo(Instant.now(), within(Duration.ofSeconds(5)));
        assertThat(claims.getNotBeforeTime().toInstant()).isEqualTo(issued);
        assertThat(Duration.between(issued, claims.getExpirationTime().toInstant())).isEqualTo(Duration.ofHours(2));
    }

    @Test
    void theTokenAnswerIsNeverCached() {
        client.post().uri("/auth/dev/token").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"subject\":\"anna.planner\"}")
                .exchange()
                .expectStatus().isOk()
                .expectHeader().cacheControl(CacheControl.noStore());
    }

    @Test
    void anIssuedTokenOpensTheApiAndTravelsOnUnchanged() throws InterruptedException {
        String token = (String) token("{\"subject\":\"anna.planner\"}").get("access_token");

        client.get().uri("/api/work?siteId=" + NORTH).header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .exchange()
                .expectStatus().isOk();

        assertThat(WORK.takeRequest().header(HttpHeaders.AUTHORIZATION)).isEqualTo("Bearer " + token);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "anna.planner     | Anna Planner     | {\"0d5e4c1a-5173-4e00-9000-00000000de30\":[\"PLANNER\"]}                                                   | false",
            "audrey.auditor   | Audrey Auditor   | {\"0d5e4c1a-5173-4e00-9000-00000000de30\":[\"AUDITOR\"],\"0d5e4c1a-5173-4e00-9000-00000000de31\":[\"AUDITOR\"]} | false",
            "tom.south        | Tom South        | {\"0d5e4c1a-5173-4e00-9000-00000000de31\":[\"TECHNICIAN\"]}                                                | false",
            "olga.admin       | Olga Org Admin   | {}                                                                                                          | true",
    })
    void aDemoUserNamedAloneGetsTheDemoRoles(String subject, String name, String sites, boolean orgAdmin) throws Exception {
        JWTClaimsSet claims = claimsOf(token("{\"subject\":\"" + subject + "\"}"));

        assertThat(claims.getSubject()).isEqualTo(subject);
        assertThat(claims.getStringClaim("name")).isEqualTo(name);
        assertThat(claims.getJSONObjectClaim("sites")).isEqualTo(
                new ObjectMapper().readValue(sites, Map.class));
        assertThat(claims.getBooleanClaim("org_admin")).isEqualTo(orgAdmin);
    }

    @Test
    void explicitRolesWinOverTheDemoUsers() throws Exception {
        JWTClaimsSet noRoles = claimsOf(token("{\"subject\":\"anna.planner\",\"sites\":{}}"));
        JWTClaimsSet admin = claimsOf(token("{\"subject\":\"anna.planner\",\"orgAdmin\":true,\"name\":\"Anna the Admin\"}"));

        assertThat(noRoles.getJSONObjectClaim("sites")).isEmpty();
        assertThat(noRoles.getBooleanClaim("org_admin")).isFalse();
        assertThat(admin.getJSONObjectClaim("sites")).isEmpty();
        assertThat(admin.getBooleanClaim("org_admin")).isTrue();
        assertThat(admin.getStringClaim("name")).isEqualTo("Anna the Admin");
    }

    @Test
    void anyOtherSubjectGetsNoRolesUnlessItAsks() throws Exception {
        JWTClaimsSet claims = claimsOf(token("{\"subject\":\"someone.else\"}"));

        assertThat(claims.getJSONObjectClaim("sites")).isEmpty();
        assertThat(claims.getBooleanClaim("org_admin")).isFalse();
        assertThat(claims.getClaim("name")).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "no subject                | {\"name\":\"x\"}                                                   | subject",
            "blank subject             | {\"subject\":\"\"}                                                 | subject",
            "subject with a space      | {\"subject\":\"anna planner\"}                                     | subject",
            "subject with a slash      | {\"subject\":\"../etc\"}                                           | subject",
            "subject not a string      | {\"subject\":42}                                                   | subject",
            "site id not a UUID        | {\"subject\":\"a\",\"sites\":{\"north\":[\"PLANNER\"]}}            | sites.north",
            "unknown role              | {\"subject\":\"a\",\"sites\":{\"" + NORTH + "\":[\"BOSS\"]}}       | sites." + NORTH + "[0]",
            "role in lower case        | {\"subject\":\"a\",\"sites\":{\"" + NORTH + "\":[\"planner\"]}}    | sites." + NORTH + "[0]",
            "ORG_ADMIN is no site role | {\"subject\":\"a\",\"sites\":{\"" + NORTH + "\":[\"ORG_ADMIN\"]}}  | sites." + NORTH + "[0]",
            "roles not a list          | {\"subject\":\"a\",\"sites\":{\"" + NORTH + "\":\"PLANNER\"}}      | sites." + NORTH,
            "no roles                  | {\"subject\":\"a\",\"sites\":{\"" + NORTH + "\":[]}}               | sites." + NORTH,
            "sites not an object       | {\"subject\":\"a\",\"sites\":[\"PLANNER\"]}                        | sites",
            "orgAdmin not a boolean    | {\"subject\":\"a\",\"orgAdmin\":\"yes\"}                           | orgAdmin",
            "unknown field             | {\"subject\":\"a\",\"roles\":[\"PLANNER\"]}                        | roles",
            "snake case field          | {\"subject\":\"a\",\"org_admin\":true}                             | org_admin",
    })
    void refusesABadRequestNamingTheField(String why, String body, String field) {
        Map<String, Object> problem = Problems.problemFrom(client.post().uri("/auth/dev/token")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange(), 400);

        assertThat(problem).containsEntry("type", "https://sitework.io/problems/validation");
        assertThat(problem.get("errors")).asInstanceOf(InstanceOfAssertFactories.LIST)
                .anySatisfy(error -> assertThat(error).asInstanceOf(InstanceOfAssertFactories.MAP)
                        .containsEntry("field", field).containsKey("message"));
    }

    @Test
    void aSubjectOfMoreThanAHundredCharactersIsRefused() {
        Problems.problemFrom(client.post().uri("/auth/dev/token").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"subject\":\"" + "a".repeat(101) + "\"}").exchange(), 400);
        client.post().uri("/auth/dev/token").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"subject\":\"" + "a".repeat(100) + "\"}").exchange()
                .expectStatus().isOk();
    }

    @Test
    void malformedJsonAndAnEmptyBodyAreRefused() {
        Map<String, Object> malformed = Problems.problemFrom(client.post().uri("/auth/dev/token")
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"subject\":").exchange(), 400);
        Problems.problemFrom(client.post().uri("/auth/dev/token").contentType(MediaType.APPLICATION_JSON).exchange(), 400);
        Problems.problemFrom(client.post().uri("/auth/dev/token").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"subject\":\"a\",\"subject\":\"olga.admin\"}").exchange(), 400);

        assertThat(malformed).containsEntry("detail", "The request body is not valid JSON.");
    }

    @Test
    void aFormBodyIsUnsupported() {
        Problems.problemFrom(client.post().uri("/auth/dev/token").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .bodyValue("subject=anna.planner").exchange(), 415);
    }

    @Test
    void theKeySetHoldsThePublicKeyOnly() throws Exception {
        String body = client.get().uri("/auth/dev/jwks").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody(String.class).returnResult().getResponseBody();

        JWKSet set = JWKSet.parse(body);
        assertThat(set.getKeys()).hasSize(1);
        JWK key = set.getKeys().get(0);
        assertThat(key).isInstanceOf(RSAKey.class);
        assertThat(key.isPrivate()).isFalse();
        assertThat(key.getKeyID()).isNotBlank();
        assertThat(key.getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        assertThat(key.toRSAKey().size()).isEqualTo(2048);
        assertThat(body).doesNotContain("\"d\"", "\"p\"", "\"q\"", "\"dp\"", "\"dq\"", "\"qi\"");
    }

    @Test
    void theKeyFileWasCreatedForItsOwnerOnlyAndHoldsTheSigningKey() throws Exception {
        assertThat(Files.exists(KEY_FILE)).isTrue();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(KEY_FILE))).isEqualTo("rw-------");
        RSAKey stored = RSAKey.parse(Files.readString(KEY_FILE));
        assertThat(stored.isPrivate()).isTrue();

        SignedJWT jwt = SignedJWT.parse((String) token("{\"subject\":\"anna.planner\"}").get("access_token"));
        assertThat(jwt.getHeader().getKeyID()).isEqualTo(stored.getKeyID());
        assertThat(jwt.verify(new RSASSAVerifier(stored.toRSAPublicKey()))).isTrue();
        try (Stream<Path> left = Files.list(KEY_FILE.getParent())) {
            assertThat(left).as("no temporary files left behind").containsExactly(KEY_FILE);
        }
    }

    @Test
    void theDemoUsersCoverEveryRoleOnTheTwoDemoSites() {
        List<Map<String, Object>> users = client.get().uri("/auth/dev/users").exchange()
                .expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() { })
                .returnResult().getResponseBody();

        assertThat(users).extracting(user -> user.get("subject")).containsExactly(
                "anna.planner", "bruno.tech", "carla.supervisor", "rita.requester", "paul.permits", "cora.contractor",
                "audrey.auditor", "sam.siteadmin", "tom.south", "olga.admin");
        assertThat(users).allSatisfy(user -> assertThat(user).containsKeys("name", "sites", "orgAdmin"));
        Set<String> roles = new HashSet<>();
        Set<String> sites = new HashSet<>();
        for (Map<String, Object> user : users) {
            @SuppressWarnings("unchecked")
            Map<String, List<String>> userSites = (Map<String, List<String>>) user.get("sites");
            sites.addAll(userSites.keySet());
            userSites.values().forEach(roles::addAll);
        }
        assertThat(roles).containsExactlyInAnyOrderElementsOf(
                EnumSet.allOf(SiteRole.class).stream().map(Enum::name).toList());
        assertThat(sites).containsExactlyInAnyOrder(NORTH, SOUTH);
        assertThat(users).filteredOn(user -> Boolean.TRUE.equals(user.get("orgAdmin")))
                .extracting(user -> user.get("subject")).containsExactly("olga.admin");
        assertThat(users.get(0)).containsEntry("sites", Map.of(NORTH, List.of("PLANNER")));
    }

    @Test
    void otherMethodsAndPathsUnderAuthDevAreNotFound() {
        Problems.problemFrom(client.get().uri("/auth/dev/token").exchange(), 404);
        Problems.problemFrom(client.get().uri("/auth/dev/keys").exchange(), 404);
    }

    private Map<String, Object> token(String body) {
        return client.post().uri("/auth/dev/token")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { })
                .returnResult().getResponseBody();
    }

    private JWTClaimsSet claimsOf(Map<String, Object> answer) throws Exception {
        return SignedJWT.parse((String) answer.get("access_token")).getJWTClaimsSet();
    }

    private RSAPublicKey publishedKey(String kid) throws Exception {
        String body = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).build()
                .get().uri("/auth/dev/jwks").exchange().expectBody(String.class).returnResult().getResponseBody();
        return JWKSet.parse(body).getKeyByKeyId(kid).toRSAKey().toRSAPublicKey();
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("sitework-devlogin-it");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
