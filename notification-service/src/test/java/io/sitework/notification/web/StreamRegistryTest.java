package io.sitework.notification.web;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class StreamRegistryTest {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final StreamRegistry registry = new StreamRegistry(properties(2), meters);

    @Test
    void keepsStreamsByUserAndCountsThemInTheGauge() {
        StreamConnection anna = open("u-anna");
        StreamConnection bruno = open("u-bruno");

        assertThat(registry.of("u-anna")).containsExactly(anna);
        assertThat(registry.of("u-bruno")).containsExactly(bruno);
        assertThat(registry.of("u-carla")).isEmpty();
        assertThat(gauge()).isEqualTo(2.0);

        anna.closed();

        assertThat(registry.of("u-anna")).isEmpty();
        assertThat(registry.all()).containsExactly(bruno);
        assertThat(gauge()).isEqualTo(1.0);
    }

    @Test
    void aStreamOverTheLimitClosesTheUsersOldest() {
        StreamConnection first = open("u-anna");
        StreamConnection second = open("u-anna");
        StreamConnection bruno = open("u-bruno");

        StreamConnection third = new StreamConnection("u-anna", new RecordingEmitter(), entry -> { }, registry::remove);
        assertThat(registry.add(third)).containsExactly(first);
        first.close(StreamRegistry.TOO_MANY_STREAMS);

        assertThat(first.isClosed()).isTrue();
        assertThat(((RecordingEmitter) first.emitter()).messages).last().asString().contains("too-many-streams");
        assertThat(registry.of("u-anna")).containsExactly(second, third);
        assertThat(bruno.isClosed()).isFalse();
        assertThat(gauge()).isEqualTo(3.0);
    }

    @Test
    void stoppingTheServiceClosesEveryStream() {
        registry.start();
        StreamConnection anna = open("u-anna");
        StreamConnection bruno = open("u-bruno");

        registry.stop();

        assertThat(anna.isClosed()).isTrue();
        assertThat(bruno.isClosed()).isTrue();
        assertThat(registry.size()).isZero();
        assertThat(registry.isRunning()).isFalse();
    }

    /** As LiveInbox opens a stream: the surplus the registry hands back is closed. */
    private StreamConnection open(String user) {
        StreamConnection connection = new StreamConnection(user, new RecordingEmitter(), entry -> { }, registry::remove);
        registry.add(connection).forEach(surplus -> surplus.close(StreamRegistry.TOO_MANY_STREAMS));
        return connection;
    }

    private double gauge() {
        return meters.get(StreamRegistry.CONNECTIONS_METRIC).gauge().value();
    }

    static StreamProperties properties(int maxPerUser) {
        return new StreamProperties(Duration.ofSeconds(15), Duration.ofMinutes(30), maxPerUser, Duration.ofMillis(500),
                Duration.ofSeconds(5), 500, 500);
    }
}
