package io.sitework.launcher;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HealthProbeTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void upIsA200SayingUp() {
        assertThat(HealthProbe.isUp(200, "{\"status\":\"UP\",\"groups\":[\"liveness\"]}", json)).isTrue();
    }

    @Test
    void anythingElseIsNotUp() {
        assertThat(HealthProbe.isUp(503, "{\"status\":\"DOWN\"}", json)).isFalse();
        assertThat(HealthProbe.isUp(200, "{\"status\":\"OUT_OF_SERVICE\"}", json)).isFalse();
        assertThat(HealthProbe.isUp(200, "<html>UP</html>", json)).isFalse();
        assertThat(HealthProbe.isUp(200, "", json)).isFalse();
        assertThat(HealthProbe.isUp(404, null, json)).isFalse();
    }
}
