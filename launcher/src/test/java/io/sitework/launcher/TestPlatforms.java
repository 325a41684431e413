package io.sitework.launcher;

import io.sitework.infra.PostgresServer;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * The real platform for integration tests, started as the launcher does — a Kafka broker process, the
 * local (or embedded) PostgreSQL with databases of its own, the in-process Mongo endpoint, the service
 * jars as child processes — on free ports, and stopped again with its databases dropped.
 */
final class TestPlatforms {

    private static final List<String> PROCESSES = List.of("work-service", "context-service", "notification-service", "gateway", "kafka");

    private TestPlatforms() {
    }

    /**
     * Starts a platform in {@code tmp}, its databases named {@code sitework_<prefix>_<service>_<random>};
     * if it cannot start, the end of each process's log is printed before the temporary directory goes.
     */
    static Platform start(Path tmp, String prefix, Duration serviceStartTimeout) {
        return start(tmp, prefix, serviceStartTimeout, List.of());
    }

    /** As {@link #start(Path, String, Duration)}, each service's JVM given {@code javaOptions} as well (e.g. {@code -Dproperty=value}). */
    static Platform start(Path tmp, String prefix, Duration serviceStartTimeout, List<String> javaOptions) {
        return start(tmp, prefix, serviceStartTimeout, javaOptions, UnaryOperator.identity());
    }

    /** As {@link #start(Path, String, Duration, List)}, the configuration changed by {@code customize} last. */
    static Platform start(Path tmp, String prefix, Duration serviceStartTimeout, List<String> javaOptions,
                          UnaryOperator<PlatformConfig.Builder> customize) {
        String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        PlatformConfig.Builder builder = PlatformConfig.builder(tmp.resolve("data"), Installation.ofRunningLauncher())
                .anyFreePorts()
                .workDatabase("sitework_" + prefix + "_work_" + suffix)
                .contextDatabase("sitework_" + prefix + "_context_" + suffix)
                .notificationDatabase("sitework_" + prefix + "_notification_" + suffix)
                .postgres(System.getenv("SITEWORK_POSTGRES_URL"), System.getenv("SITEWORK_POSTGRES_USER"),
                        System.getenv("SITEWORK_POSTGRES_PASSWORD"))
                .persistentMongo(false)
                .demo(true)
                .javaOpts(Stream.concat(JavaCommand.jvmOptions(System.getenv(JavaCommand.JAVA_OPTS_VARIABLE),
                        PlatformConfig.DEFAULT_JAVA_OPTS).stream(), javaOptions.stream()).toList())
                .serviceStartTimeout(serviceStartTimeout)
                .stopGrace(Duration.ofSeconds(15));
        PlatformConfig config = customize.apply(builder).build();
        Platform platform = new Platform(config, (what, detail, took) -> System.out.println(ConsoleListener.line(what, detail, took)));
        try {
            return platform.start();
        } catch (RuntimeException e) {
            for (String name : PROCESSES) {
                List<String> tail = LogTail.of(config.logDir().resolve(name + ".log"), 60);
                if (!tail.isEmpty()) {
                    System.out.println("---- end of " + name + ".log");
                    tail.forEach(System.out::println);
                }
            }
            stopAndDropDatabases(platform);
            throw e;
        }
    }

    /** Stops the platform (if it started) and drops the event-store databases it made on a local PostgreSQL. */
    static void stopAndDropDatabases(Platform platform) {
        if (platform == null) {
            return;
        }
        platform.close();
        if (!platform.usesEmbeddedPostgres()) {
            PostgresServer server = PostgresServer.findOrStart(platform.config().postgresUrl(), platform.config().postgresUser(),
                    platform.config().postgresPassword(), null);
            platform.eventStoreDatabases().forEach(server::dropDatabaseIfExists);
        }
    }
}
