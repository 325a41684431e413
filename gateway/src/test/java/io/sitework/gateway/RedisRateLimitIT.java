package io.sitework.gateway;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The rate limit with Spring Cloud Gateway's RedisRateLimiter against the real Redis on 127.0.0.1:6379.
 * Skipped (with a reason) only where no Redis answers there.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "management.server.port=0",
        "sitework.dev-login.enabled=true",
        // auto, as in production: the Redis on 127.0.0.1:6379 answers, so it is used
        "sitework.rate-limit.store=auto",
        RateLimitContract.LIMITS_REPLENISH,
        RateLimitContract.LIMITS_BURST
})
class RedisRateLimitIT extends RateLimitContract {

    static final StubBackend WORK = StubBackend.start("work");
    static final StubBackend CONTEXT = StubBackend.start("context");
    static final StubBackend NOTIFICATION = StubBackend.start("notification");

    @BeforeAll
    static void requireRedis() {
        assumeTrue(redisAnswers(), "no Redis answers on 127.0.0.1:6379: the Redis rate limiter is not tested here");
    }

    @DynamicPropertySource
    static void backends(DynamicPropertyRegistry registry) {
        registry.add("SITEWORK_WORK_URL", WORK::url);
        registry.add("SITEWORK_CONTEXT_URL", CONTEXT::url);
        registry.add("SITEWORK_NOTIFICATION_URL", NOTIFICATION::url);
    }

    @AfterAll
    static void stop() {
        WORK.close();
        CONTEXT.close();
        NOTIFICATION.close();
    }

    @Autowired
    ReactiveStringRedisTemplate redis;

    @Override
    StubBackend work() {
        return WORK;
    }

    @Override
    String expectedStore() {
        return "redis";
    }

    @Test
    void theBucketsAreInRedis() {
        String user = someone();
        get(tokenOf(user)).expectStatus().isOk();

        // RedisRateLimiter's keys: request_rate_limiter.{<scope>.<key>}.tokens / .timestamp
        String key = "request_rate_limiter.{api.user:" + user + "}.tokens";
        assertThat(redis.hasKey(key).block()).as(key).isTrue();
        assertThat(Long.parseLong(redis.opsForValue().get(key).block())).isEqualTo(1);
    }

    static boolean redisAnswers() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", 6379), 500);
            socket.setSoTimeout(500);
            socket.getOutputStream().write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            byte[] reply = in.readNBytes(7);
            return new String(reply, StandardCharsets.US_ASCII).equals("+PONG\r\n");
        } catch (IOException e) {
            return false;
        }
    }
}
