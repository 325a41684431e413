package io.sitework.launcher;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class DataDirectoryTest {

    private final DataDirectory dir = new DataDirectory(Path.of("/srv/sitework/./data"));

    @Test
    void everythingLivesUnderTheDataDirectory() {
        assertThat(dir.root()).isEqualTo(Path.of("/srv/sitework/data"));
        assertThat(dir.logFile("work-service")).isEqualTo(Path.of("/srv/sitework/data/logs/work-service.log"));
        assertThat(dir.logFile("kafka")).isEqualTo(Path.of("/srv/sitework/data/logs/kafka.log"));
        assertThat(dir.postgres()).isEqualTo(Path.of("/srv/sitework/data/postgres"));
        assertThat(dir.mongoFile()).isEqualTo(Path.of("/srv/sitework/data/mongo/sitework.mv"));
        assertThat(dir.kafka()).isEqualTo(Path.of("/srv/sitework/data/kafka"));
        assertThat(dir.lockFile()).isEqualTo(Path.of("/srv/sitework/data/run/launcher.lock"));
        assertThat(dir.processesFile()).isEqualTo(Path.of("/srv/sitework/data/run/processes"));
        assertThat(dir.agentJar()).isEqualTo(Path.of("/srv/sitework/data/run/parent-watch-agent.jar"));
        assertThat(dir.devLoginKey()).isEqualTo(Path.of("/srv/sitework/data/dev-login/jwk.json"));
    }

    @Test
    void theConfiguredLogDirectoryIsTheLayoutsOne() {
        PlatformConfig config = PlatformConfig.builder(Path.of("/srv/sitework/data"), new Installation(Path.of("/opt/sw"))).build();

        assertThat(config.logDir()).isEqualTo(dir.logs());
    }
}
