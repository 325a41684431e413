package io.sitework.launcher;

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
