package io.sitework.launcher;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A browser scenario of the portal ({@code portal/e2e/*.e2e.mjs}): node driving Debian's Chromium through playwright-core,
 * its output echoed with a {@code [browser]} prefix. {@link #assumeRunnable} skips the calling test, saying why, on a
 * machine without node, Chromium, the portal's npm packages or a built portal (a machine with only a JDK).
 */
final class BrowserScenario {

    static final Path PORTAL = Path.of("..", "portal");
    static final Path SCREENSHOTS = Path.of("..", "docs", "screenshots");
    static final String CHROMIUM = System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium");

    /** How a scenario ended: {@code finished} false when it was stopped at the timeout. */
    record Result(boolean finished, int exitCode, String output) {
    }

    private BrowserScenario() {
    }

    static void assumeRunnable(URI gateway, String test) throws IOException, InterruptedException {
        assumeTrue(Files.isExecutable(Path.of(CHROMIUM)), "Chromium is not installed at " + CHROMIUM
                + " (apt-get install chromium; .ci/run does it): " + test + " is skipped");
        assumeTrue(onPath("node"), "node is not on the PATH: " + test + " is skipped");
        assumeTrue(Files.isDirectory(PORTAL.resolve("node_modules").resolve("playwright-core")),
                "the portal's npm packages are not installed (npm was missing at build time): " + test + " is skipped");
        HttpResponse<String> start = HttpClient.newHttpClient().send(HttpRequest.newBuilder(gateway.resolve("/")).build(),
                HttpResponse.BodyHandlers.ofString());
        assumeTrue(!start.body().contains("the portal was not built"),
                "the gateway's portal was not built (npm was missing at build time): " + test + " is skipped");
    }

    /** Runs {@code portal/e2e/<script>} with {@code environment} (and CHROMIUM, SITEWORK_SCREENSHOTS), for at most {@code timeout}. */
    static Result run(String script, Map<String, String> environment, Duration timeout) throws IOException, InterruptedException {
        ProcessBuilder command = new ProcessBuilder("node", PORTAL.resolve("e2e").resolve(script).toString()).redirectErrorStream(true);
        command.environment().putAll(environment);
        command.environment().put("SITEWORK_SCREENSHOTS", SCREENSHOTS.toAbsolutePath().normalize().toString());
        command.environment().put("CHROMIUM", CHROMIUM);
        Process browser = command.start();
        StringBuilder output = new StringBuilder();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(browser.getInputStream(), StandardCharsets.UTF_8))) {
                lines.lines().forEach(line -> {
                    System.out.println("[browser] " + line);
                    synchronized (output) {
                        output.append(line).append('\n');
                    }
                });
            } catch (IOException e) {
                synchronized (output) {
                    output.append(e).append('\n');
                }
            }
        });
        reader.start();
        boolean finished = browser.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (!finished) {
            browser.destroyForcibly();
        }
        reader.join(5_000);
        synchronized (output) {
            return new Result(finished, finished ? browser.exitValue() : -1, output.toString());
        }
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
}
