package io.sitework.launcher;

import io.sitework.infra.KafkaBrokerProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The launcher as a person runs it — {@code java -jar sitework.jar} — with a real Kafka broker, the local
 * (or embedded) PostgreSQL and the in-process Mongo endpoint, but stand-in service jars ({@link FakeService}),
 * so that starting, supervising and stopping are tested without the services' start-up time.
 */
class LauncherProcessIT {

    private static final Duration START = Duration.ofSeconds(90);
    private static final Map<String, String> LIGHT_SERVICES =
            Map.of("SITEWORK_JAVA_OPTS", "-Xmx32m -XX:+UseSerialGC -XX:TieredStopAtLevel=1");

    @TempDir
    static Path shared;
    private static Installation installation;

    @TempDir
    Path tmp;

    private Path dataDir;
    private int gatewayPort;
    private final List<LauncherProcess> launchers = new ArrayList<>();

    @BeforeAll
    static void installFakeServices() throws Exception {
        installation = FakeInstallation.create(shared.resolve("home"));
    }

    @AfterAll
    static void removeTheLinkToTheRealLib() throws Exception {
        FakeInstallation.remove(installation);
    }

    @BeforeEach
    void newDataDirectory() {
        dataDir = tmp.resolve("data");
        gatewayPort = KafkaBrokerProcess.freePort();
    }

    @AfterEach
    void leaveNothingBehind() {
        launchers.forEach(LauncherProcess::kill);
        leftovers().forEach(ProcessHandle::destroyForcibly);
        ClaimedDatabases.drop(dataDir, "sitework_work", "sitework_context");
    }

    /** Processes of this test: the services run from the installation, Kafka from the data directory. */
    private List<ProcessHandle> leftovers() {
        List<ProcessHandle> all = new ArrayList<>(LauncherProcess.processesMentioning(installation.home().toString()));
        all.addAll(LauncherProcess.processesMentioning(tmp.toString()));
        return all;
    }

