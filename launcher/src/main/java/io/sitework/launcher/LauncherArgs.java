package io.sitework.launcher;

import java.nio.file.Path;
import java.util.Map;

/** The launcher's command line. */
record LauncherArgs(boolean help, boolean demo, boolean fresh, Path dataDir, int gatewayPort, String gatewayAddress) {

    static final Path DEFAULT_DATA_DIR = Path.of(".sitework");
    static final int DEFAULT_GATEWAY_PORT = 8080;
    static final String DEFAULT_GATEWAY_ADDRESS = "127.0.0.1";

    static final String HELP = """
            Usage: java -jar launcher/target/sitework.jar [options]
               or: java -jar launcher/target/sitework.jar seed

            Starts the whole Sitework platform on this machine: PostgreSQL, a MongoDB endpoint, a mail
            sink (SMTP + IMAP: e-mail stays on this machine), a Kafka broker, work-service,
            context-service, notification-service and the gateway, in that order,
            each once the previous ones are healthy; then seeds a small demo site. Ctrl-C stops it all.

            Options:
              --data-dir=<dir>          where data and logs are kept (default: ./.sitework);
                                        one launcher at a time per data directory
              --gateway-port=<port>     the port of the API and portal (default: 8080)
              --gateway-address=<addr>  the interface the gateway listens on (default: 127.0.0.1;
                                        0.0.0.0 to accept other machines)
              --no-demo                 do not seed the demo site
              --fresh                   start empty: drop this data directory's PostgreSQL
                                        databases, delete its Kafka and in-process MongoDB data
              -h, --help                print this help

            Environment:
              SITEWORK_POSTGRES_URL     a PostgreSQL server to use (jdbc:postgresql://host:port), with
              SITEWORK_POSTGRES_USER    SITEWORK_POSTGRES_PASSWORD; without it, the server on
                                        127.0.0.1:5432 (user postgres) when one answers, else an embedded
                                        PostgreSQL with its data in <data-dir>/postgres
              SITEWORK_MONGO_URI        a MongoDB to use (mongodb://host:port); without it, an in-process
                                        MongoDB-compatible server with its data in <data-dir>/mongo
              SITEWORK_JAVA_OPTS        JVM options of every service, replacing the default
                                        "-XX:+UseSerialGC -Xss512k -Xmx384m"
              SITEWORK_OIDC_ISSUER      an OIDC provider's issuer URL: people log in there
                                        (authorization code + PKCE) and the dev login is off; with
              SITEWORK_PORTAL_OIDC_CLIENT_ID  the portal's public client there (default sitework),
              SITEWORK_OIDC_USER_CLAIM  the claim naming the user (default sub; preferred_username
                                        for Keycloak), and for the demo data SITEWORK_SEED_CLIENT_ID
                                        (default sitework-demo) and SITEWORK_SEED_PASSWORD (default
                                        demo): the password grant of deploy/keycloak's demo realm

            seed: only load the demo data into a platform that already runs (docker-compose's
            seeder), through SITEWORK_SEED_GATEWAY_URL (default http://localhost:8080); with
            SITEWORK_SEED_TOKEN_URL (an OIDC token endpoint), SITEWORK_SEED_CLIENT_ID (default
            sitework-demo) and SITEWORK_SEED_PASSWORD the demo users log in with the password
            grant, else at the gateway's dev login. Retried until SITEWORK_SEED_TIMEOUT (PT3M).

            Databases: sitework_work and sitework_context, created when missing; when they hold
            another data directory's events, this one uses the same names with a suffix of its own.

            Other ports (used when free, other free ports otherwise): work-service 8081,
            context-service 8082, notification-service 8083, gateway management 8090,
            Kafka 9092 and 9093, MongoDB 27017, mail sink SMTP 2525 and IMAP 3143 (read e-mail with
            any IMAP client: user = the recipient's address, any password).
            Logs: <data-dir>/logs/<process>.log
            """;

    static LauncherArgs defaults() {
        return new LauncherArgs(false, true, false, DEFAULT_DATA_DIR, DEFAULT_GATEWAY_PORT, DEFAULT_GATEWAY_ADDRESS);
    }

