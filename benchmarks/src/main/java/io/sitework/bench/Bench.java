package io.sitework.bench;

import io.sitework.infra.PostgresServer;
import io.sitework.launcher.Installation;
import io.sitework.launcher.Platform;
import io.sitework.launcher.PlatformConfig;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The platform under test — the embedded default, started by the launcher's own {@link Platform} on free ports,
 * with databases of its own on the local PostgreSQL — and what the scenarios need to reach it: each service's
 * own port (the "direct" baseline), the gateway, tokens from its dev login, JDBC to the event store.
 */
public final class Bench implements AutoCloseable {

    /** The site the scenarios' work lives on (the token grants every role on it). */
    public static final UUID SITE = UUID.fromString("0b0b0b0b-0000-4000-8000-00000000be01");

    private final Platform platform;
    private final PostgresServer postgres;
    private final String planner;
    private final List<UUID> extraSites;

    private Bench(Platform platform, PostgresServer postgres, String planner, List<UUID> extraSites) {
        this.platform = platform;
        this.postgres = postgres;
        this.planner = planner;
        this.extraSites = extraSites;
    }

    /**
     * Starts the platform. {@code extraJavaOpts} go to every service JVM (JFR, a raised rate limit);
     * {@code extraSites} are the sites the planner's token also covers (the generated history's).
     */
    public static Bench start(Path dataDir, List<String> extraJavaOpts, List<UUID> extraSites) throws Exception {
        String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        List<String> opts = new ArrayList<>(PlatformConfig.DEFAULT_JAVA_OPTS);
        opts.addAll(extraJavaOpts);
        PlatformConfig config = PlatformConfig.builder(dataDir, installation())
                .anyFreePorts()
                .workDatabase("sitework_bench_work_" + suffix)
                .contextDatabase("sitework_bench_context_" + suffix)
                .notificationDatabase("sitework_bench_notification_" + suffix)
                .postgres(System.getenv("SITEWORK_POSTGRES_URL"), System.getenv("SITEWORK_POSTGRES_USER"),
                        System.getenv("SITEWORK_POSTGRES_PASSWORD"))
                .persistentMongo(false)
                .demo(false)
                .fresh(true)
                .javaOpts(opts)
                .serviceStartTimeout(Duration.ofSeconds(600))
                .stopGrace(Duration.ofSeconds(20))
                .build();
        Platform platform = new Platform(config, (what, detail, took) ->
                System.out.printf("  [platform] %-22s %s (%.1f s)%n", what, detail, took.toMillis() / 1000.0));
        try {
            platform.start();
        } catch (RuntimeException e) {
            // the platform stopped what it started; its databases on a running server are left: drop them
            if (platform.postgres() != null && !platform.usesEmbeddedPostgres()) {
                platform.eventStoreDatabases().forEach(platform.postgres()::dropDatabaseIfExists);
            }
            throw e;
        }
        PostgresServer postgres = platform.postgres();
        Bench bench = new Bench(platform, postgres, null, extraSites);
        String token = bench.token("bench.planner", true);
        return new Bench(platform, postgres, token, extraSites);
    }

    /** The built platform: {@code -Dsitework.home}, else {@code launcher/target} beside this module. */
    static Installation installation() {
        String home = System.getProperty(Installation.HOME_PROPERTY);
        if (home != null && !home.isBlank()) {
            return new Installation(Path.of(home));
        }
        for (Path candidate : List.of(Path.of("launcher", "target"), Path.of("..", "launcher", "target"))) {
            if (Files.isDirectory(candidate.resolve("services"))) {
                return new Installation(candidate);
            }
        }
        try {
            Path jar = Path.of(Bench.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return new Installation(jar.getParent().getParent().getParent().resolve("launcher").resolve("target"));
        } catch (Exception e) {
            throw new IllegalStateException("cannot find launcher/target: run from the repository root or set -Dsitework.home", e);
        }
    }

    /** A token of the gateway's dev login; {@code planner}: every role on the scenarios' sites, and org admin. */
    public String token(String subject, boolean planner) throws Exception {
        StringBuilder sites = new StringBuilder();
        if (planner) {
            List<UUID> all = new ArrayList<>(extraSites);
            all.add(0, SITE);
            for (UUID site : all) {
                sites.append(sites.length() == 0 ? "" : ",").append('"').append(site)
                        .append("\":[\"PLANNER\",\"SUPERVISOR\",\"SITE_ADMIN\",\"TECHNICIAN\"]");
            }
        }
        String body = "{\"subject\":\"" + subject + "\",\"sites\":{" + sites + "}" + (planner ? ",\"orgAdmin\":true" : "") + "}";
        return new Api(gateway(), null).post("/auth/dev/token", body).get("access_token").asText();
    }

    public URI gateway() {
        return platform.gatewayUri();
    }

    public URI direct(String service) {
        return URI.create("http://127.0.0.1:" + platform.ports().get(service) + "/");
    }

    /** The planner through the gateway. */
    public Api viaGateway() {
        return new Api(gateway(), planner);
    }

    /** The planner straight at a service's own port. */
    public Api direct(String service, String token) {
        return new Api(direct(service), token == null ? planner : token);
    }

    /** Stops work-service (or another service) gracefully; {@link #startService} starts it again on the same port and databases. */
    public void stopService(String module) {
        platform.stopService(module);
    }

    public void startService(String module) {
        platform.startService(module);
    }

    public Map<String, Long> pids() {
        return platform.pids();
    }

    public Map<String, Integer> ports() {
        return platform.ports();
    }

    public String workDatabase() {
        return platform.eventStoreDatabases().get(0);
    }

    public String kafkaBootstrap() {
        return "127.0.0.1:" + platform.ports().get("kafka");
    }

    public String mongoUri(String database) {
        return "mongodb://127.0.0.1:" + platform.ports().get("mongo") + "/" + database;
    }

    public Connection workDb() throws SQLException {
        return jdbc(workDatabase());
    }

    public PostgresServer postgres() {
        return postgres;
    }

    public Connection jdbc(String database) throws SQLException {
        String url = postgres.jdbcUrl(database);
        url += (url.contains("?") ? "&" : "?") + "reWriteBatchedInserts=true";
        return DriverManager.getConnection(url, postgres.user(), postgres.password());
    }

    /** Stops the platform (the services dump their flight recordings as they stop) and drops its databases. */
    @Override
    public void close() {
        platform.close();
        if (!platform.usesEmbeddedPostgres()) {
            for (String db : platform.eventStoreDatabases()) {
                try {
                    postgres.dropDatabaseIfExists(db);
                } catch (RuntimeException e) {
                    System.out.println("  could not drop " + db + ": " + e.getMessage());
                }
            }
        }
    }
}
