package io.sitework.gateway;

import io.sitework.gateway.devlogin.DevTokenIssuer;
import io.sitework.gateway.ratelimit.SiteworkRateLimiter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The per-user rate limit with tiny settings (1 request/s, bursts of 2), whichever store holds the buckets.
 * Each test uses users of its own, so buckets never carry over from one test (or run) to the next.
 */
abstract class RateLimitContract {

    static final String LIMITS_REPLENISH = "sitework.rate-limit.replenish-rate=1";
    static final String LIMITS_BURST = "sitework.rate-limit.burst-capacity=2";

    @Autowired
    WebTestClient client;

    @Autowired
    DevTokenIssuer tokens;

    @Autowired
    SiteworkRateLimiter limiter;

    abstract StubBackend work();

    abstract String expectedStore();

    @BeforeEach
    void reset() {
        work().reset();
    }

    String tokenOf(String subject) {
        return tokens.issue(new DevTokenIssuer.Grant(subject, null, Map.of(), false)).value();
    }

    static String someone() {
        return "rl-" + UUID.randomUUID();
    }

    WebTestClient.ResponseSpec get(String token) {
        return client.get().uri("/api/work").header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange();
    }

    @Test
    void usesTheExpectedStore() {
        assertThat(limiter.store()).isEqualTo(expectedStore());
    }

    /**
     * Sends requests until one is refused and answers how many passed: the burst of 2, or 3 when a token was
     * added meanwhile (Redis counts time in whole seconds, so a second may tick over between two requests).
     */
    int allowedBeforeRefusal(String token, String... paths) {
        for (int sent = 0; sent < 10; sent++) {
            String path = paths.length == 0 ? "/api/work" : paths[sent % paths.length];
            int status = client.get().uri(path).header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange()
                    .returnResult(String.class).getStatus().value();
            if (status == 429) {
                assertThat(sent).as("requests that passed before the refusal").isBetween(2, 3);
                return sent;
            }
            assertThat(status).isEqualTo(200);
        }
        throw new AssertionError("10 requests in a row passed a limit of 1/s with bursts of 2");
    }

    @Test
    void aUserOverTheLimitGetsA429ProblemWithRetryAfterAndTheServiceHearsNothingMore() throws Exception {
        String token = tokenOf(someone());
        int passed = allowedBeforeRefusal(token);

        // the next request is refused too, unless Redis's whole-second clock ticked over just now and let one
        // more through: then the one after is refused (that request reached the service and is counted)
        EntityExchangeResult<byte[]> refused = null;
        for (int attempt = 0; attempt < 3 && refused == null; attempt++) {
            EntityExchangeResult<byte[]> result = get(token).expectBody().returnResult();
            if (result.getStatus().value() == 429) {
                refused = result;
            } else {
                assertThat(result.getStatus().value()).isEqualTo(200);
                passed++;
            }
        }
        assertThat(refused).as("refused again within three requests").isNotNull();
        assertThat(refused.getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
        assertThat(refused.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        @SuppressWarnings("unchecked")
        Map<String, Object> problem = new ObjectMapper().readValue(refused.getResponseBody(), Map.class);
        assertThat(problem).containsEntry("status", 429)
                .containsEntry("correlationId", refused.getResponseHeaders().getFirst("X-Correlation-Id"));

        assertThat(problem)
                .containsEntry("type", "https://sitework.io/problems/too-many-requests")
                .containsEntry("title", "Too many requests")
                .containsEntry("detail", "Too many requests; try again in 1 s.");
        for (int i = 0; i < passed; i++) {
            work().takeRequest();
        }
        assertThat(work().receivedNothing()).isTrue();
    }

    @Test
    void theLimitIsPerUser() {
        String first = tokenOf(someone());
        String second = tokenOf(someone());
        allowedBeforeRefusal(first);

        get(second).expectStatus().isOk();
    }

    @Test
    void aUsersLimitCoversEveryServiceTogether() {
        String token = tokenOf(someone());

        // one request to each service in turn: the refusal comes after 2 (or 3) requests in all, not 2 per service
        allowedBeforeRefusal(token, "/api/work", "/api/notifications", "/api/assets");
    }

    @Test
    void theBucketRefillsAfterRetryAfter() throws InterruptedException {
        String token = tokenOf(someone());
        allowedBeforeRefusal(token);

        Thread.sleep(1_100);

        get(token).expectStatus().isOk();
    }

    @Test
    void tokenRequestsAreLimitedPerClientAddress() {
        // a fresh bucket for this test's client address: drain whatever earlier tests left
        int answered = 0;
        int refused = 0;
        for (int i = 0; i < 6; i++) {
            int status = client.post().uri("/auth/dev/token").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("{\"subject\":\"anna.planner\"}").exchange()
                    .returnResult(String.class).getStatus().value();
            if (status == 200) {
                answered++;
            } else {
                assertThat(status).isEqualTo(429);
                refused++;
            }
        }
        assertThat(answered).isBetween(1, 3);
        assertThat(refused).isGreaterThanOrEqualTo(3);

        Problems.problemFrom(client.post().uri("/auth/dev/token").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"subject\":\"anna.planner\"}").exchange()
                .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "1"), 429);
    }
}
