package io.sitework.gateway.ratelimit;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.data.redis.LettuceClientConfigurationBuilderCustomizer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.gateway.filter.ratelimit.KeyResolver;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.net.InetSocketAddress;
import java.security.Principal;
import java.time.Duration;

/**
 * Rate limiting per user: Spring Cloud Gateway's {@code RequestRateLimiter} (a default filter, see
 * application.yml) with the {@link SiteworkRateLimiter} and the {@code siteworkRateLimitKey} resolver.
 * Buckets live in Redis when {@code SITEWORK_REDIS_URL} is set or a Redis answers on 127.0.0.1:6379 at
 * start-up, in memory otherwise. Redis is never essential: it is out of the health status, and when it
 * fails the RedisRateLimiter lets requests through (and logs it) rather than stopping the API.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RateLimitProperties.class)
public class RateLimitConfiguration {

    private static final Logger log = LoggerFactory.getLogger(RateLimitConfiguration.class);
    static final Duration REDIS_TIMEOUT = Duration.ofMillis(500);

    @Bean
    @Primary
    SiteworkRateLimiter siteworkRateLimiter(RateLimitProperties properties, ApplicationContext context) {
        boolean redis = useRedis(properties);
        SiteworkRateLimiter limiter;
        if (redis) {
            RedisRateLimiter delegate = new RedisRateLimiter(properties.replenishRate(), properties.burstCapacity(), 1);
            // picks the ReactiveStringRedisTemplate and the Lua script Spring Cloud Gateway configured
            delegate.setApplicationContext(context);
            limiter = new SiteworkRateLimiter(delegate, "redis", properties.replenishRate());
        } else {
            limiter = new SiteworkRateLimiter(
                    new InMemoryRateLimiter(properties.replenishRate(), properties.burstCapacity()), "memory",
                    properties.replenishRate());
        }
        log.info("Rate limit: {} requests/s per user, bursts of {}, buckets in {}", properties.replenishRate(),
                properties.burstCapacity(), redis ? "Redis" : "memory");
        return limiter;
    }

    /** The caller: the token's subject on the API (authenticated by then), the client address otherwise. */
    @Bean
    KeyResolver siteworkRateLimitKey() {
        return exchange -> exchange.getPrincipal()
                .map(Principal::getName)
                .filter(name -> !name.isBlank())
                .map(name -> "user:" + name)
                .switchIfEmpty(Mono.fromSupplier(() -> "ip:" + clientAddress(exchange)));
    }

    /** Fail fast while Redis is away: a request must not wait for a reconnect to learn it may pass. */
    @Bean
    LettuceClientConfigurationBuilderCustomizer siteworkRedisClientOptions() {
        return builder -> builder
                .commandTimeout(REDIS_TIMEOUT)
                .clientOptions(ClientOptions.builder()
                        .autoReconnect(true)
                        .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                        .socketOptions(SocketOptions.builder().connectTimeout(REDIS_TIMEOUT).build())
                        .timeoutOptions(TimeoutOptions.enabled(REDIS_TIMEOUT))
                        .build());
    }

    static boolean useRedis(RateLimitProperties properties) {
        return switch (properties.store()) {
            case REDIS -> true;
            case MEMORY -> false;
            case AUTO -> properties.redisUrl() != null || RedisProbe.answers("127.0.0.1", 6379, REDIS_TIMEOUT);
        };
    }

    static String clientAddress(ServerWebExchange exchange) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        if (remote == null) {
            return "unknown";
        }
        return remote.getAddress() != null ? remote.getAddress().getHostAddress() : remote.getHostString();
    }
}
