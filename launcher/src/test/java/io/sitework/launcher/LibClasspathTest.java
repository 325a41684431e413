package io.sitework.launcher;

import org.junit.jupiter.api.Test;

import java.io.File;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LibClasspathTest {

    private static final Path LIB = Path.of("/opt/sitework/lib");

    @Test
    void joinsTheJarsInFileNameOrderWithThePathSeparator() {
        String classpath = LibClasspath.of(List.of(LIB.resolve("zstd-jni-1.5.6.jar"), LIB.resolve("kafka_2.13-3.9.1.jar"),
                LIB.resolve("jackson-databind-2.19.2.jar")));

        assertThat(classpath.split(File.pathSeparator)).containsExactly(
                LIB.resolve("jackson-databind-2.19.2.jar").toString(),
                LIB.resolve("kafka_2.13-3.9.1.jar").toString(),
                LIB.resolve("zstd-jni-1.5.6.jar").toString());
    }

    @Test
    void leavesOutWhatIsNotAJar() {
        String classpath = LibClasspath.of(List.of(LIB.resolve("kafka_2.13-3.9.1.jar"), LIB.resolve("README.txt"),
                LIB.resolve("kafka_2.13-3.9.1.jar.sha1")));

        assertThat(classpath).isEqualTo(LIB.resolve("kafka_2.13-3.9.1.jar").toString());
    }

    @Test
    void makesRelativePathsAbsolute() {
        String classpath = LibClasspath.of(List.of(Path.of("target/lib/../lib/a.jar")));

        assertThat(classpath).isEqualTo(Path.of("target/lib/a.jar").toAbsolutePath().toString());
    }

    @Test
    void failsWhenThereIsNoJar() {
        assertThatThrownBy(() -> LibClasspath.of(List.of(LIB.resolve("notes.txt"))))
                .hasMessageContaining("./mvnw package");
    }
}
