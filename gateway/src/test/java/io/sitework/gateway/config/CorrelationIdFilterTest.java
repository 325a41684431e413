package io.sitework.gateway.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

class CorrelationIdFilterTest {

    private final CorrelationIdFilter filter = new CorrelationIdFilter();

    @ParameterizedTest
    @ValueSource(strings = {"a", "abc-123", "portal:req.17_x", "0123456789abcdef0123456789abcdef"})
    void acceptsIdsOfTheAllowedAlphabet(String id) {
        assertThat(CorrelationIdFilter.acceptOrCreate(id)).isEqualTo(id);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "has space", "new\nline", "quote\"", "ünï", "slash/es"})
    void replacesIdsOutsideTheAllowedAlphabet(String id) {
        assertThat(CorrelationIdFilter.acceptOrCreate(id)).isNotEqualTo(id).hasSize(36);
    }

    @Test
    void acceptsAtMostOneHundredCharacters() {
        assertThat(CorrelationIdFilter.acceptOrCreate("x".repeat(100))).isEqualTo("x".repeat(100));
        assertThat(CorrelationIdFilter.acceptOrCreate("x".repeat(101))).hasSize(36);
    }

    @Test
    void createsAFreshIdForEachRequestWithoutOne() {
        assertThat(CorrelationIdFilter.acceptOrCreate(null)).isNotEqualTo(CorrelationIdFilter.acceptOrCreate(null));
    }

    @Test
    void forwardsTheSameIdItEchoesAndRecords() {
        MockServerWebExchange exchange = MockServerWebExchange.from(
                MockServerHttpRequest.get("/api/work").header("X-Correlation-Id", "bad id"));
        AtomicReference<ServerWebExchange> seenByChain = new AtomicReference<>();

        filter.filter(exchange, next -> {
            seenByChain.set(next);
            // a backend echo must not leave a second value on the response
            next.getResponse().getHeaders().add("X-Correlation-Id", "backend-echo");
            return Mono.empty();
        }).then(exchange.getResponse().setComplete()).block();

        String forwarded = seenByChain.get().getRequest().getHeaders().getFirst("X-Correlation-Id");
        assertThat(forwarded).isNotEqualTo("bad id").hasSize(36);
        assertThat(seenByChain.get().getRequest().getHeaders().get("X-Correlation-Id")).containsExactly(forwarded);
        assertThat(exchange.getResponse().getHeaders().get("X-Correlation-Id")).containsExactly(forwarded);
        assertThat((String) exchange.getAttribute(CorrelationIdFilter.ATTRIBUTE)).isEqualTo(forwarded);
    }
}
