package io.sitework.launcher;

import io.sitework.launcher.walkthrough.HttpFile;
import io.sitework.launcher.walkthrough.HttpFileRunner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The README's walkthrough, {@code docs/walkthrough.http}, run request by request against the real
 * platform — a Kafka broker process, PostgreSQL, the Mongo endpoint, the four service jars — started
 * as the launcher does, on free ports, with its demo data (the permit walkthrough works on the demo pump). It
 * fails at the first unmet expectation, naming the request, its status and its body. This is how CI
 * runs the walkthrough. On the same platform (one start for all three), the portal's browser scenario
 * ({@code portal/e2e/portal.e2e.mjs}): Debian's Chromium, driven by playwright-core, clicks through the same story
 * in the web portal and saves screenshots of the main screens into {@code docs/screenshots/}. It is skipped, saying
 * why, where node, Chromium or the built portal is missing (a machine with only a JDK).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WalkthroughIT {

    private static final Path PORTAL = Path.of("..", "portal");
    private static final Path BROWSER_SCENARIO = PORTAL.resolve("e2e").resolve("portal.e2e.mjs");
    private static final Path SCREENSHOTS = Path.of("..", "docs", "screenshots");
    private static final String CHROMIUM = System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium");

    /** Relative to the launcher module, where Maven runs the tests. */
    private static final Path WALKTHROUGH = Path.of("..", "docs", "walkthrough.http");
    private static final Path PERMIT_WALKTHROUGH = Path.of("..", "docs", "walkthrough-permit.http");

    @TempDir
    static Path tmp;

    private Platform platform;

    @BeforeAll
    void startThePlatform() {
        platform = TestPlatforms.start(tmp, "walk", Duration.ofSeconds(180));
    }

    @AfterAll
    void stopThePlatformAndDropItsDatabases() {
        TestPlatforms.stopAndDropDatabases(platform);
    }

    @Test
    @Order(1)
    void theReadmeWalkthroughRunsFromRequestToClose() {
        run(WALKTHROUGH);
    }

    @Test
    @Order(2)
    void thePermitWalkthroughRunsAPermitControlledJobEndToEnd() {
        run(PERMIT_WALKTHROUGH);
    }

    @Test
    @Order(3)
    void thePortalRunsTheScenarioInARealBrowser() throws Exception {
        String gateway = platform.gatewayUri().toString().replaceAll("/+$", "");
        assumeTrue(Files.isExecutable(Path.of(CHROMIUM)), "Chromium is not installed at " + CHROMIUM
                + " (apt-get install chromium; .ci/run does it): the portal's browser test is skipped");
        assumeTrue(onPath("node"), "node is not on the PATH: the portal's browser test is skipped");
        assumeTrue(Files.isDirectory(PORTAL.resolve("node_modules").resolve("playwright-core")),
                "the portal's npm packages are not installed (npm was missing at build time): the browser test is skipped");
        HttpResponse<String> start = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(gateway + "/")).build(),
                HttpResponse.BodyHandlers.ofString());
        assumeTrue(!start.body().contains("the portal was not built"),
                "the gateway's portal was not built (npm was missing at build time): the browser test is skipped");

        ProcessBuilder command = new ProcessBuilder("node", BROWSER_SCENARIO.toString()).redirectErrorStream(true);
        command.environment().put("SITEWORK_URL", gateway);
        command.environment().put("SITEWORK_SCREENSHOTS", SCREENSHOTS.toAbsolutePath().normalize().toString());
        command.environment().put("CHROMIUM", CHROMIUM);
        Process browser = command.start();
        StringBuilder output = new StringBuilder();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(browser.getInputStream(), StandardCharsets.UTF_8))) {
                lines.lines().forEach(line -> {
                    System.out.println("[browser] " + line);
                    output.append(line).append('\n');
                });
            } catch (java.io.IOException e) {
                output.append(e).append('\n');
            }
        });
        reader.start();
        boolean finished = browser.waitFor(6, TimeUnit.MINUTES);
        if (!finished) {
            browser.destroyForcibly();
        }
        reader.join(5_000);

        assertThat(finished).as("the browser scenario did not finish within 6 minutes:%n%s", output).isTrue();
        assertThat(browser.exitValue()).as("the browser scenario failed:%n%s", output).isZero();
        assertThat(output).contains("PORTAL E2E PASSED");
        assertThat(SCREENSHOTS.resolve("work-detail.png")).isNotEmptyFile();
    }

    private static boolean onPath(String executable) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, executable))) {
                return true;
            }
        }
        return false;
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
