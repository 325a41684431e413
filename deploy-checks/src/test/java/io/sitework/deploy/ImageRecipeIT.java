package io.sitework.deploy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Dockerfile's runtime recipe rehearsed without Docker, on the gateway's real jar: the {@code layers} stage's
 * extraction command as the Dockerfile writes it, the {@code app} stage's COPYs of the layers into one directory in
 * its order, the ENTRYPOINT's main class and JAVA_OPTS run from that directory as the image would, and the
 * HEALTHCHECK script (deploy/docker/healthcheck.sh) against it: failing while the app is down, passing once it is
 * up. What only Docker can check — the base images, apt, the non-root user, BuildKit's caches — is not covered.
 */
class ImageRecipeIT {

    private static final Path DOCKERFILE = Repo.path("Dockerfile");
    private static final Path GATEWAY_JAR = Repo.path("gateway/target/gateway-exec.jar");
    private static final Path HEALTHCHECK = Repo.path("deploy/docker/healthcheck.sh");

    @TempDir
    Path tmp;

    @Test
    void theLayeredGatewayStartsFromItsLayersAndTheHealthCheckSeesIt() throws Exception {
        assertThat(GATEWAY_JAR).as("the gateway's jar: build the gateway module first").exists();
        String dockerfile = Files.readString(DOCKERFILE);

        // stage "layers": the extraction, as written
        List<String> extract = words(stage(dockerfile, "layers"), "RUN java ");
        assertThat(extract).as("the layers stage's extraction").contains("-Djarmode=tools", "extract", "--layers");
        Path layers = Files.createDirectories(tmp.resolve("layers"));
        Files.copy(GATEWAY_JAR, layers.resolve("app.jar"));
        run(layers, javaCommand(extract));

        // stage "app": the layers copied into /app in the Dockerfile's order
        String app = stage(dockerfile, "app");
        Matcher copy = Pattern.compile("COPY --from=layers /layers/(\\S+?)/? \\./").matcher(app);
        Path appDir = Files.createDirectories(tmp.resolve("app"));
        List<String> copied = new ArrayList<>();
        while (copy.find()) {
            copyTree(layers.resolve(copy.group(1)), appDir);
            copied.add(copy.group(1));
        }
        assertThat(copied).containsExactly("extracted/dependencies", "extracted/spring-boot-loader",
                "extracted/snapshot-dependencies", "extracted/application");
        assertThat(size(layers.resolve("extracted/application")))
                .as("the application layer, rebuilt on every code change, is a small part of the image")
                .isLessThan(size(layers.resolve("extracted/dependencies")) / 4);

        // ENTRYPOINT: java $JAVA_OPTS <main class>, in WORKDIR /app
        Matcher entry = Pattern.compile("exec java \\$JAVA_OPTS (\\S+)").matcher(app);
        assertThat(entry.find()).as("the app stage's ENTRYPOINT").isTrue();
        Matcher opts = Pattern.compile("JAVA_OPTS=\"([^\"]*)\"").matcher(app);
        assertThat(opts.find()).as("the app stage's JAVA_OPTS").isTrue();
        int port = freePort();
        int management = freePort();
        List<String> command = new ArrayList<>();
        command.add(javaExecutable());
        command.addAll(Arrays.asList(opts.group(1).trim().split("\\s+")));
        command.add("-Xmx256m"); // the container limit's share, on a machine running the whole suite
        command.add(entry.group(1));
        ProcessBuilder gateway = new ProcessBuilder(command).directory(appDir.toFile()).redirectErrorStream(true)
                .redirectOutput(tmp.resolve("gateway.log").toFile());
        Map<String, String> env = gateway.environment();
        env.put("SERVICE", "gateway");
        env.put("SITEWORK_GATEWAY_PORT", String.valueOf(port));
        env.put("SITEWORK_GATEWAY_MANAGEMENT_PORT", String.valueOf(management));
        env.put("AXONIQ_UPDATE_CHECKER_DISABLED", "true");

        Map<String, String> check = Map.of("SERVICE", "gateway", "SITEWORK_GATEWAY_MANAGEMENT_PORT", String.valueOf(management));
        assertThat(healthcheck(check)).as("the health check fails while nothing answers").isNotZero();
        Process process = gateway.start();
        try {
            Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
            int status;
            do {
                assertThat(process.isAlive()).as("the gateway started from its layers exited:%n%s", log()).isTrue();
                Thread.sleep(1_000);
                status = healthcheck(check);
            } while (status != 0 && Instant.now().isBefore(deadline));
            assertThat(status).as("the image's health check against the gateway started from its layers:%n%s", log()).isZero();
            assertThat(log()).contains("Started");
        } finally {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
        assertThat(healthcheck(check)).as("the health check fails once the app is gone").isNotZero();
    }

    /** The text of the stage {@code FROM ... AS name}, up to the next FROM. */
    static String stage(String dockerfile, String name) {
        Matcher from = Pattern.compile("(?m)^FROM \\S+ AS " + Pattern.quote(name) + "\\s*$").matcher(dockerfile);
        assertThat(from.find()).as("stage " + name + " in the Dockerfile").isTrue();
        int end = dockerfile.indexOf("\nFROM ", from.end());
        return dockerfile.substring(from.end(), end < 0 ? dockerfile.length() : end);
    }

    /** The words of the instruction starting with {@code prefix} (e.g. "RUN java "), without the instruction. */
    static List<String> words(String stage, String prefix) {
        return stage.lines().filter(line -> line.startsWith(prefix)).findFirst()
                .map(line -> Arrays.asList(line.substring("RUN ".length()).trim().split("\\s+")))
                .orElseThrow(() -> new AssertionError("no \"" + prefix + "\" in the stage"));
    }

    private static List<String> javaCommand(List<String> words) {
        List<String> command = new ArrayList<>(words);
        command.set(0, javaExecutable());
        return command;
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private int healthcheck(Map<String, String> environment) throws IOException, InterruptedException {
        ProcessBuilder check = new ProcessBuilder("sh", HEALTHCHECK.toString()).redirectErrorStream(true)
                .redirectOutput(tmp.resolve("healthcheck.log").toFile());
        check.environment().putAll(environment);
        Process process = check.start();
        assertThat(process.waitFor(10, TimeUnit.SECONDS)).as("the health check ends within its timeout").isTrue();
        return process.exitValue();
    }

    private static void run(Path dir, List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("%s:%n%s", command, output).isZero();
    }

    private static void copyTree(Path from, Path to) throws IOException {
        assertThat(from).as("layer " + from.getFileName()).isDirectory();
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static long size(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(file -> {
                try {
                    return Files.size(file);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).sum();
        }
    }

    private String log() throws IOException {
        Path log = tmp.resolve("gateway.log");
        if (!Files.exists(log)) {
            return "";
        }
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
