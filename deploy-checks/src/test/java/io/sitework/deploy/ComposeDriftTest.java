package io.sitework.deploy;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docker-compose.yml, the Dockerfile's health check and Prometheus's targets against each app's
 * application.yml: a port, a variable or an app renamed in the code fails here before a user's
 * {@code docker compose up} does.
 */
class ComposeDriftTest {

    private final Map<String, Object> compose = Repo.yamlMap("docker-compose.yml");
    private final Map<String, Object> services = Repo.map(compose.get("services"));

    private Map<String, Object> service(String name) {
        assertThat(services).as("docker-compose.yml services").containsKey(name);
        return Repo.map(services.get(name));
    }

    private static Map<String, String> environment(Map<String, Object> service) {
        Map<String, String> env = new HashMap<>();
        Repo.map(service.get("environment")).forEach((k, v) -> env.put(k, String.valueOf(v)));
        return env;
    }

    @Test
    void everyAppIsBuiltFromTheDockerfileForARealModule() {
        List<String> modules = Repo.modules();
        for (String app : Repo.APPS) {
            Map<String, Object> service = service(app);
            assertThat(Repo.at(service, "build.context")).as(app + " build context").isEqualTo(".");
            Object serviceArg = Repo.at(service, "build.args.SERVICE");
            assertThat(serviceArg).as(app + " build arg SERVICE").isEqualTo(app);
            assertThat(modules).as("root pom modules").contains(String.valueOf(serviceArg));
            assertThat(String.valueOf(service.get("image"))).as(app + " image").startsWith("ghcr.io/sitework/" + app + ":");
        }
        for (Map.Entry<String, Object> entry : services.entrySet()) {
            Object serviceArg = Repo.at(Repo.map(entry.getValue()), "build.args.SERVICE");
            if (serviceArg != null) {
                assertThat(Repo.APPS).as("SERVICE of " + entry.getKey()).contains(String.valueOf(serviceArg));
            }
        }
    }

    @Test
    void theDockerfileCopiesEveryModuleOfTheReactor() {
        String dockerfile = Repo.read("Dockerfile");
        for (String module : Repo.modules()) {
            assertThat(dockerfile).as("Dockerfile copies " + module + "/pom.xml (the reactor reads every module)")
                    .contains("COPY " + module + "/pom.xml " + module + "/");
        }
        for (String app : Repo.APPS) {
            assertThat(dockerfile).as("the jar name of " + app).contains("${SERVICE}/target/${SERVICE}-exec.jar");
            assertThat(Repo.read(app + "/pom.xml")).as(app + " repackages with the exec classifier")
                    .contains("<classifier>exec</classifier>").contains("<finalName>${project.artifactId}</finalName>");
        }
        assertThat(dockerfile).contains("USER 10001", "MaxRAMPercentage", "AXONIQ_UPDATE_CHECKER_DISABLED=true",
                "HEALTHCHECK", "-Djarmode=tools", "extract --layers --launcher");
    }

    @Test
    void containersExposeThePortsTheAppsListenOn() {
        for (String app : Repo.APPS) {
            AppConfig config = AppConfig.of(app);
            Set<String> ports = new HashSet<>();
            Map<String, Object> service = service(app);
            Repo.list(service.get("expose")).forEach(p -> ports.add(String.valueOf(p)));
            for (Object published : Repo.list(service.get("ports"))) {
                String[] parts = String.valueOf(published).split(":");
                ports.add(parts[parts.length - 1]);
            }
            assertThat(ports).as(app + " ports").contains(config.serverPort().defaultValue(), config.managementPort().defaultValue());
            Map<String, String> env = environment(service);
            for (String placeholder : new String[] {config.serverPort().name(), config.managementPort().name()}) {
                assertThat(env).as(app + " keeps its default port (the checks compare defaults)").doesNotContainKey(placeholder);
            }
        }
    }

    @Test
    void everySiteworkVariableIsOneTheAppReadsAndEveryRequiredOneIsSet() {
        for (String app : Repo.APPS) {
            AppConfig config = AppConfig.of(app);
            Map<String, String> env = environment(service(app));
            for (String variable : env.keySet()) {
                if (variable.startsWith("SITEWORK_")) {
                    assertThat(config.reads(variable)).as(app + " reads " + variable + " (set in docker-compose.yml)").isTrue();
                }
            }
            assertThat(env.keySet()).as(app + " required variables").containsAll(config.requiredVariables());
            assertThat(env).as(app).containsEntry("AXONIQ_UPDATE_CHECKER_DISABLED", "true");
        }
    }

