package io.sitework.launcher;

import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The services' configuration contract: which environment variables each process receives, built
 * from the infrastructure the platform found or started and the ports it chose.
 */
final class ServiceSpecs {

    static final String LOOPBACK = "127.0.0.1";

    /**
     * Where the shared infrastructure is. {@code inProcessMongo}: the Mongo endpoint is the launcher's
     * in-process server, which does not answer the {@code hello} command Spring Boot's Mongo health check
     * sends; the services then leave Mongo out of their health (it lives and dies with the launcher anyway).
     * {@code smtpHost}, {@code smtpPort}: where notification-service sends e-mail (the launcher's mail sink), or
     * null: no SMTP server, so it writes e-mails to its log.
     */
    record Infrastructure(String kafkaBootstrap, String dbUser, String dbPassword,
                          String workDbUrl, String contextDbUrl,
                          String workMongoUri, String contextMongoUri, String notificationMongoUri,
                          boolean inProcessMongo, String smtpHost, int smtpPort) {

        /** Without an SMTP server. */
        Infrastructure(String kafkaBootstrap, String dbUser, String dbPassword, String workDbUrl, String contextDbUrl,
                       String workMongoUri, String contextMongoUri, String notificationMongoUri, boolean inProcessMongo) {
            this(kafkaBootstrap, dbUser, dbPassword, workDbUrl, contextDbUrl, workMongoUri, contextMongoUri, notificationMongoUri,
                    inProcessMongo, null, 0);
        }
    }

    /** The ports the platform chose. */
    record Ports(int gateway, int management, int work, int context, int notification) {
    }

    /**
     * Who issues the tokens. In the embedded default: the gateway's dev login, signing with the key in
     * {@code keyFile}. With an OIDC provider ({@link #external}): the provider; {@code keyFile} is null, the dev
     * login is off and the portal logs people in at the provider as {@code portalClientId}. The services (and the
     * gateway) trust {@code issuer}, name the user by {@code userClaim} and fetch the public keys from
     * {@code jwkSetUri} when the first token arrives, so they may start before the gateway.
     */
    record Login(String issuer, String jwkSetUri, Path keyFile, String userClaim, String portalClientId) {

        static Login embedded(DataDirectory dir, String gatewayAddress, int gatewayPort) {
            return new Login("http://localhost:" + gatewayPort + "/auth/dev",
                    "http://" + localHostFor(gatewayAddress) + ":" + gatewayPort + "/auth/dev/jwks",
                    dir.devLoginKey(), "sub", null);
        }

        static Login external(OidcProvider provider) {
            return new Login(provider.issuer(), provider.jwkSetUri().toString(), null, provider.userClaim(), provider.clientId());
        }

        boolean devLogin() {
            return keyFile != null;
        }
    }

    private ServiceSpecs() {
    }

    /** work-service, context-service and notification-service, in that order; they start in parallel. */
    static List<ServiceSpec> services(Infrastructure infra, Ports ports, Login login) {
        Map<String, String> work = common(infra, LOOPBACK);
        work.put("SITEWORK_WORK_PORT", String.valueOf(ports.work()));
        work.put("SITEWORK_WORK_DB_URL", infra.workDbUrl());
        work.put("SITEWORK_DB_USER", infra.dbUser());
        work.put("SITEWORK_DB_PASSWORD", infra.dbPassword());
        work.put("SITEWORK_WORK_MONGO_URI", infra.workMongoUri());
        mongoHealth(infra, work);

        Map<String, String> context = common(infra, LOOPBACK);
        context.put("SITEWORK_CONTEXT_PORT", String.valueOf(ports.context()));
        context.put("SITEWORK_CONTEXT_DB_URL", infra.contextDbUrl());
        context.put("SITEWORK_DB_USER", infra.dbUser());
        context.put("SITEWORK_DB_PASSWORD", infra.dbPassword());
        context.put("SITEWORK_CONTEXT_MONGO_URI", infra.contextMongoUri());
        mongoHealth(infra, context);

        Map<String, String> notification = common(infra, LOOPBACK);
        notification.put("SITEWORK_NOTIFICATION_PORT", String.valueOf(ports.notification()));
        notification.put("SITEWORK_NOTIFICATION_MONGO_URI", infra.notificationMongoUri());
        mongoHealth(infra, notification);
        if (infra.smtpHost() != null) {
            notification.put("SPRING_MAIL_HOST", infra.smtpHost());
            notification.put("SPRING_MAIL_PORT", String.valueOf(infra.smtpPort()));
        }
        // links in e-mails lead to the portal the gateway serves
        notification.put("SITEWORK_NOTIFICATION_PORTAL_URL", "http://localhost:" + ports.gateway());

        for (Map<String, String> service : List.of(work, context, notification)) {
            service.put("SITEWORK_OIDC_ISSUER", login.issuer());
            service.put("SITEWORK_OIDC_JWK_SET_URI", login.jwkSetUri());
            service.put("SITEWORK_OIDC_USER_CLAIM", login.userClaim());
        }
        return List.of(
                new ServiceSpec("work-service", ports.work(), work, health(LOOPBACK, ports.work())),
                new ServiceSpec("context-service", ports.context(), context, health(LOOPBACK, ports.context())),
                new ServiceSpec("notification-service", ports.notification(), notification,
                        health(LOOPBACK, ports.notification())));
    }

