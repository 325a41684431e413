package io.sitework.launcher;

import org.junit.jupiter.api.Test;

import java.net.URL;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class InstallationTest {

    @Test
    void aLauncherJarHasItsLibAndServicesBesideIt() throws Exception {
        Installation installation = Installation.fromCodeSource(new URL("file:/work/main/launcher/target/sitework.jar"));

        assertThat(installation.home()).isEqualTo(Path.of("/work/main/launcher/target"));
        assertThat(installation.libDir()).isEqualTo(Path.of("/work/main/launcher/target/lib"));
        assertThat(installation.servicesDir()).isEqualTo(Path.of("/work/main/launcher/target/services"));
        assertThat(installation.serviceJar("work-service")).isEqualTo(Path.of("/work/main/launcher/target/services/work-service.jar"));
    }

    @Test
    void runFromCompiledClassesTheBuildDirectoryIsTheHome() throws Exception {
        Installation installation = Installation.fromCodeSource(new URL("file:/work/main/launcher/target/classes/"));

        assertThat(installation.libDir()).isEqualTo(Path.of("/work/main/launcher/target/lib"));
    }

    @Test
    void decodesEscapedCharactersOfTheLocation() throws Exception {
        Installation installation = Installation.fromCodeSource(new URL("file:/home/ana/my%20projects/sitework/launcher/target/sitework.jar"));

        assertThat(installation.home()).isEqualTo(Path.of("/home/ana/my projects/sitework/launcher/target"));
    }

    @Test
    void knowsTheFourServiceModules() {
        assertThat(Installation.SERVICE_MODULES).containsExactly("work-service", "context-service", "notification-service", "gateway");
    }
}