    /** Accepts {@code --name=value} and {@code --name value}; fails with a message naming the bad argument. */
    static LauncherArgs parse(String... args) {
        boolean help = false;
        boolean demo = true;
        boolean fresh = false;
        Path dataDir = DEFAULT_DATA_DIR;
        int gatewayPort = DEFAULT_GATEWAY_PORT;
        String gatewayAddress = DEFAULT_GATEWAY_ADDRESS;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String name = arg;
            String value = null;
            int equals = arg.indexOf('=');
            if (arg.startsWith("--") && equals > 0) {
                name = arg.substring(0, equals);
                value = arg.substring(equals + 1);
            }
            switch (name) {
                case "-h", "--help" -> help = true;
                case "--no-demo" -> demo = flag(name, value, false);
                case "--demo" -> demo = flag(name, value, true);
                case "--fresh" -> fresh = flag(name, value, true);
                case "--data-dir", "--gateway-port", "--gateway-address" -> {
                    if (value == null) {
                        if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
                            throw new IllegalArgumentException(name + " needs a value, e.g. " + name + "=" + example(name));
                        }
                        value = args[++i];
                    }
                    switch (name) {
                        case "--data-dir" -> dataDir = dataDir(value);
                        case "--gateway-port" -> gatewayPort = port(name, value);
                        default -> gatewayAddress = address(value);
                    }
                }
                default -> throw new IllegalArgumentException("Unknown argument: " + arg);
            }
        }
        return new LauncherArgs(help, demo, fresh, dataDir, gatewayPort, gatewayAddress);
    }

    /** The platform these arguments describe, with the servers named by the environment. */
    PlatformConfig toConfig(Installation installation, Map<String, String> environment) {
        return PlatformConfig.builder(dataDir, installation)
                .gatewayPort(gatewayPort)
                .gatewayAddress(gatewayAddress)
                .demo(demo)
                .fresh(fresh)
                .postgres(blankToNull(environment.get("SITEWORK_POSTGRES_URL")),
                        blankToNull(environment.get("SITEWORK_POSTGRES_USER")),
                        environment.get("SITEWORK_POSTGRES_PASSWORD"))
                .mongoUri(blankToNull(environment.get("SITEWORK_MONGO_URI")))
                .javaOpts(JavaCommand.jvmOptions(environment.get(JavaCommand.JAVA_OPTS_VARIABLE),
                        PlatformConfig.DEFAULT_JAVA_OPTS))
                .oidc(oidc(environment))
                .build();
    }

    /** The OIDC provider the environment names (SITEWORK_OIDC_ISSUER and its companions), or null: the dev login. */
    static PlatformConfig.Oidc oidc(Map<String, String> environment) {
        String issuer = blankToNull(environment.get("SITEWORK_OIDC_ISSUER"));
        if (issuer == null) {
            return null;
        }
        return new PlatformConfig.Oidc(issuer,
                orDefault(environment, "SITEWORK_PORTAL_OIDC_CLIENT_ID", "sitework"),
                orDefault(environment, "SITEWORK_OIDC_USER_CLAIM", "sub"),
                orDefault(environment, "SITEWORK_SEED_CLIENT_ID", "sitework-demo"),
                orDefault(environment, "SITEWORK_SEED_PASSWORD", "demo"));
    }

    private static String orDefault(Map<String, String> environment, String name, String fallback) {
        String value = blankToNull(environment.get(name));
        return value == null ? fallback : value;
    }

    private static boolean flag(String name, String value, boolean whenSet) {
        if (value != null) {
            throw new IllegalArgumentException(name + " takes no value");
        }
        return whenSet;
    }

    private static Path dataDir(String value) {
        if (value.isBlank()) {
            throw new IllegalArgumentException("--data-dir must not be empty");
        }
        return Path.of(value);
    }

    private static int port(String name, String value) {
        try {
            int port = Integer.parseInt(value.trim());
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a port number between 1 and 65535, not \"" + value + "\"");
        }
    }

    private static String address(String value) {
        if (value.isBlank() || value.contains("/") || value.contains(" ")) {
            throw new IllegalArgumentException("--gateway-address must be an IP address or host name, not \"" + value + "\"");
        }
        return value;
    }

    private static String example(String name) {
        return switch (name) {
            case "--data-dir" -> "/var/lib/sitework";
            case "--gateway-port" -> "8088";
            default -> "0.0.0.0";
        };
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
