package io.sitework.launcher;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class JavaCommandTest {

    @Test
    void theDefaultOptionsKeepServicesSmallWithoutSlowingTheirCode() {
        List<String> options = JavaCommand.jvmOptions(null, PlatformConfig.DEFAULT_JAVA_OPTS);

        assertThat(options).contains("-XX:+UseSerialGC", "-Xss512k", "-Xmx384m", "-Daxoniq.update-checker.disabled=true")
                .noneMatch(o -> o.startsWith("-XX:TieredStopAtLevel"));
    }

    @Test
    void sitework_java_optsReplacesTheDefaults() {
        assertThat(JavaCommand.jvmOptions("-Xmx1g -Dfoo=bar", PlatformConfig.DEFAULT_JAVA_OPTS))
                .containsExactly("-Xmx1g", "-Dfoo=bar");
    }

    @Test
    void runsTheJarWithTheOptionsAndTheParentWatchAgent() {
        List<String> command = JavaCommand.forJar(Path.of("/usr/lib/jvm/java-17"), List.of("-Xmx384m", "-XX:+UseSerialGC"),
                Path.of("/data/run/parent-watch-agent.jar"), 4242, Path.of("/opt/sitework/services/work-service.jar"));

        assertThat(command).containsExactly(
                Path.of("/usr/lib/jvm/java-17/bin/java").toString(),
                "-Xmx384m", "-XX:+UseSerialGC",
                "-javaagent:" + Path.of("/data/run/parent-watch-agent.jar") + "=4242",
                "-jar", Path.of("/opt/sitework/services/work-service.jar").toString());
    }

    @Test
    void withoutAnAgentThereIsNoAgentOption() {
        List<String> command = JavaCommand.forJar(Path.of("/jdk"), List.of(), null, 1, Path.of("/s/gateway.jar"));

        assertThat(command).containsExactly(Path.of("/jdk/bin/java").toString(), "-jar", Path.of("/s/gateway.jar").toString());
    }
}