    @Test
    void thePortalLogsInAtAPublicPkceClientOfTheRealmThatMayReturnToTheGateway() throws Exception {
        String clientId = environment(service("gateway")).get("SITEWORK_PORTAL_OIDC_CLIENT_ID");
        assertThat(clientId).as("the gateway names the portal's client").isNotBlank();
        com.fasterxml.jackson.databind.JsonNode realm = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(Repo.read("deploy/keycloak/sitework-realm.json"));
        com.fasterxml.jackson.databind.JsonNode client = null;
        for (com.fasterxml.jackson.databind.JsonNode candidate : realm.path("clients")) {
            if (clientId.equals(candidate.path("clientId").asText())) {
                client = candidate;
            }
        }
        assertThat(client).as("client " + clientId + " in the realm").isNotNull();
        assertThat(client.path("publicClient").asBoolean()).as("a browser app holds no secret").isTrue();
        assertThat(client.path("standardFlowEnabled").asBoolean()).as("authorization code").isTrue();
        assertThat(client.path("attributes").path("pkce.code.challenge.method").asText()).isEqualTo("S256");
        String origin = environment(service("gateway")).get("SITEWORK_PORTAL_ORIGIN");
        assertThat(client.path("redirectUris").toString()).as("may return to the portal").contains(origin + "/*");
        assertThat(client.path("webOrigins").toString()).contains(origin);
    }

    @Test
    void everyAppSendsItsSpansToTheTraceCollectorInTheFile() {
        Map<String, Object> jaeger = service("jaeger");
        assertThat(Repo.list(jaeger.get("expose")).stream().map(String::valueOf)).as("OTLP/HTTP").contains("4318");
        for (String app : Repo.APPS) {
            AppConfig config = AppConfig.of(app);
            assertThat(config.reads("SITEWORK_TRACING_EXPORT_ENABLED")).as(app + " reads the tracing switch").isTrue();
            assertThat(environment(service(app))).as(app)
                    .containsEntry("SITEWORK_TRACING_EXPORT_ENABLED", "true")
                    .containsEntry("SITEWORK_TRACING_OTLP_ENDPOINT", "http://jaeger:4318/v1/traces");
        }
    }

    @Test
    void theHealthCheckAsksEachAppOnItsManagementPort() {
        String script = Repo.read("deploy/docker/healthcheck.sh");
        for (String app : Repo.APPS) {
            AppConfig.Placeholder management = AppConfig.of(app).managementPort();
            Matcher m = Pattern.compile("(?m)^\\s*" + Pattern.quote(app) + "\\)\\s*port=\"\\$\\{([A-Z_]+):-(\\d+)}\"").matcher(script);
            assertThat(m.find()).as("healthcheck.sh has a case for " + app).isTrue();
            assertThat(m.group(1)).as(app + " management port variable").isEqualTo(management.name());
            assertThat(m.group(2)).as(app + " management port").isEqualTo(management.defaultValue());
            assertThat(String.valueOf(Repo.at(service(app), "healthcheck.test"))).contains("sitework-healthcheck");
        }
        assertThat(script).contains("/actuator/health");
    }

    @Test
    void prometheusScrapesEveryAppOnItsManagementPort() {
        Map<String, Object> prometheus = Repo.yamlMap("deploy/prometheus/prometheus.yml");
        Map<String, List<String>> targetsByJob = new HashMap<>();
        Map<String, String> pathByJob = new HashMap<>();
        for (Object job : Repo.list(prometheus.get("scrape_configs"))) {
            Map<String, Object> scrape = Repo.map(job);
            List<String> targets = new ArrayList<>();
            for (Object config : Repo.list(scrape.get("static_configs"))) {
                Repo.list(Repo.map(config).get("targets")).forEach(t -> targets.add(String.valueOf(t)));
            }
            targetsByJob.put(String.valueOf(scrape.get("job_name")), targets);
            pathByJob.put(String.valueOf(scrape.get("job_name")), String.valueOf(scrape.get("metrics_path")));
        }
        for (String app : Repo.APPS) {
            AppConfig config = AppConfig.of(app);
            assertThat(config.prometheusExposed()).as(app + " exposes /actuator/prometheus").isTrue();
            assertThat(targetsByJob.get(app)).as("Prometheus job " + app)
                    .containsExactly(app + ":" + config.managementPort().defaultValue());
            assertThat(pathByJob.get(app)).isEqualTo("/actuator/prometheus");
        }
    }

