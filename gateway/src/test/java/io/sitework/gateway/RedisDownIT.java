package io.sitework.gateway;

import io.sitework.gateway.devlogin.DevTokenIssuer;
import io.sitework.gateway.ratelimit.SiteworkRateLimiter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A configured Redis that is not there ({@code SITEWORK_REDIS_URL} pointing at a closed port): the gateway
 * starts, stays healthy, and lets requests through rather than failing them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "management.server.port=0",
        "sitework.dev-login.enabled=true",
        RateLimitContract.LIMITS_REPLENISH,
        RateLimitContract.LIMITS_BURST
})
class RedisDownIT {

    static final StubBackend WORK = StubBackend.start("work");
    static final int CLOSED_PORT = freePort();

    @DynamicPropertySource
    static void configuration(DynamicPropertyRegistry registry) {
        registry.add("SITEWORK_WORK_URL", WORK::url);
        registry.add("SITEWORK_REDIS_URL", () -> "redis://127.0.0.1:" + CLOSED_PORT);
    }

    @AfterAll
    static void stop() {
        WORK.close();
    }

    @Autowired
    WebTestClient client;

    @Autowired
    DevTokenIssuer tokens;

    @Autowired
    SiteworkRateLimiter limiter;

    @LocalManagementPort
    int managementPort;

    @Test
    void theConfiguredRedisIsUsedAndItsAbsenceLetsRequestsThroughQuickly() {
        assertThat(limiter.store()).isEqualTo("redis");
        String token = tokens.issue(new DevTokenIssuer.Grant("redis-down", null, Map.of(), false)).value();

        long start = System.nanoTime();
        for (int i = 0; i < 4; i++) {
            client.get().uri("/api/work").header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange()
                    .expectStatus().isOk();
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void theGatewayStaysHealthy() {
        client.get().uri("/actuator/health").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
        WebTestClient.bindToServer().baseUrl("http://localhost:" + managementPort).build()
                .get().uri("/actuator/health").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