    private LauncherProcess launch(Map<String, String> env, String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of("--gateway-port=" + gatewayPort));
        all.addAll(List.of(args));
        LauncherProcess launcher = LauncherProcess.start(installation, dataDir, env, all.toArray(String[]::new));
        launchers.add(launcher);
        return launcher;
    }

    private static int httpStatus(URI uri) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (Exception e) {
            return -1;
        }
    }

    private void assertNothingLeftRunning() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(leftovers()).extracting(p -> p.info().commandLine().orElse("")).isEmpty());
    }

    @Test
    void startsEverythingInOrderSeedsTheDemoAndCtrlCLeavesNothingRunning() throws Exception {
        LauncherProcess launcher = launch(LIGHT_SERVICES);
        launcher.awaitRunning(START);

        String output = launcher.output();
        assertThat(output).containsSubsequence("data dir", "PostgreSQL", "MongoDB", "Kafka", "gateway", "demo data",
                "Sitework is running.", "http://localhost:" + gatewayPort + "/", "Press Ctrl-C to stop.");
        assertThat(output).contains("work-service", "context-service", "notification-service",
                "site " + DemoData.SITE_ID + ": 6 assets and 6 work items created");
        assertThat(output.indexOf("notification-service")).isLessThan(output.indexOf("  gateway"));
        assertThat(httpStatus(URI.create("http://127.0.0.1:" + gatewayPort + "/actuator/health"))).isEqualTo(200);

        // each process got its configuration, and writes its log under the data directory
        String workLog = Files.readString(dataDir.resolve("logs/work-service.log"));
        assertThat(workLog).contains("env SITEWORK_WORK_DB_URL=jdbc:postgresql://", "/sitework_work",
                "env SITEWORK_KAFKA_BOOTSTRAP=127.0.0.1:", "env AXONIQ_UPDATE_CHECKER_DISABLED=true",
                "env SERVER_ADDRESS=127.0.0.1", "env SITEWORK_WORK_MONGO_URI=mongodb://127.0.0.1:");
        String gatewayLog = Files.readString(dataDir.resolve("logs/gateway.log"));
        assertThat(gatewayLog).contains("env SITEWORK_GATEWAY_PORT=" + gatewayPort, "env SITEWORK_WORK_URL=http://127.0.0.1:",
                "env SITEWORK_DEV_LOGIN_ENABLED=true",
                "env SITEWORK_DEV_LOGIN_KEY_FILE=" + dataDir.toAbsolutePath().normalize().resolve("dev-login/jwk.json"),
                "env SITEWORK_OIDC_ISSUER=http://localhost:" + gatewayPort + "/auth/dev");
        assertThat(workLog).contains("env SITEWORK_OIDC_ISSUER=http://localhost:" + gatewayPort + "/auth/dev",
                "env SITEWORK_OIDC_JWK_SET_URI=http://127.0.0.1:" + gatewayPort + "/auth/dev/jwks")
                .doesNotContain("SITEWORK_DEV_LOGIN");
        assertThat(dataDir.resolve("logs/kafka.log")).exists();

        Map<String, Long> pids = launcher.recordedPids();
        assertThat(pids).containsKeys("kafka", "work-service", "context-service", "notification-service", "gateway");
        assertThat(pids.values()).allMatch(LauncherProcess::alive);

        // one launcher per data directory: a second one is refused and leaves the first alone
        int firstGatewayPort = gatewayPort;
        gatewayPort = KafkaBrokerProcess.freePort();
        LauncherProcess second = launch(LIGHT_SERVICES, "--no-demo");
        assertThat(second.awaitExit(Duration.ofSeconds(30))).isEqualTo(1);
        assertThat(second.output()).contains("Another Sitework launcher (pid " + launcher.process().pid()
                + ") is using the data directory " + dataDir);
        assertThat(pids.values()).allMatch(LauncherProcess::alive);
        assertThat(httpStatus(URI.create("http://127.0.0.1:" + firstGatewayPort + "/actuator/health"))).isEqualTo(200);

        launcher.process().destroy(); // SIGTERM: the same shutdown path as Ctrl-C (SIGINT)

        launcher.awaitExit(Duration.ofSeconds(60));
        assertThat(launcher.output()).contains("Stopping Sitework", "nothing left running");
        assertThat(pids.values()).noneMatch(LauncherProcess::alive);
        assertThat(dataDir.resolve("run/processes")).doesNotExist();
        assertThat(PortChooser.canBind(firstGatewayPort)).isTrue();
        assertNothingLeftRunning();
    }

    @Test
    void aServiceThatDiesWhileRunningIsReportedAndStopsThePlatformWithAnError() throws Exception {
        LauncherProcess launcher = launch(LIGHT_SERVICES, "--no-demo");
        launcher.awaitRunning(START);
        long workService = launcher.recordedPids().get("work-service");

        ProcessHandle.of(workService).orElseThrow().destroyForcibly();

        assertThat(launcher.awaitExit(Duration.ofSeconds(60))).isEqualTo(1);
        assertThat(launcher.output()).contains("work-service exited unexpectedly (exit code 137)",
                "fake work-service started on", "Stopping the platform.", "nothing left running");
        assertNothingLeftRunning();
    }

    @Test
    void aServiceThatCannotStartFailsTheStartWithTheEndOfItsLog() throws Exception {
        Map<String, String> env = new java.util.HashMap<>(LIGHT_SERVICES);
        env.put("FAKE_CRASH_MODULE", "context-service");
        LauncherProcess launcher = launch(env, "--no-demo");

        assertThat(launcher.awaitExit(START)).isEqualTo(1);
        assertThat(launcher.output()).contains("Sitework did not start: context-service exited with code 3 before it was ready",
                "| APPLICATION FAILED TO START: cannot reach the database (fake)", "nothing left running");
        assertThat(launcher.output()).doesNotContain("Press Ctrl-C");
        assertNothingLeftRunning();
    }

    @Test
    void whenTheLauncherIsKilledHardItsJvmsFollowAndTheNextLauncherStartsCleanly() throws Exception {
        LauncherProcess killed = launch(LIGHT_SERVICES, "--no-demo");
        killed.awaitRunning(START);
        Map<String, Long> pids = killed.recordedPids();

        killed.process().destroyForcibly(); // SIGKILL: no shutdown hook runs
        killed.awaitExit(Duration.ofSeconds(10));

        // the services and the broker watch the launcher's pid and exit by themselves
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(List.of("work-service", "context-service", "notification-service", "gateway", "kafka"))
                        .allSatisfy(name -> assertThat(LauncherProcess.alive(pids.get(name))).as(name).isFalse()));
        assertThat(Files.readString(dataDir.resolve("logs/work-service.log"))).contains("is gone; shutting down");
        assertThat(Files.readString(dataDir.resolve("logs/kafka.log"))).contains("is gone; shutting down");

        // the next launcher on this data directory starts on the same (kept) broker data
        LauncherProcess next = launch(LIGHT_SERVICES, "--no-demo");
        next.awaitRunning(START);
        assertThat(next.output()).doesNotContain("demo data");

        next.process().destroy();
        next.awaitExit(Duration.ofSeconds(60));
        assertNothingLeftRunning();
    }

    @Test
    void aGatewayPortInUseIsRefusedBeforeAnythingStarts() throws Exception {
        try (java.net.ServerSocket busy = new java.net.ServerSocket(gatewayPort)) {
            LauncherProcess launcher = launch(LIGHT_SERVICES, "--no-demo");

            assertThat(launcher.awaitExit(Duration.ofSeconds(30))).isEqualTo(1);
            assertThat(launcher.output()).contains("Port " + gatewayPort + " (gateway) is already in use", "--gateway-port")
                    .doesNotContain("Kafka ");
        }
        assertNothingLeftRunning();
    }
}
