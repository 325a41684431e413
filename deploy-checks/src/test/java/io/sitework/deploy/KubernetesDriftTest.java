package io.sitework.deploy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rendered k8s overlays against each app's application.yml: images of real modules, container ports,
 * probes on the health groups the app enables, the variables it reads, Secrets by reference, and the
 * NetworkPolicies that keep everything but the gateway's public port inside the cluster.
 */
class KubernetesDriftTest {

    private static List<Map<String, Object>> render(String overlay) {
        return Kustomize.render(Repo.path("k8s/overlays/" + overlay));
    }

    private static Map<String, Object> find(List<Map<String, Object>> resources, String kind, String name) {
        return resources.stream()
                .filter(r -> kind.equals(r.get("kind")) && name.equals(Kustomize.name(r)))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " " + name + " in the rendered overlay"));
    }

    private static Map<String, Object> container(Map<String, Object> deployment, String name) {
        return Repo.list(Repo.at(deployment, "spec.template.spec.containers")).stream()
                .map(Repo::map)
                .filter(c -> name.equals(c.get("name")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no container " + name));
    }

    /** Container port number by port name. */
    private static Map<String, Integer> ports(Map<String, Object> container) {
        Map<String, Integer> ports = new HashMap<>();
        for (Object port : Repo.list(container.get("ports"))) {
            ports.put(String.valueOf(Repo.map(port).get("name")), (Integer) Repo.map(port).get("containerPort"));
        }
        return ports;
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void deploymentsRunTheAppsImagesOnTheirPortsWithProbesOnTheHealthGroups(String overlay) {
        List<Map<String, Object>> resources = render(overlay);
        for (String app : Repo.APPS) {
            AppConfig config = AppConfig.of(app);
            Map<String, Object> deployment = find(resources, "Deployment", app);
            Map<String, Object> container = container(deployment, app);
            String image = String.valueOf(container.get("image"));
            Matcher m = Pattern.compile("ghcr\\.io/sitework/([a-z-]+):([A-Za-z0-9._-]+)").matcher(image);
            assertThat(m.matches()).as(app + " image " + image + " is ghcr.io/sitework/<app>:<tag>").isTrue();
            assertThat(m.group(1)).isEqualTo(app);
            assertThat(Repo.modules()).contains(m.group(1));

            Map<String, Integer> ports = ports(container);
            assertThat(ports.get("http")).as(app + " http port").isEqualTo(config.serverPort().defaultPort());
            int management = config.managementPort().defaultPort();
            assertThat(ports.values()).as(app + " ports").contains(management);

            assertThat(config.probesEnabled()).as(app + ": management.endpoint.health.probes.enabled").isTrue();
            Map<String, String> expected = Map.of("livenessProbe", "/actuator/health/liveness",
                    "readinessProbe", "/actuator/health/readiness", "startupProbe", "/actuator/health/liveness");
            expected.forEach((probe, path) -> {
                Map<String, Object> httpGet = Repo.map(Repo.at(container, probe + ".httpGet"));
                assertThat(httpGet.get("path")).as(app + " " + probe).isEqualTo(path);
                Object port = httpGet.get("port");
                int number = port instanceof Integer ? (Integer) port : ports.getOrDefault(String.valueOf(port), -1);
                assertThat(number).as(app + " " + probe + " port is the management port").isEqualTo(management);
            });
            assertThat(Repo.at(container, "resources.requests.memory")).as(app + " requests").isNotNull();
            assertThat(Repo.at(container, "resources.limits.memory")).as(app + " limits").isNotNull();
            assertThat(String.valueOf(Repo.at(deployment, "spec.template.metadata.annotations"))).contains("prometheus.io/port=" + management);

            Map<String, Object> service = find(resources, "Service", app);
            assertThat(Repo.map(Repo.at(service, "spec.selector"))).isEqualTo(Repo.map(Repo.at(deployment, "spec.selector.matchLabels")));
            Set<Object> servicePorts = new HashSet<>();
            Repo.list(Repo.at(service, "spec.ports")).forEach(p -> servicePorts.add(Repo.map(p).get("port")));
            assertThat(servicePorts).as(app + " Service ports").contains(config.serverPort().defaultPort(), management);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    @SuppressWarnings("unchecked")
    void appsGetOnlyVariablesTheyReadAndEveryRequiredOneFromConfigMapsAndSecretsThatExist(String overlay) {
        List<Map<String, Object>> resources = render(overlay);
        String deploymentDoc = Repo.read("docs/deployment.md");
        for (String app : Repo.APPS) {
            AppConfig config = AppConfig.of(app);
            Map<String, Object> container = container(find(resources, "Deployment", app), app);
            Set<String> variables = new HashSet<>();
            for (Object source : Repo.list(container.get("envFrom"))) {
                String configMap = String.valueOf(Repo.at(Repo.map(source), "configMapRef.name"));
                variables.addAll(Repo.map(find(resources, "ConfigMap", configMap).get("data")).keySet());
            }
            for (Object entry : Repo.list(container.get("env"))) {
                Map<String, Object> env = Repo.map(entry);
                variables.add(String.valueOf(env.get("name")));
                Map<String, Object> secretRef = Repo.map(Repo.at(env, "valueFrom.secretKeyRef"));
                if (!secretRef.isEmpty()) {
                    String secret = String.valueOf(secretRef.get("name"));
                    boolean rendered = resources.stream().anyMatch(r -> "Secret".equals(r.get("kind")) && secret.equals(Kustomize.name(r)));
                    if (rendered) {
                        assertThat(Repo.map(find(resources, "Secret", secret).get("stringData")))
                                .as("Secret " + secret).containsKey(String.valueOf(secretRef.get("key")));
                    } else {
                        assertThat(deploymentDoc).as("docs/deployment.md tells where the Secret " + secret + " ("
                                + secretRef.get("key") + ") of the " + overlay + " overlay comes from").contains("`" + secret + "`");
                    }
                }
                assertThat(env).as(app + " " + env.get("name") + ": a value in a ConfigMap or a Secret, not in the Deployment")
                        .doesNotContainKey("value");
            }
            for (String variable : variables) {
                if (variable.startsWith("SITEWORK_")) {
                    assertThat(config.reads(variable)).as(app + " reads " + variable + " (set in k8s " + overlay + ")").isTrue();
                }
            }
            assertThat(variables).as(app + " required variables").containsAll(config.requiredVariables());
            assertThat(variables).contains("AXONIQ_UPDATE_CHECKER_DISABLED");
            if (app.equals("gateway")) {
                assertThat(Repo.map(find(resources, "ConfigMap", "gateway-config").get("data")))
                        .containsEntry("SITEWORK_DEV_LOGIN_ENABLED", "false");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void onlyTheGatewayIsReachableFromOutsideAndPrometheusReachesEveryManagementPort(String overlay) {
        List<Map<String, Object>> resources = render(overlay);
        Map<String, Object> denyAll = find(resources, "NetworkPolicy", "default-deny-ingress");
        assertThat(Repo.map(Repo.at(denyAll, "spec.podSelector"))).isEmpty();
        for (String app : Repo.APPS) {
            AppConfig config = AppConfig.of(app);
            Map<String, Object> policy = find(resources, "NetworkPolicy", app + "-ingress");
            assertThat(Repo.at(policy, "spec.podSelector.matchLabels")).isEqualTo(Map.of("app.kubernetes.io/name", app));
            boolean monitoringOnManagement = false;
            for (Object rule : Repo.list(Repo.at(policy, "spec.ingress"))) {
                Map<String, Object> ingress = Repo.map(rule);
                Set<Object> ports = new HashSet<>();
                Repo.list(ingress.get("ports")).forEach(p -> ports.add(Repo.map(p).get("port")));
                assertThat(ports).as(app + ": every rule names its ports").isNotEmpty();
                List<Object> from = Repo.list(ingress.get("from"));
                if (from.isEmpty()) {
                    assertThat(app).as("a rule open to everyone").isEqualTo("gateway");
                    assertThat(ports).as("the gateway's open port").containsExactly(config.serverPort().defaultPort());
                }
                if (from.toString().contains("kubernetes.io/metadata.name=monitoring")
                        && ports.contains(config.managementPort().defaultPort())) {
                    monitoringOnManagement = true;
                }
                if (!app.equals("gateway")) {
                    assertThat(from.toString()).as(app + " is reached only by the gateway and Prometheus")
                            .doesNotContain("namespaceSelector={}");
                }
            }
            assertThat(monitoringOnManagement).as(app + ": Prometheus may scrape port " + config.managementPort().defaultPort()).isTrue();
        }
        Map<String, Object> ingress = find(resources, "Ingress", "gateway");
        assertThat(ingress.toString()).contains("name=gateway").contains("name=http");
        assertThat(resources.stream().filter(r -> "Ingress".equals(r.get("kind")))).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void everyAppHasADisruptionBudgetAndAnAutoscalerAndNoDatabaseIsAHandRolledStatefulSet(String overlay) {
        List<Map<String, Object>> resources = render(overlay);
        for (String app : Repo.APPS) {
            Map<String, Object> deployment = find(resources, "Deployment", app);
            Map<String, Object> pdb = find(resources, "PodDisruptionBudget", app);
            assertThat(Repo.at(pdb, "spec.selector.matchLabels")).isEqualTo(Repo.at(deployment, "spec.selector.matchLabels"));
            Map<String, Object> hpa = find(resources, "HorizontalPodAutoscaler", app);
            assertThat(Repo.at(hpa, "spec.scaleTargetRef.kind")).isEqualTo("Deployment");
            assertThat(Repo.at(hpa, "spec.scaleTargetRef.name")).isEqualTo(app);
            assertThat((Integer) Repo.at(hpa, "spec.minReplicas")).isLessThanOrEqualTo((Integer) Repo.at(hpa, "spec.maxReplicas"));
        }
        assertThat(resources).noneMatch(r -> "StatefulSet".equals(r.get("kind")));
        assertThat(resources).allMatch(r -> "Namespace".equals(r.get("kind")) || "sitework".equals(Repo.at(r, "metadata.namespace")));
    }

    @org.junit.jupiter.api.Test
    void productionUsesTheOperatorsResources() {
        List<Map<String, Object>> resources = render("production");
        Set<String> kinds = new HashSet<>();
        resources.forEach(r -> kinds.add(r.get("apiVersion") + "/" + r.get("kind")));
        assertThat(kinds).contains("kafka.strimzi.io/v1beta2/Kafka", "postgresql.cnpg.io/v1/Cluster",
                "mongodbcommunity.mongodb.com/v1/MongoDBCommunity");
        String kafkaCluster = Kustomize.name(resources.stream().filter(r -> "Kafka".equals(r.get("kind"))).findFirst().orElseThrow());
        String pgCluster = Kustomize.name(resources.stream().filter(r -> "Cluster".equals(r.get("kind"))).findFirst().orElseThrow());
        for (String app : List.of("work-service", "context-service", "notification-service")) {
            Map<String, Object> data = Repo.map(find(resources, "ConfigMap", app + "-config").get("data"));
            assertThat(data).as(app).containsEntry("SITEWORK_KAFKA_BOOTSTRAP", kafkaCluster + "-kafka-bootstrap:9092");
            data.forEach((k, v) -> {
                if (k.endsWith("_DB_URL")) {
                    assertThat(String.valueOf(v)).as(app + " " + k).startsWith("jdbc:postgresql://" + pgCluster + "-rw:5432/");
                }
            });
        }
    }
}
