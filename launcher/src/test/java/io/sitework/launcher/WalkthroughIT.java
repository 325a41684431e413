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

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

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
        BrowserScenario.assumeRunnable(platform.gatewayUri(), "the portal's browser test");

        BrowserScenario.Result browser = BrowserScenario.run("portal.e2e.mjs",
                Map.of("SITEWORK_URL", platform.gatewayUri().toString().replaceAll("/+$", "")), Duration.ofMinutes(6));

        assertThat(browser.finished()).as("the browser scenario did not finish within 6 minutes:%n%s", browser.output()).isTrue();
        assertThat(browser.exitCode()).as("the browser scenario failed:%n%s", browser.output()).isZero();
        assertThat(browser.output()).contains("PORTAL E2E PASSED");
        assertThat(BrowserScenario.SCREENSHOTS.resolve("work-detail.png")).isNotEmptyFile();
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
