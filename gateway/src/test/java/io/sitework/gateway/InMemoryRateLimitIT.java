package io.sitework.gateway;

import org.junit.jupiter.api.AfterAll;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The rate limit with buckets in the gateway's memory (no Redis). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "management.server.port=0",
        "sitework.dev-login.enabled=true",
        "sitework.rate-limit.store=memory",
        RateLimitContract.LIMITS_REPLENISH,
        RateLimitContract.LIMITS_BURST
})
class InMemoryRateLimitIT extends RateLimitContract {

    static final StubBackend WORK = StubBackend.start("work");
    static final StubBackend CONTEXT = StubBackend.start("context");
    static final StubBackend NOTIFICATION = StubBackend.start("notification");

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

    @Override
    StubBackend work() {
        return WORK;
    }

    @Override
    String expectedStore() {
        return "memory";
    }
}
