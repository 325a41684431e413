package io.sitework.launcher;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Everything {@link Platform} needs to know to start the embedded default.
 *
 * <p>Ports: {@code 0} means "any free port". A non-zero port is a preference: when it is taken,
 * a free port is used instead — except the gateway's public port, which is what a person types
 * into a browser, so a taken gateway port is an error.
 *
 * <p>{@code postgresUrl}, {@code mongoUri}: null means "find or start one" (see STACK.md).
 *
 * <p>{@code oidc}: null means the gateway's dev login (the embedded default); else people log in at that OIDC
 * provider and the dev login is off.
 */
public record PlatformConfig(
        Path dataDir,
        Installation installation,
        String gatewayAddress,
        int gatewayPort,
        int managementPort,
        int workPort,
        int contextPort,
        int notificationPort,
        int kafkaPort,
        int kafkaControllerPort,
        int mongoPort,
        int smtpPort,
        int imapPort,
        String workDatabase,
        String contextDatabase,
        String notificationDatabase,
        String postgresUrl,
        String postgresUser,
        String postgresPassword,
        String mongoUri,
        boolean persistentMongo,
        boolean demo,
        boolean fresh,
        List<String> javaOpts,
        Oidc oidc,
        Duration serviceStartTimeout,
        Duration kafkaStartTimeout,
        Duration stopGrace) {

    public static final List<String> DEFAULT_JAVA_OPTS = List.of(
            "-XX:+UseSerialGC", "-Xss512k", "-Xmx384m", "-Daxoniq.update-checker.disabled=true");

    public PlatformConfig {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(installation, "installation");
        Objects.requireNonNull(gatewayAddress, "gatewayAddress");
        Objects.requireNonNull(workDatabase, "workDatabase");
        Objects.requireNonNull(contextDatabase, "contextDatabase");
        Objects.requireNonNull(notificationDatabase, "notificationDatabase");
        javaOpts = List.copyOf(javaOpts);
        Objects.requireNonNull(serviceStartTimeout, "serviceStartTimeout");
        Objects.requireNonNull(kafkaStartTimeout, "kafkaStartTimeout");
        Objects.requireNonNull(stopGrace, "stopGrace");
        for (int port : new int[]{gatewayPort, managementPort, workPort, contextPort, notificationPort,
                kafkaPort, kafkaControllerPort, mongoPort, smtpPort, imapPort}) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("not a port: " + port);
            }
        }
    }

    /**
     * An OIDC provider that logs people in instead of the dev login: its {@code issuer} (its discovery document
     * names its keys and token endpoint), the portal's public {@code clientId}, the claim that names the user,
     * and the client and password the demo users log in with (the password grant) to seed the demo data, as
     * docker-compose's seeder does with the demo realm of deploy/keycloak.
     */
    public record Oidc(String issuer, String clientId, String userClaim, String demoClientId, String demoPassword) {
        public Oidc {
            Objects.requireNonNull(issuer, "issuer");
            Objects.requireNonNull(clientId, "clientId");
            Objects.requireNonNull(userClaim, "userClaim");
            if (!issuer.startsWith("http://") && !issuer.startsWith("https://")) {
                throw new IllegalArgumentException("an OIDC issuer is an http(s) URL, not \"" + issuer + "\"");
            }
        }
    }

    public Path logDir() {
        return new DataDirectory(dataDir).logs();
    }

    public static Builder builder(Path dataDir, Installation installation) {
        return new Builder(dataDir, installation);
    }

    /** Defaults are those of the embedded default on a developer's machine. */
    public static final class Builder {
        private final Path dataDir;
        private final Installation installation;
        private String gatewayAddress = "127.0.0.1";
        private int gatewayPort = 8080;
        private int managementPort = 8090;
        private int workPort = 8081;
        private int contextPort = 8082;
        private int notificationPort = 8083;
        private int kafkaPort = 9092;
        private int kafkaControllerPort = 9093;
        private int mongoPort = 27017;
        private int smtpPort = 2525;
        private int imapPort = 3143;
        private String workDatabase = "sitework_work";
        private String contextDatabase = "sitework_context";
        private String notificationDatabase = "sitework_notification";
        private String postgresUrl;
        private String postgresUser;
        private String postgresPassword;
        private String mongoUri;
        private boolean persistentMongo = true;
        private boolean demo = true;
        private boolean fresh;
        private List<String> javaOpts = DEFAULT_JAVA_OPTS;
        private Oidc oidc;
        private Duration serviceStartTimeout = Duration.ofSeconds(120);
        private Duration kafkaStartTimeout = Duration.ofSeconds(60);
        private Duration stopGrace = Duration.ofSeconds(20);

        private Builder(Path dataDir, Installation installation) {
            this.dataDir = dataDir.toAbsolutePath().normalize();
            this.installation = installation;
        }

        public Builder gatewayAddress(String v) { gatewayAddress = v; return this; }
        public Builder gatewayPort(int v) { gatewayPort = v; return this; }
        public Builder managementPort(int v) { managementPort = v; return this; }
        public Builder workPort(int v) { workPort = v; return this; }
        public Builder contextPort(int v) { contextPort = v; return this; }
        public Builder notificationPort(int v) { notificationPort = v; return this; }
        public Builder kafkaPort(int v) { kafkaPort = v; return this; }
        public Builder kafkaControllerPort(int v) { kafkaControllerPort = v; return this; }
        public Builder mongoPort(int v) { mongoPort = v; return this; }
        public Builder smtpPort(int v) { smtpPort = v; return this; }
        public Builder imapPort(int v) { imapPort = v; return this; }

        /** Every port "any free one": for tests that must not collide with a running platform. */
        public Builder anyFreePorts() {
            gatewayPort = managementPort = workPort = contextPort = notificationPort = 0;
            kafkaPort = kafkaControllerPort = mongoPort = smtpPort = imapPort = 0;
            return this;
        }

        public Builder workDatabase(String v) { workDatabase = v; return this; }
        public Builder contextDatabase(String v) { contextDatabase = v; return this; }
        public Builder notificationDatabase(String v) { notificationDatabase = v; return this; }

        public Builder postgres(String url, String user, String password) {
            postgresUrl = url;
            postgresUser = user;
            postgresPassword = password;
            return this;
        }

        public Builder mongoUri(String v) { mongoUri = v; return this; }
        public Builder persistentMongo(boolean v) { persistentMongo = v; return this; }
        public Builder demo(boolean v) { demo = v; return this; }
        public Builder fresh(boolean v) { fresh = v; return this; }
        public Builder javaOpts(List<String> v) { javaOpts = v; return this; }
        public Builder oidc(Oidc v) { oidc = v; return this; }
        public Builder serviceStartTimeout(Duration v) { serviceStartTimeout = v; return this; }
        public Builder kafkaStartTimeout(Duration v) { kafkaStartTimeout = v; return this; }
        public Builder stopGrace(Duration v) { stopGrace = v; return this; }

        public PlatformConfig build() {
            return new PlatformConfig(dataDir, installation, gatewayAddress, gatewayPort, managementPort,
                    workPort, contextPort, notificationPort, kafkaPort, kafkaControllerPort, mongoPort, smtpPort, imapPort,
                    workDatabase, contextDatabase, notificationDatabase, postgresUrl, postgresUser,
                    postgresPassword, mongoUri, persistentMongo, demo, fresh, javaOpts, oidc,
                    serviceStartTimeout, kafkaStartTimeout, stopGrace);
        }
    }
}