    @Test
    void dependenciesFormADagOfHealthyServicesAndEverythingHasAMemoryLimit() {
        Map<String, List<String>> edges = new HashMap<>();
        for (Map.Entry<String, Object> entry : services.entrySet()) {
            String name = entry.getKey();
            Map<String, Object> service = Repo.map(entry.getValue());
            assertThat(Repo.at(service, "deploy.resources.limits.memory")).as(name + " memory limit").isNotNull();
            boolean oneShot = "no".equals(String.valueOf(service.get("restart")));
            if (!oneShot) {
                assertThat(service.get("healthcheck")).as(name + " health check").isNotNull();
            }
            Object dependsOn = service.get("depends_on");
            assertThat(dependsOn == null || dependsOn instanceof Map).as(name + ": depends_on with conditions, not a list").isTrue();
            List<String> targets = new ArrayList<>();
            for (Map.Entry<String, Object> dependency : Repo.map(dependsOn).entrySet()) {
                assertThat(services).as(name + " depends on").containsKey(dependency.getKey());
                String condition = String.valueOf(Repo.map(dependency.getValue()).get("condition"));
                assertThat(condition).as(name + " -> " + dependency.getKey())
                        .isIn("service_healthy", "service_completed_successfully");
                if (condition.equals("service_healthy")) {
                    assertThat(Repo.map(services.get(dependency.getKey())).get("healthcheck"))
                            .as(dependency.getKey() + " has the health check " + name + " waits for").isNotNull();
                }
                targets.add(dependency.getKey());
            }
            edges.put(name, targets);
        }
        Set<String> done = new HashSet<>();
        for (String start : edges.keySet()) {
            assertAcyclic(start, edges, new ArrayList<>(), done);
        }
        assertThat(Repo.map(services.get("gateway")).get("depends_on").toString())
                .contains("work-service", "context-service", "notification-service", "keycloak");
        assertThat(Repo.map(services.get("seeder")).get("depends_on").toString()).contains("gateway");
    }

    private static void assertAcyclic(String node, Map<String, List<String>> edges, List<String> path, Set<String> done) {
        assertThat(path).as("depends_on cycle through " + path).doesNotContain(node);
        if (done.contains(node)) {
            return;
        }
        path.add(node);
        for (String next : edges.getOrDefault(node, List.of())) {
            assertAcyclic(next, edges, path, done);
        }
        path.remove(path.size() - 1);
        done.add(node);
    }

    @Test
    void tokensComeFromKeycloakWithOneIssuerForBrowsersAndServices() {
        Map<String, String> keycloak = environment(service("keycloak"));
        Map<String, Object> realm = Repo.yamlMap("deploy/keycloak/sitework-realm.json");
        String issuer = keycloak.get("KC_HOSTNAME") + "/realms/" + realm.get("realm");
        String published = String.valueOf(Repo.list(service("keycloak").get("ports")).get(0));
        assertThat(keycloak.get("KC_HOSTNAME")).as("KC_HOSTNAME is the published port").endsWith(":" + published.split(":")[0]);
        for (String app : Repo.APPS) {
            Map<String, String> env = environment(service(app));
            assertThat(env).as(app).containsEntry("SITEWORK_OIDC_ISSUER", issuer)
                    .containsEntry("SITEWORK_OIDC_JWK_SET_URI", "http://keycloak:8080/realms/" + realm.get("realm")
                            + "/protocol/openid-connect/certs")
                    .containsEntry("SITEWORK_OIDC_AUDIENCE", "sitework");
        }
        assertThat(environment(service("gateway"))).as("no dev login under compose").containsEntry("SITEWORK_DEV_LOGIN_ENABLED", "false");
        Map<String, String> seeder = environment(service("seeder"));
        assertThat(seeder.get("SITEWORK_SEED_TOKEN_URL"))
                .isEqualTo("http://keycloak:8080/realms/" + realm.get("realm") + "/protocol/openid-connect/token");
        assertThat(seeder.get("SITEWORK_SEED_GATEWAY_URL")).isEqualTo("http://gateway:" + AppConfig.of("gateway").serverPort().defaultValue());
        assertThat(Repo.at(service("seeder"), "build.target")).isEqualTo("seeder");
        assertThat(Repo.read("Dockerfile")).contains("AS seeder", "sitework.jar seed");
    }

    @Test
    void postgresGetsTheDatabasesTheServicesUse() {
        String init = Repo.read("deploy/postgres/init-databases.sql");
        Map<String, String> postgres = environment(service("postgres"));
        for (String app : List.of("work-service", "context-service")) {
            Map<String, String> env = environment(service(app));
            String url = env.entrySet().stream().filter(e -> e.getKey().endsWith("_DB_URL")).findFirst().orElseThrow().getValue();
            String database = url.substring(url.lastIndexOf('/') + 1);
            assertThat(url).startsWith("jdbc:postgresql://postgres:5432/");
            assertThat(init).contains("CREATE DATABASE " + database + ";");
            assertThat(env).as(app + ": migrations run as the owner").containsEntry("SITEWORK_DB_USER", postgres.get("POSTGRES_USER"))
                    .containsEntry("SITEWORK_DB_PASSWORD", postgres.get("POSTGRES_PASSWORD"));
        }
    }
}
