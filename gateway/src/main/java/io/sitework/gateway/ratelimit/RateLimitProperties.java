package io.sitework.gateway.ratelimit;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The per-user rate limit ({@code sitework.rate-limit.*}): a token bucket refilled at {@code replenishRate}
 * requests per second holding at most {@code burstCapacity}.
 *
 * @param store    where the buckets live: {@code auto} (Redis when {@code redisUrl} is set or 127.0.0.1:6379
 *                 answers at start-up, else memory), {@code redis} or {@code memory}
 * @param redisUrl {@code SITEWORK_REDIS_URL}; blank when not configured
 */
@ConfigurationProperties("sitework.rate-limit")
public record RateLimitProperties(int replenishRate, int burstCapacity, Store store, String redisUrl) {

    public enum Store { AUTO, REDIS, MEMORY }

    public RateLimitProperties {
        replenishRate = replenishRate == 0 ? 20 : replenishRate;
        burstCapacity = burstCapacity == 0 ? 40 : burstCapacity;
        store = store == null ? Store.AUTO : store;
        redisUrl = redisUrl == null || redisUrl.isBlank() ? null : redisUrl.trim();
        if (replenishRate < 1) {
            throw new IllegalArgumentException("sitework.rate-limit.replenish-rate must be at least 1, not " + replenishRate);
        }
        if (burstCapacity < replenishRate) {
            throw new IllegalArgumentException("sitework.rate-limit.burst-capacity (" + burstCapacity
                    + ") must be at least the replenish rate (" + replenishRate + ")");
        }
    }
}
