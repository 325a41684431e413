package io.sitework.gateway.config;

import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Gives every request one correlation id, forwarded to the backend and echoed to the caller.
 * <p>
 * A {@link WebFilter} rather than a gateway {@code GlobalFilter}: global filters run only for
 * matched routes, and the gateway's own 404/503/504 problems must carry the id too.
 */
@Component
public class CorrelationIdFilter implements WebFilter, Ordered {

    public static final String HEADER = "X-Correlation-Id";
    /** Exchange attribute holding the id, for code that runs outside the filter chain (error handling). */
    public static final String ATTRIBUTE = CorrelationIdFilter.class.getName() + ".correlationId";
    public static final String MDC_KEY = "correlationId";

    // Keeps caller-supplied ids safe to log and to pass on as a header and a Kafka header.
    private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String correlationId = acceptOrCreate(exchange.getRequest().getHeaders().getFirst(HEADER));
        exchange.getAttributes().put(ATTRIBUTE, correlationId);

        ServerHttpResponse response = exchange.getResponse();
        // Set at commit time, replacing whatever the backend echoed, so the caller sees one value.
        response.beforeCommit(() -> {
            response.getHeaders().set(HEADER, correlationId);
            return Mono.empty();
        });

        ServerHttpRequest forwarded = exchange.getRequest().mutate()
                .headers(headers -> headers.set(HEADER, correlationId))
                .build();
        return chain.filter(exchange.mutate().request(forwarded).build());
    }

    static String acceptOrCreate(String candidate) {
        if (candidate != null && ACCEPTABLE.matcher(candidate).matches()) {
            return candidate;
        }
        return UUID.randomUUID().toString();
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
