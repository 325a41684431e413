package io.sitework.launcher;

import io.sitework.infra.PostgresServer;
import io.sitework.launcher.walkthrough.HttpFile;
import io.sitework.launcher.walkthrough.HttpFileRunner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's walkthrough, {@code docs/walkthrough.http}, run request by request against the real
 * platform — a Kafka broker process, PostgreSQL, the Mongo endpoint, the four service jars — started
 * as the launcher does, on free ports, with its demo data (the permit walkthrough works on the demo pump). It
 * fails at the first unmet expectation, naming the request, its status and its body. This is how CI
 * runs the walkthrough.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WalkthroughIT {

    /** Relative to the launcher module, where Maven runs the tests. */
    private static final Path WALKTHROUGH = Path.of("..", "docs", "walkthrough.http");
    private static final Path PERMIT_WALKTHROUGH = Path.of("..", "docs", "walkthrough-permit.http");

    @TempDir
    static Path tmp;

    private final String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    private Platform platform;

    @BeforeAll
    void startThePlatform() {
        PlatformConfig config = PlatformConfig.builder(tmp.resolve("data"), Installation.ofRunningLauncher())
                .anyFreePorts()
                .workDatabase("sitework_walk_work_" + suffix)
                .contextDatabase("sitework_walk_context_" + suffix)
                .notificationDatabase("sitework_walk_notification_" + suffix)
                .postgres(System.getenv("SITEWORK_POSTGRES_URL"), System.getenv("SITEWORK_POSTGRES_USER"),
                        System.getenv("SITEWORK_POSTGRES_PASSWORD"))
                .persistentMongo(false)
                .demo(true)
                .javaOpts(JavaCommand.jvmOptions(System.getenv(JavaCommand.JAVA_OPTS_VARIABLE), PlatformConfig.DEFAULT_JAVA_OPTS))
                .serviceStartTimeout(Duration.ofSeconds(180))
                .stopGrace(Duration.ofSeconds(15))
                .build();
        platform = new Platform(config, (what, detail, took) ->
                System.out.println(ConsoleListener.line(what, detail, took)));
        try {
            platform.start();
        } catch (RuntimeException e) {
            // the data directory is a temporary one: show why a process died before it is gone
            for (String name : List.of("work-service", "context-service", "notification-service", "gateway", "kafka")) {
                List<String> tail = LogTail.of(config.logDir().resolve(name + ".log"), 60);
                if (!tail.isEmpty()) {
                    System.out.println("---- end of " + name + ".log");
                    tail.forEach(System.out::println);
                }
            }
            throw e;
        }
    }

    @AfterAll
    void stopThePlatformAndDropItsDatabases() {
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

    @Test
    void theReadmeWalkthroughRunsFromRequestToClose() {
        run(WALKTHROUGH);
    }

    @Test
    void thePermitWalkthroughRunsAPermitControlledJobEndToEnd() {
        run(PERMIT_WALKTHROUGH);
    }

    private void run(Path file) {
        HttpFile walkthrough = HttpFile.read(file);
        String gateway = platform.gatewayUri().toString().replaceAll("/+$", "");
        HttpFileRunner runner = HttpFileRunner.builder()
                .variable("base", gateway)
                .retryDelay(Duration.ofMillis(500))
                .log(System.out::println)
                .build();

        List<HttpFileRunner.Step> steps = runner.run(walkthrough);

        assertThat(steps).hasSameSizeAs(walkthrough.requests());
    }
}
