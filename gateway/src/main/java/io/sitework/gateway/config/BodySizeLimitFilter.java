package io.sitework.gateway.config;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Caps request bodies ({@code SITEWORK_MAX_BODY_SIZE}, default 1MB) with a 413 problem. A declared
 * {@code Content-Length} over the cap is refused before anything is read or forwarded; a body without
 * one (chunked) is counted as it streams and the exchange fails once it passes the cap.
 *
 * <p>Ordered after Spring Security's filters (-100), so that the 413 carries the security headers and an
 * unauthenticated caller learns nothing but 401.
 */
@Component
public class BodySizeLimitFilter implements WebFilter, Ordered {

    private final long limit;
    private final ProblemWriter problemWriter;

    public BodySizeLimitFilter(@Value("${sitework.max-body-size:1MB}") DataSize limit, ProblemWriter problemWriter) {
        this.limit = limit.toBytes();
        this.problemWriter = problemWriter;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        long declared = request.getHeaders().getContentLength();
        if (declared > limit) {
            return problemWriter.write(exchange, GatewayProblems.tooLarge(limit));
        }
        if (declared >= 0) {
            return chain.filter(exchange);
        }
        ServerHttpRequest counted = new ServerHttpRequestDecorator(request) {
            @Override
            public Flux<DataBuffer> getBody() {
                AtomicLong seen = new AtomicLong();
                return super.getBody().handle((buffer, sink) -> {
                    if (seen.addAndGet(buffer.readableByteCount()) > limit) {
                        DataBufferUtils.release(buffer);
                        sink.error(new BodyTooLargeException(limit));
                    } else {
                        sink.next(buffer);
                    }
                });
            }
        };
        return chain.filter(exchange.mutate().request(counted).build());
    }

    @Override
    public int getOrder() {
        return -50;
    }
}
