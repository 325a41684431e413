package io.sitework.gateway.ratelimit;

import org.junit.jupiter.api.Test;
import org.springframework.cloud.gateway.filter.ratelimit.RateLimiter;
import reactor.core.publisher.Mono;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SiteworkRateLimiterTest {

    /** Records the scopes it is asked about; refuses whatever key starts with "no". */
    static final class FakeLimiter implements RateLimiter<Object> {
        final List<String> scopes = new ArrayList<>();

        @Override
        public Mono<Response> isAllowed(String routeId, String id) {
            scopes.add(routeId);
            return Mono.just(new Response(!id.startsWith("no"), Map.of("X-RateLimit-Remaining", "0")));
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

    private final FakeLimiter delegate = new FakeLimiter();
    private final SiteworkRateLimiter limiter = new SiteworkRateLimiter(delegate, "redis", 20);

    @Test
    void everyRouteSharesTheApiBucketOfAUser() {
        limiter.isAllowed("work-service", "user:anna").block();
        limiter.isAllowed("context-service", "user:anna").block();

        assertThat(delegate.scopes).containsExactly("api", "api");
    }

    @Test
    void aRefusalGetsRetryAfter() {
        RateLimiter.Response refused = limiter.isAllowed("work-service", "no:anna").block();

        assertThat(refused.isAllowed()).isFalse();
        assertThat(refused.getHeaders()).containsEntry("Retry-After", "1").containsEntry("X-RateLimit-Remaining", "0");
        assertThat(limiter.isAllowed("work-service", "user:anna").block().getHeaders()).doesNotContainKey("Retry-After");
    }

    @Test
    void theDevLoginChecksInItsOwnScope() {
        SiteworkRateLimiter.Verdict refused = limiter.check(SiteworkRateLimiter.DEV_LOGIN_SCOPE, "no:127.0.0.1").block();
        SiteworkRateLimiter.Verdict allowed = limiter.check(SiteworkRateLimiter.DEV_LOGIN_SCOPE, "ip:127.0.0.1").block();

        assertThat(refused).isEqualTo(new SiteworkRateLimiter.Verdict(false, 1));
        assertThat(allowed.allowed()).isTrue();
        assertThat(delegate.scopes).containsExactly("dev-login", "dev-login");
    }

    @Test
    void aRetryAfterOfTheDelegateIsKept() {
        InMemoryRateLimiter memory = new InMemoryRateLimiter(1, 1);
        SiteworkRateLimiter wrapped = new SiteworkRateLimiter(memory, "memory", 1);
        wrapped.isAllowed("r", "k").block();

        assertThat(wrapped.isAllowed("r", "k").block().getHeaders()).containsEntry("Retry-After", "1");
    }
}
