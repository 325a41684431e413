package io.sitework.launcher;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class LauncherTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Launcher.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void helpPrintsTheUsageAndExitsWithZero() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("Usage: java -jar launcher/target/sitework.jar");
    }

    @Test
    void aBadArgumentExitsWithTwoAndPointsToHelp() {
        assertThat(run("--gateway-port=abc")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--gateway-port must be a port number", "--help");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void theBannerSaysWhereThePlatformIsAndHowToTryIt() {
        String banner = Launcher.banner(URI.create("http://localhost:8080/"), Path.of("/d/logs"),
                new DemoSeedResult(DemoSeedResult.Outcome.CREATED, 6, 6, "6 assets and 6 work items created"));

        assertThat(banner).contains("http://localhost:8080/", "/d/logs", "Press Ctrl-C to stop",
                "curl 'http://localhost:8080/api/work?siteId=" + DemoData.SITE_ID + "'",
                "anna.planner", "bruno.tech", "carla.supervisor");
    }

    @Test
    void withoutTheDemoTheBannerHasNoDemoSite() {
        String banner = Launcher.banner(URI.create("http://localhost:8088/"), Path.of("/d/logs"), DemoSeedResult.disabled());

        assertThat(banner).contains("http://localhost:8088/", "Press Ctrl-C to stop").doesNotContain(DemoData.SITE_ID.toString());
    }

    @Test
    void aFailedSeedIsShownInTheBanner() {
        String banner = Launcher.banner(URI.create("http://localhost:8080/"), Path.of("/d/logs"),
                new DemoSeedResult(DemoSeedResult.Outcome.FAILED, 0, 0, "create asset A-100: HTTP 404"));

        assertThat(banner).contains("seeding failed: create asset A-100: HTTP 404");
    }

    @Test
    void aStepIsOneLineWithItsDuration() {
        assertThat(ConsoleListener.line("Kafka", "broker at 127.0.0.1:9092", java.time.Duration.ofMillis(3240)))
                .isEqualTo("  Kafka                 broker at 127.0.0.1:9092  (3.2 s)");
    }
}
