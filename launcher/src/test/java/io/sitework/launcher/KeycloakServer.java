package io.sitework.launcher;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real Keycloak for tests: the distribution the launcher's build unpacks ({@code sitework.keycloak.home}), started
 * in development mode (in-memory database) with deploy/keycloak/sitework-realm.json imported — the realm
 * docker-compose imports — changed only where a test platform differs from compose: the portal's address (a free
 * port) and, for renewal tests, the access tokens' lifespan. Keycloak needs Java 21 or later, which
 * {@link #java21OrLater()} looks for.
 */
final class KeycloakServer implements AutoCloseable {

    static final Path REALM = Path.of("..", "deploy", "keycloak", "sitework-realm.json");
    private static final String REALM_NAME = "sitework";

    private final Process process;
    private final int port;
    private final Path log;

    private KeycloakServer(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** The unpacked distribution, or empty when the build did not unpack it (integration tests skipped). */
    static Optional<Path> home() {
        String home = System.getProperty("sitework.keycloak.home");
        return home == null || !Files.isExecutable(Path.of(home, "bin", "kc.sh")) ? Optional.empty() : Optional.of(Path.of(home));
    }

    /**
     * A Java home of version 21 or later: {@code SITEWORK_KEYCLOAK_JAVA_HOME}, the running JVM's, or the newest
     * under /usr/lib/jvm (Debian's and Temurin's packages install there).
     */
    static Optional<Path> java21OrLater() {
        String configured = System.getenv("SITEWORK_KEYCLOAK_JAVA_HOME");
        if (configured != null && !configured.isBlank()) {
            return Optional.of(Path.of(configured));
        }
        if (Runtime.version().feature() >= 21) {
            return Optional.of(Path.of(System.getProperty("java.home")));
        }
        Path jvms = Path.of("/usr/lib/jvm");
        if (!Files.isDirectory(jvms)) {
            return Optional.empty();
        }
        try (Stream<Path> homes = Files.list(jvms)) {
            return homes.filter(home -> Files.isExecutable(home.resolve("bin").resolve("java")))
                    .filter(home -> featureVersion(home) >= 21)
                    .max(Comparator.comparingInt(KeycloakServer::featureVersion));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The feature version in a Java home's {@code release} file (JAVA_VERSION="25.0.1"), or 0. */
    static int featureVersion(Path javaHome) {
        try {
            for (String line : Files.readAllLines(javaHome.resolve("release"))) {
                if (line.startsWith("JAVA_VERSION=")) {
                    String version = line.substring("JAVA_VERSION=".length()).replace("\"", "");
                    String feature = version.startsWith("1.") ? version.substring(2) : version;
                    return Integer.parseInt(feature.split("[.+-]")[0]);
                }
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        return 0;
    }

    /**
     * Starts Keycloak on {@code port} (management on {@code managementPort}) with the demo realm, its portal client
     * allowed to return to {@code portal}, its access tokens living {@code accessTokenLifespan}. Does not wait: see
     * {@link #awaitReady}.
     */
    static KeycloakServer start(Path home, Path javaHome, Path workDir, int port, int managementPort, URI portal,
                                Duration accessTokenLifespan) throws IOException {
        Path imports = home.resolve("data").resolve("import");
        Files.createDirectories(imports);
        try (Stream<Path> old = Files.list(imports)) {
            for (Path file : old.toList()) {
                Files.delete(file);
            }
        }
        Files.writeString(imports.resolve("sitework-realm.json"), realmFor(Files.readString(REALM), portal, accessTokenLifespan));

        Path log = workDir.resolve("keycloak.log");
        List<String> command = new ArrayList<>(List.of("bash", home.resolve("bin").resolve("kc.sh").toString(), "start-dev",
                "--import-realm", "--db=dev-mem", "--http-host=127.0.0.1", "--http-port=" + port,
                "--http-management-port=" + managementPort, "--health-enabled=true", "--hostname-strict=false"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("JAVA_HOME", javaHome.toString());
        builder.environment().put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
        // kc.sh's own list, and java.lang: jboss-threads resets thread locals through it on Java 24 and later
        builder.environment().put("JAVA_ADD_OPENS", "--add-opens=java.base/java.util=ALL-UNNAMED "
                + "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED --add-opens=java.base/java.security=ALL-UNNAMED "
                + "--add-opens=java.base/java.lang=ALL-UNNAMED");
        builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
        builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin");
        return new KeycloakServer(builder.start(), port, log);
    }

    /**
     * The shipped realm with the portal client's addresses moved to {@code portal} and the access tokens' lifespan
     * set; everything else — users, roles, sites, mappers, the demo client — as docker-compose imports it.
     */
    static String realmFor(String shipped, URI portal, Duration accessTokenLifespan) throws IOException {
        ObjectNode realm = (ObjectNode) JsonHttp.JSON.readTree(shipped);
        String origin = portal.toString().replaceAll("/+$", "");
        realm.put("accessTokenLifespan", accessTokenLifespan.toSeconds());
        for (var client : realm.withArray("clients")) {
            ObjectNode c = (ObjectNode) client;
            if (c.path("standardFlowEnabled").asBoolean(false)) {
                ArrayNode redirects = c.putArray("redirectUris");
                redirects.add(origin + "/*");
                c.putArray("webOrigins").add(origin);
                c.with("attributes").put("post.logout.redirect.uris", origin + "/*");
            }
        }
        return JsonHttp.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(realm);
    }

    /** Waits until Keycloak answers ready on its management port; fails with the end of its log. */
    void awaitReady(int managementPort, Duration timeout) throws InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited (" + process.exitValue() + "):\n" + tail());
            }
            try {
                HttpResponse<String> ready = client.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + managementPort + "/health/ready")).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.ofString());
                HttpResponse<String> realm = client.send(HttpRequest.newBuilder(URI.create(issuer()
                        + "/.well-known/openid-configuration")).timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (ready.statusCode() == 200 && realm.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(1_000);
        }
        throw new IllegalStateException("Keycloak was not ready within " + timeout.toSeconds() + " s:\n" + tail());
    }

    /** The demo realm's issuer, as tokens and the discovery document name it. */
    String issuer() {
        return "http://localhost:" + port + "/realms/" + REALM_NAME;
    }

    URI tokenEndpoint() {
        return URI.create(issuer() + "/protocol/openid-connect/token");
    }

    String tail() {
        return String.join("\n", LogTail.of(log, 40));
    }

    @Override
    public void close() throws InterruptedException {
        process.toHandle().descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }
}
