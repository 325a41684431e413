package io.sitework.bench;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OptionsTest {

    @Test
    void fullSizesAndEveryScenarioByDefault() {
        Options o = Options.parse(new String[0]);
        assertThat(o.sizes().name()).isEqualTo("full");
        assertThat(Options.SCENARIOS).allMatch(o::runs);
        assertThat(o.jfr()).isTrue();
        assertThat(o.out()).isEqualTo(Path.of("benchmarks", "results"));
    }

    @Test
    void quickOnlyAndOut() {
        Options o = Options.parse(new String[]{"--quick", "--only", "gateway,replay", "--out", "/tmp/x", "--no-jfr"});
        assertThat(o.sizes().name()).isEqualTo("quick");
        assertThat(o.runs("gateway")).isTrue();
        assertThat(o.runs("replay")).isTrue();
        assertThat(o.runs("commands")).isFalse();
        assertThat(o.out()).isEqualTo(Path.of("/tmp/x"));
        assertThat(o.jfr()).isFalse();
    }

    @Test
    void unknownScenarioOrArgumentIsRefusedNamingIt() {
        assertThatThrownBy(() -> Options.parse(new String[]{"--only", "gatway"})).hasMessageContaining("gatway");
        assertThatThrownBy(() -> Options.parse(new String[]{"--fast"})).hasMessageContaining("--fast");
        assertThatThrownBy(() -> Options.parse(new String[]{"--only"})).hasMessageContaining("--only");
    }
}
