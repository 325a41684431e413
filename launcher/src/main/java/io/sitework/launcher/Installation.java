package io.sitework.launcher;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where the built platform lives: the directory of {@code sitework.jar} (Maven's {@code launcher/target}),
 * with the launcher's runtime jars in {@code lib/} (they also run the Kafka broker) and the four runnable
 * service jars in {@code services/}. Both are written by {@code ./mvnw package}.
 */
public record Installation(Path home) {

    public static final List<String> SERVICE_MODULES =
            List.of("work-service", "context-service", "notification-service", "gateway");

    public Installation {
        home = home.toAbsolutePath().normalize();
    }

    /** System property naming another installation directory (tests use it to run stand-in services). */
    public static final String HOME_PROPERTY = "sitework.home";

    /** The installation the running launcher belongs to, unless {@value #HOME_PROPERTY} names another. */
    public static Installation ofRunningLauncher() {
        String home = System.getProperty(HOME_PROPERTY);
        if (home != null && !home.isBlank()) {
            return new Installation(Path.of(home));
        }
        return fromCodeSource(Launcher.class.getProtectionDomain().getCodeSource().getLocation());
    }

    /**
     * The directory holding {@code lib/} and {@code services/} for a code source: {@code target/sitework.jar}
     * when run with {@code java -jar}, {@code target/classes} when run from an IDE or a test — the parent
     * in both cases.
     */
    static Installation fromCodeSource(URL location) {
        try {
            Path path = Path.of(location.toURI());
            return new Installation(path.toAbsolutePath().getParent());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("Cannot locate the launcher from " + location, e);
        }
    }

    public Path libDir() {
        return home.resolve("lib");
    }

    public Path servicesDir() {
        return home.resolve("services");
    }

    public Path serviceJar(String module) {
        return servicesDir().resolve(module + ".jar");
    }

    /** Fails with what is missing and how to get it, before anything is started. */
    public void check() {
        List<String> missing = new ArrayList<>();
        if (!containsKafkaServer()) {
            missing.add(libDir() + " (the Kafka broker's jars)");
        }
        for (String module : SERVICE_MODULES) {
            if (!Files.isRegularFile(serviceJar(module))) {
                missing.add(serviceJar(module).toString());
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("The platform is not built: missing " + String.join(", ", missing)
                    + ". Run ./mvnw package first (add -DskipTests to skip the tests).");
        }
    }

    /** The classpath the Kafka broker runs with: every jar in {@code lib/}. */
    public String kafkaClasspath() {
        return LibClasspath.of(jarsIn(libDir()));
    }

    private boolean containsKafkaServer() {
        return jarsIn(libDir()).stream().anyMatch(p -> p.getFileName().toString().startsWith("kafka_2.13-"));
    }

    private static List<Path> jarsIn(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile).toList();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot list " + dir + ": " + e.getMessage(), e);
        }
    }
}
