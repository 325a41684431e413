package io.sitework.gateway.ratelimit;

import org.junit.jupiter.api.Test;
import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class InMemoryRateLimiterTest {

    private final AtomicLong now = new AtomicLong(TimeUnit.HOURS.toNanos(1));
    private final InMemoryRateLimiter limiter = new InMemoryRateLimiter(2, 4, now::get);

    private RateLimiter.Response take(String key) {
        return limiter.isAllowed("api", key).block();
    }

    private void advanceMillis(long millis) {
        now.addAndGet(TimeUnit.MILLISECONDS.toNanos(millis));
    }

    @Test
    void aBurstUpToTheCapacityPassesThenTheNextIsRefused() {
        for (int i = 0; i < 4; i++) {
            assertThat(take("anna").isAllowed()).as("request %d", i + 1).isTrue();
        }
        RateLimiter.Response refused = take("anna");

        assertThat(refused.isAllowed()).isFalse();
        assertThat(refused.getHeaders()).containsEntry("Retry-After", "1").containsEntry("X-RateLimit-Remaining", "0");
    }

    @Test
    void theBucketRefillsAtTheReplenishRate() {
        for (int i = 0; i < 4; i++) {
            take("anna");
        }
        assertThat(take("anna").isAllowed()).isFalse();

        advanceMillis(499);
        assertThat(take("anna").isAllowed()).as("not yet a whole token").isFalse();
        advanceMillis(2);
        assertThat(take("anna").isAllowed()).isTrue();
        assertThat(take("anna").isAllowed()).isFalse();

        advanceMillis(10_000);
        for (int i = 0; i < 4; i++) {
            assertThat(take("anna").isAllowed()).as("full again, never more than the capacity").isTrue();
        }
        assertThat(take("anna").isAllowed()).isFalse();
    }

    @Test
    void retryAfterIsTheWaitForOneTokenRoundedUp() {
        InMemoryRateLimiter slow = new InMemoryRateLimiter(1, 1, now::get);
        assertThat(slow.isAllowed("api", "k").block().isAllowed()).isTrue();
        advanceMillis(100);

        assertThat(slow.isAllowed("api", "k").block().getHeaders()).containsEntry("Retry-After", "1");
    }

    @Test
    void keysAndScopesHaveBucketsOfTheirOwn() {
        for (int i = 0; i < 4; i++) {
            take("anna");
        }

        assertThat(take("anna").isAllowed()).isFalse();
        assertThat(take("bruno").isAllowed()).isTrue();
        assertThat(limiter.isAllowed("dev-login", "anna").block().isAllowed()).isTrue();
    }

    @Test
    void bucketsThatFilledUpAgainAreForgotten() {
        take("anna");
        take("bruno");
        advanceMillis(1_000);
        take("carla");

        advanceMillis(1_000);
        limiter.sweep(now.get());

        assertThat(limiter.bucketCount()).as("anna's and bruno's buckets are full again, carla's not yet").isEqualTo(1);
    }
}