    /** Another instance of a service: {@code service}'s configuration on {@code port}, named {@code name}. */
    static ServiceSpec instance(ServiceSpec service, String name, int port) {
        Map<String, String> env = new HashMap<>(service.environment());
        String portVariable = switch (service.module()) {
            case "work-service" -> "SITEWORK_WORK_PORT";
            case "context-service" -> "SITEWORK_CONTEXT_PORT";
            case "notification-service" -> "SITEWORK_NOTIFICATION_PORT";
            default -> throw new IllegalArgumentException("no second instance of " + service.module());
        };
        env.put(portVariable, String.valueOf(port));
        env.put("SITEWORK_INSTANCE_ID", name);
        URI health = service.healthUri();
        return new ServiceSpec(service.module(), port, env, URI.create(health.getScheme() + "://" + health.getHost() + ":" + port + health.getPath()));
    }

    /**
     * The gateway, listening on {@code address}; its management port stays on the loopback interface. Its dev
     * login is on in the embedded default (one machine), off when an OIDC provider logs people in.
     */
    static ServiceSpec gateway(Infrastructure infra, Ports ports, String address, Login login) {
        Map<String, String> env = common(infra, address);
        env.put("MANAGEMENT_SERVER_ADDRESS", LOOPBACK);
        env.put("SITEWORK_GATEWAY_PORT", String.valueOf(ports.gateway()));
        env.put("SITEWORK_GATEWAY_MANAGEMENT_PORT", String.valueOf(ports.management()));
        env.put("SITEWORK_WORK_URL", "http://" + LOOPBACK + ":" + ports.work());
        env.put("SITEWORK_CONTEXT_URL", "http://" + LOOPBACK + ":" + ports.context());
        env.put("SITEWORK_NOTIFICATION_URL", "http://" + LOOPBACK + ":" + ports.notification());
        env.put("SITEWORK_OIDC_ISSUER", login.issuer());
        env.put("SITEWORK_OIDC_USER_CLAIM", login.userClaim());
        if (login.devLogin()) {
            env.put("SITEWORK_DEV_LOGIN_ENABLED", "true");
            env.put("SITEWORK_DEV_LOGIN_KEY_FILE", login.keyFile().toString());
        } else {
            env.put("SITEWORK_DEV_LOGIN_ENABLED", "false");
            env.put("SITEWORK_OIDC_JWK_SET_URI", login.jwkSetUri());
            env.put("SITEWORK_PORTAL_OIDC_CLIENT_ID", login.portalClientId());
        }
        // the portal is served by the gateway itself, from the URL the banner prints
        env.put("SITEWORK_PORTAL_ORIGIN", publicUrl(address, ports.gateway()).toString().replaceAll("/$", ""));
        return new ServiceSpec("gateway", ports.gateway(), env, health(localHostFor(address), ports.gateway()));
    }

    /** The URL a person on this machine opens. */
    static URI publicUrl(String address, int port) {
        String host = isWildcard(address) || isLoopback(address) ? "localhost" : hostLiteral(address);
        return URI.create("http://" + host + ":" + port + "/");
    }

    /** The host this machine reaches a server bound to {@code address} at. */
    static String localHostFor(String address) {
        return isWildcard(address) ? LOOPBACK : hostLiteral(address);
    }

    private static Map<String, String> common(Infrastructure infra, String address) {
        Map<String, String> env = new HashMap<>();
        env.put("SITEWORK_KAFKA_BOOTSTRAP", infra.kafkaBootstrap());
        env.put("AXONIQ_UPDATE_CHECKER_DISABLED", "true");
        env.put("SERVER_ADDRESS", address);
        return env;
    }

    private static void mongoHealth(Infrastructure infra, Map<String, String> env) {
        if (infra.inProcessMongo()) {
            env.put("MANAGEMENT_HEALTH_MONGO_ENABLED", "false");
        }
    }

    private static URI health(String host, int port) {
        return URI.create("http://" + host + ":" + port + "/actuator/health");
    }

    private static boolean isWildcard(String address) {
        return address.equals("0.0.0.0") || address.equals("::") || address.equals("[::]");
    }

    private static boolean isLoopback(String address) {
        return address.equals("localhost") || address.startsWith("127.") || address.equals("::1")
                || address.equals("[::1]");
    }

    private static String hostLiteral(String address) {
        return address.contains(":") && !address.startsWith("[") ? "[" + address + "]" : address;
    }
}
