package io.sitework.gateway.ratelimit;

import org.junit.jupiter.api.Test;
import org.springframework.cloud.gateway.filter.ratelimit.KeyResolver;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.security.Principal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RateLimitConfigurationTest {

    private final KeyResolver keys = new RateLimitConfiguration().siteworkRateLimitKey();

    @Test
    void theStoreCanBeChosenOutright() {
        assertThat(RateLimitConfiguration.useRedis(new RateLimitProperties(20, 40, RateLimitProperties.Store.MEMORY,
                "redis://somewhere:6379"))).isFalse();
        assertThat(RateLimitConfiguration.useRedis(new RateLimitProperties(20, 40, RateLimitProperties.Store.REDIS,
                null))).isTrue();
    }

    @Test
    void automaticallyAConfiguredRedisUrlMeansRedis() {
        assertThat(RateLimitConfiguration.useRedis(new RateLimitProperties(20, 40, RateLimitProperties.Store.AUTO,
                "redis://redis.internal:6379"))).isTrue();
    }

    @Test
    void somethingOnAPortThatIsNotRedisIsNotTakenForRedis() throws IOException {
        try (ServerSocket silent = new ServerSocket(0)) {
            assertThat(RedisProbe.answers("127.0.0.1", silent.getLocalPort(), RateLimitConfiguration.REDIS_TIMEOUT)).isFalse();
        }
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        assertThat(RedisProbe.answers("127.0.0.1", closed, RateLimitConfiguration.REDIS_TIMEOUT)).isFalse();
    }

    @Test
    void theDefaultsAreTwentyPerSecondInBurstsOfForty() {
        RateLimitProperties defaults = new RateLimitProperties(0, 0, null, " ");

        assertThat(defaults.replenishRate()).isEqualTo(20);
        assertThat(defaults.burstCapacity()).isEqualTo(40);
        assertThat(defaults.store()).isEqualTo(RateLimitProperties.Store.AUTO);
        assertThat(defaults.redisUrl()).isNull();
    }

    @Test
    void aBurstBelowTheRateIsAConfigurationError() {
        assertThatThrownBy(() -> new RateLimitProperties(20, 10, null, null)).hasMessageContaining("burst-capacity");
        assertThatThrownBy(() -> new RateLimitProperties(-1, 10, null, null)).hasMessageContaining("replenish-rate");
    }

    @Test
    void anAuthenticatedCallerIsLimitedByTheTokensSubject() {
        ServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/api/work")
                .remoteAddress(new InetSocketAddress("10.1.2.3", 4711)))
                .mutate().principal(Mono.just((Principal) () -> "anna.planner")).build();

        assertThat(keys.resolve(exchange).block()).isEqualTo("user:anna.planner");
    }

    @Test
    void anAnonymousCallerIsLimitedByAddress() {
        ServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/api/work")
                .remoteAddress(new InetSocketAddress("10.1.2.3", 4711)));

        assertThat(keys.resolve(exchange).block()).isEqualTo("ip:10.1.2.3");
    }
}
