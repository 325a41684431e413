package io.sitework.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * deploy/keycloak/sitework-realm.json against the code: every demo user of the launcher (DemoData) with the
 * sites and roles the gateway's dev login gives them, the roles of docs/security.md, and the claims the services
 * read (service-support's JwtUserConverter): {@code preferred_username} = the login (Keycloak's {@code sub} is an
 * opaque id of its own, so every deployment that uses this realm names users by that claim), {@code sites} as a
 * JSON object, {@code org_admin} as a boolean, {@code aud} containing the audience.
 */
class KeycloakRealmTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonNode realm = read();

    private static JsonNode read() {
        try {
            return JSON.readTree(Repo.read("deploy/keycloak/sitework-realm.json"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, JsonNode> users() {
        Map<String, JsonNode> users = new HashMap<>();
        realm.path("users").forEach(u -> users.put(u.path("username").asText(), u));
        return users;
    }

    /** DemoData.LOGINS, read from the launcher's source. */
    static List<String> demoLogins() {
        String source = Repo.read("launcher/src/main/java/io/sitework/launcher/DemoData.java");
        Matcher list = Pattern.compile("LOGINS\\s*=\\s*List\\.of\\(([^)]*)\\)", Pattern.DOTALL).matcher(source);
        assertThat(list.find()).as("DemoData.LOGINS").isTrue();
        List<String> logins = new ArrayList<>();
        Matcher login = Pattern.compile("\"([^\"]+)\"").matcher(list.group(1));
        while (login.find()) {
            logins.add(login.group(1));
        }
        return logins;
    }

    @Test
    void composeRunsTheKeycloakVersionTheLaunchersKeycloakLoginItImportsThisRealmInto() {
        Matcher version = Pattern.compile("<keycloak.version>([^<]+)</keycloak.version>").matcher(Repo.read("pom.xml"));
        assertThat(version.find()).as("keycloak.version in the root pom").isTrue();
        Object image = Repo.at(Repo.map(Repo.map(Repo.yamlMap("docker-compose.yml").get("services")).get("keycloak")), "image");
        assertThat(image).isEqualTo("quay.io/keycloak/keycloak:" + version.group(1));
    }

    @Test
    void everyDemoUserOfTheLauncherCanLogInWithTheSeedersPassword() {
        Map<String, JsonNode> users = users();
        String password = String.valueOf(Repo.at(Repo.map(Repo.map(Repo.yamlMap("docker-compose.yml").get("services"))
                .get("seeder")), "environment.SITEWORK_SEED_PASSWORD"));
        List<String> logins = demoLogins();
        assertThat(logins).hasSize(10);
        for (String login : logins) {
            assertThat(users).as("realm user " + login).containsKey(login);
            JsonNode user = users.get(login);
            assertThat(user.path("enabled").asBoolean()).isTrue();
            // Keycloak makes the user's id (the token's sub) itself: ids that are not UUIDs are not supported on import
            assertThat(user.has("id")).as(login + " has no id of ours").isFalse();
            assertThat(user.path("requiredActions")).as(login + " can use the password grant").isEmpty();
            JsonNode credential = user.path("credentials").get(0);
            assertThat(credential.path("value").asText()).isEqualTo(password);
            assertThat(credential.path("temporary").asBoolean()).isFalse();
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void usersHoldTheSitesAndRolesOfTheGatewaysDevLogin() throws IOException {
        Map<String, JsonNode> users = users();
        List<Object> demoUsers = Repo.list(Repo.at(Repo.yamlMap("gateway/src/main/resources/application.yml"), "sitework.dev-login.demo-users"));
        assertThat(demoUsers).hasSize(demoLogins().size());
        for (Object entry : demoUsers) {
            Map<String, Object> devUser = (Map<String, Object>) entry;
            String subject = String.valueOf(devUser.get("subject"));
            JsonNode user = users.get(subject);
            assertThat(user).as("realm user " + subject).isNotNull();
            Map<String, Set<String>> expected = new TreeMap<>();
            Repo.map(devUser.get("sites")).forEach((site, roles) ->
                    expected.put(site.replaceAll("[\\[\\]]", ""), new TreeSet<>((List<String>) roles)));
            Map<String, Set<String>> actual = new TreeMap<>();
            JsonNode sites = user.path("attributes").path("sites");
            if (!sites.isMissingNode()) {
                JSON.readTree(sites.get(0).asText()).fields().forEachRemaining(site -> {
                    Set<String> roles = new TreeSet<>();
                    site.getValue().forEach(r -> roles.add(r.asText()));
                    actual.put(site.getKey(), roles);
                });
            }
            assertThat(actual).as(subject + " sites").isEqualTo(expected);
            boolean orgAdmin = Boolean.TRUE.equals(devUser.get("org-admin"));
            assertThat(user.path("attributes").path("org_admin").path(0).asText("false")).as(subject + " org_admin")
                    .isEqualTo(String.valueOf(orgAdmin));
            assertThat(user.path("firstName").asText() + " " + user.path("lastName").asText()).as(subject + " name")
                    .isEqualTo(devUser.get("name"));
        }
    }

    @Test
    void theRealmHoldsTheRolesOfTheSecurityDocument() {
        Matcher m = Pattern.compile("Site roles: ([A-Z_,\\s]+); and the organisation-wide ([A-Z_]+)")
                .matcher(Repo.read("docs/security.md"));
        assertThat(m.find()).as("docs/security.md names the roles").isTrue();
        Set<String> roles = new LinkedHashSet<>();
        for (String role : m.group(1).split(",")) {
            roles.add(role.trim());
        }
        String enumSource = Repo.read("service-support/src/main/java/io/sitework/support/security/Role.java");
        roles.forEach(role -> assertThat(enumSource).as("Role." + role).contains(role));
        roles.add(m.group(2));
        Set<String> realmRoles = new TreeSet<>();
        realm.path("roles").path("realm").forEach(r -> realmRoles.add(r.path("name").asText()));
        assertThat(realmRoles).containsAll(roles);
    }

    @Test
    void bothClientsPutTheClaimsTheServicesReadIntoAccessTokens() {
        String audience = AppConfig.of("gateway").variables().get("SITEWORK_OIDC_AUDIENCE");
        Map<String, JsonNode> clients = new HashMap<>();
        realm.path("clients").forEach(c -> clients.put(c.path("clientId").asText(), c));
        assertThat(clients).containsKeys("sitework", "sitework-demo");
        assertThat(clients.get("sitework-demo").path("directAccessGrantsEnabled").asBoolean()).as("seeder's password grant").isTrue();
        assertThat(clients.get("sitework").path("directAccessGrantsEnabled").asBoolean()).isFalse();
        for (JsonNode client : clients.values()) {
            Map<String, JsonNode> mappers = new HashMap<>();
            client.path("protocolMappers").forEach(m -> mappers.put(m.path("protocolMapper").asText() + ":"
                    + m.path("config").path("claim.name").asText(m.path("config").path("included.custom.audience").asText()), m));
            String id = client.path("clientId").asText();
            assertThat(mappers).as(id + " mappers").containsKeys("oidc-usermodel-property-mapper:preferred_username",
                    "oidc-audience-mapper:" + audience,
                    "oidc-usermodel-attribute-mapper:sites", "oidc-usermodel-attribute-mapper:org_admin", "oidc-full-name-mapper:");
            JsonNode login = mappers.get("oidc-usermodel-property-mapper:preferred_username").path("config");
            assertThat(login.path("user.attribute").asText()).as(id + ": the login").isEqualTo("username");
            assertThat(login.path("access.token.claim").asText()).isEqualTo("true");
            JsonNode sites = mappers.get("oidc-usermodel-attribute-mapper:sites").path("config");
            assertThat(sites.path("jsonType.label").asText()).isEqualTo("JSON");
            assertThat(sites.path("access.token.claim").asText()).isEqualTo("true");
            JsonNode orgAdmin = mappers.get("oidc-usermodel-attribute-mapper:org_admin").path("config");
            assertThat(orgAdmin.path("jsonType.label").asText()).isEqualTo("boolean");
            assertThat(mappers.get("oidc-audience-mapper:" + audience).path("config").path("access.token.claim").asText()).isEqualTo("true");
        }
        // every app that trusts this realm names the user by the claim that holds the login
        Map<String, Object> services = Repo.map(Repo.yamlMap("docker-compose.yml").get("services"));
        for (String app : List.of("work-service", "context-service", "notification-service", "gateway")) {
            assertThat(Repo.at(Repo.map(services.get(app)), "environment.SITEWORK_OIDC_USER_CLAIM")).as(app + " in docker-compose.yml")
                    .isEqualTo("preferred_username");
            assertThat(Repo.read("k8s/base/" + app + ".yaml")).as(app + " in k8s/base")
                    .contains("SITEWORK_OIDC_USER_CLAIM: \"preferred_username\"");
        }
        assertThat(realm.path("defaultSignatureAlgorithm").asText()).as("the services accept RS256 only").isEqualTo("RS256");
        // the user profile must declare the attributes, or Keycloak 24+ drops them on import
        String profile = realm.path("components").path("org.keycloak.userprofile.UserProfileProvider").get(0)
                .path("config").path("kc.user.profile.config").get(0).asText();
        assertThat(profile).contains("\"name\": \"sites\"", "\"name\": \"org_admin\"");
    }
}
