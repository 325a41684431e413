package io.sitework.gateway.ratelimit;

import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter;
import reactor.core.publisher.Mono;

import java.util.HashMap;
import java.util.Map;

/**
 * The gateway's rate limiter, given to Spring Cloud Gateway's {@code RequestRateLimiter} filter on every
 * route (see application.yml) and used by the dev login for token requests. It keeps one bucket per key for
 * all routes together (a user's limit covers the whole API, not each service), delegating to the
 * {@code RedisRateLimiter} or to {@link InMemoryRateLimiter}, and adds {@code Retry-After} to a refusal.
 */
public final class SiteworkRateLimiter implements RateLimiter<Object> {

    public static final String RETRY_AFTER = "Retry-After";
    /** The bucket scope of API requests, whichever route they take. */
    public static final String API_SCOPE = "api";
    /** The bucket scope of dev login token requests. */
    public static final String DEV_LOGIN_SCOPE = "dev-login";

    /** The outcome of one check. */
    public record Verdict(boolean allowed, long retryAfterSeconds) {
    }

    private final RateLimiter<?> delegate;
    private final String store;
    private final long defaultRetryAfter;

    SiteworkRateLimiter(RateLimiter<?> delegate, String store, int replenishRate) {
        this.delegate = delegate;
        this.store = store;
        // a refused request waits for one token
        this.defaultRetryAfter = Math.max(1, (long) Math.ceil(1.0 / replenishRate));
    }

    /** Where the buckets are: {@code redis} or {@code memory}. */
    public String store() {
        return store;
    }

    /** Called by the {@code RequestRateLimiter} filter with the route's id and the key of the caller. */
    @Override
    public Mono<Response> isAllowed(String routeId, String id) {
        return limit(API_SCOPE, id);
    }

    public Mono<Verdict> check(String scope, String key) {
        return limit(scope, key).map(response -> new Verdict(response.isAllowed(),
                response.isAllowed() ? 0 : Long.parseLong(response.getHeaders().get(RETRY_AFTER))));
    }

    private Mono<Response> limit(String scope, String key) {
        return delegate.isAllowed(scope, key).map(response -> {
            if (response.isAllowed() || response.getHeaders().containsKey(RETRY_AFTER)) {
                return response;
            }
            Map<String, String> headers = new HashMap<>(response.getHeaders());
            headers.put(RETRY_AFTER, String.valueOf(defaultRetryAfter));
            return new Response(false, headers);
        });
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

    @Override
    public String toString() {
        return "SiteworkRateLimiter[" + store + "]";
    }
}
