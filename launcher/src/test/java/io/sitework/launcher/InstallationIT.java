package io.sitework.launcher;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InstallationIT {

    @TempDir
    Path home;

    @Test
    void anUnbuiltInstallationSaysWhatIsMissingAndHowToBuildIt() throws Exception {
        Installation installation = new Installation(home);
        Files.createDirectories(installation.servicesDir());
        Files.createFile(installation.serviceJar("gateway"));

        assertThatThrownBy(installation::check)
                .hasMessageStartingWith("The platform is not built: missing " + installation.libDir())
                .hasMessageContaining("work-service.jar").hasMessageContaining("context-service.jar")
                .hasMessageContaining("notification-service.jar")
                .hasMessageNotContaining("gateway.jar")
                .hasMessageEndingWith("Run ./mvnw package first (add -DskipTests to skip the tests).");
    }

    @Test
    void aBuiltInstallationPassesAndGivesKafkaEveryJarOfLib() throws Exception {
        Installation installation = new Installation(home);
        Files.createDirectories(installation.libDir());
        Files.createDirectories(installation.servicesDir());
        Files.createFile(installation.libDir().resolve("kafka_2.13-3.9.1.jar"));
        Files.createFile(installation.libDir().resolve("embedded-infra-0.1.0-SNAPSHOT.jar"));
        Files.createFile(installation.libDir().resolve("NOTICE"));
        for (String module : Installation.SERVICE_MODULES) {
            Files.createFile(installation.serviceJar(module));
        }

        installation.check();

        assertThat(installation.kafkaClasspath()).isEqualTo(
                installation.libDir().resolve("embedded-infra-0.1.0-SNAPSHOT.jar") + File.pathSeparator
                        + installation.libDir().resolve("kafka_2.13-3.9.1.jar"));
    }

    @Test
    void libWithoutTheKafkaServerIsNotBuilt() throws Exception {
        Installation installation = new Installation(home);
        Files.createDirectories(installation.libDir());
        Files.createFile(installation.libDir().resolve("kafka-clients-3.9.1.jar"));

        assertThatThrownBy(installation::check).hasMessageContaining(installation.libDir() + " (the Kafka broker's jars)");
    }
}
