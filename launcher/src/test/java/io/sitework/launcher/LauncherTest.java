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
                "TOKEN=$(curl -s -X POST http://localhost:8080/auth/dev/token -H 'Content-Type: application/json' "
                        + "-d '{\"subject\":\"anna.planner\"}' | sed -E 's/.*\"access_token\":\"([^\"]+)\".*/\\1/')",
                "curl -H \"Authorization: Bearer $TOKEN\" 'http://localhost:8080/api/work?siteId=" + DemoData.SITE_ID + "'",
                "curl -H \"Authorization: Bearer $TOKEN\" 'http://localhost:8080/api/notifications'",
                "curl http://localhost:8080/auth/dev/users",
                "anna.planner", "bruno.tech", "carla.supervisor", "sam.siteadmin", "tom.south", "olga.admin");
        assertThat(banner).doesNotContain("userId=");
    }

    @Test
    void theLoginLineWorksInAShell() throws Exception {
        // the line the banner prints, run by sh against a canned answer instead of curl
        String line = Launcher.loginCommand("http://localhost:8080", "anna.planner")
                .replace("curl -s -X POST http://localhost:8080/auth/dev/token -H 'Content-Type: application/json' "
                        + "-d '{\"subject\":\"anna.planner\"}'",
                        "printf '%s' '{\"access_token\":\"eyJ.abc-_.def\",\"token_type\":\"Bearer\",\"expires_in\":28800}'");
        Process sh = new ProcessBuilder("sh", "-c", line + " && printf '%s' \"$TOKEN\"").redirectErrorStream(true).start();

        assertThat(new String(sh.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("eyJ.abc-_.def");
        assertThat(sh.waitFor()).isZero();
    }

    @Test
    void withoutTheDemoTheBannerHasNoDemoSite() {
        String banner = Launcher.banner(URI.create("http://localhost:8088/"), Path.of("/d/logs"), DemoSeedResult.disabled());

        assertThat(banner).contains("http://localhost:8088/", "Press Ctrl-C to stop", "http://localhost:8088/auth/dev/token")
                .doesNotContain(DemoData.SITE_ID.toString());
    }

    @Test
    void theBannerSaysWhereEmailGoesWhenThereIsAMailSink() {
        String mail = "e-mail is kept here, not sent: SMTP 127.0.0.1:2525; read it with any IMAP client at 127.0.0.1:3143";

        assertThat(Launcher.banner(URI.create("http://localhost:8080/"), Path.of("/d/logs"), DemoSeedResult.disabled(), mail))
                .contains("  E-mail           " + mail + "\n");
        assertThat(Launcher.banner(URI.create("http://localhost:8080/"), Path.of("/d/logs"), DemoSeedResult.disabled()))
                .doesNotContain("E-mail");
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
