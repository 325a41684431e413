package io.sitework.gateway.ratelimit;

import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter;
import reactor.core.publisher.Mono;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * A token bucket per key in this JVM's memory: the rate limiter when no Redis is there. Limits then apply per
 * gateway instance, which is what the embedded default (one gateway) needs. Buckets that have filled up
 * again are forgotten now and then, so memory stays bounded by the callers of the last few seconds.
 */
public final class InMemoryRateLimiter implements RateLimiter<Object> {

    static final String REMAINING_HEADER = "X-RateLimit-Remaining";
    private static final long SWEEP_EVERY = 1024;

    private final double replenishPerNano;
    private final int burstCapacity;
    private final long refillNanos;
    private final LongSupplier nanoTime;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final AtomicLong calls = new AtomicLong();

    public InMemoryRateLimiter(int replenishRate, int burstCapacity) {
        this(replenishRate, burstCapacity, System::nanoTime);
    }

    InMemoryRateLimiter(int replenishRate, int burstCapacity, LongSupplier nanoTime) {
        this.replenishPerNano = replenishRate / (double) TimeUnit.SECONDS.toNanos(1);
        this.burstCapacity = burstCapacity;
        this.refillNanos = (long) Math.ceil(burstCapacity / replenishPerNano);
        this.nanoTime = nanoTime;
    }

    @Override
    public Mono<Response> isAllowed(String routeId, String id) {
        return Mono.fromSupplier(() -> take(routeId + "|" + id));
    }

    Response take(String key) {
        long now = nanoTime.getAsLong();
        if (calls.incrementAndGet() % SWEEP_EVERY == 0) {
            sweep(now);
        }
        Bucket bucket = buckets.computeIfAbsent(key, k -> new Bucket(burstCapacity, now));
        synchronized (bucket) {
            bucket.refill(now, replenishPerNano, burstCapacity);
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return new Response(true, Map.of(REMAINING_HEADER, String.valueOf((long) bucket.tokens)));
            }
            long waitNanos = (long) Math.ceil((1 - bucket.tokens) / replenishPerNano);
            long retryAfter = Math.max(1, (long) Math.ceil(waitNanos / (double) TimeUnit.SECONDS.toNanos(1)));
            return new Response(false, Map.of(REMAINING_HEADER, "0",
                    SiteworkRateLimiter.RETRY_AFTER, String.valueOf(retryAfter)));
        }
    }

    int bucketCount() {
        return buckets.size();
    }

    /** Forgets buckets that are full again: a new bucket for the same key would be the same. */
    void sweep(long now) {
        buckets.entrySet().removeIf(entry -> {
            synchronized (entry.getValue()) {
                return now - entry.getValue().updated >= refillNanos;
            }
        });
    }

    private static final class Bucket {
        double tokens;
        long updated;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.updated = now;
        }

        void refill(long now, double perNano, int capacity) {
            long elapsed = now - updated;
            if (elapsed > 0) {
                tokens = Math.min(capacity, tokens + elapsed * perNano);
                updated = now;
            }
        }
    }

    @Override
    public Map<String, Object> getConfig() {
        return Map.of();
    }

    @Override
    public Class<Object> getConfigClass() {
        return Object.class;
    }

    @Override
    public Object newConfig() {
        return new Object();
    }
}
