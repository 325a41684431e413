package io.sitework.gateway.config;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * {@code Cache-Control: no-store} on API and login answers (work items, inboxes and tokens must not sit in
 * a browser or proxy cache), unless the backend chose a policy itself. The portal's static files are left
 * to their own caching.
 */
@Component
public class ApiCacheControlFilter implements WebFilter, Ordered {

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        if (path.startsWith("/api/") || path.equals("/api") || path.startsWith("/auth/")) {
            ServerHttpResponse response = exchange.getResponse();
            response.beforeCommit(() -> {
                if (!response.getHeaders().containsKey(HttpHeaders.CACHE_CONTROL)) {
                    response.getHeaders().setCacheControl("no-store");
                }
                return Mono.empty();
            });
        }
        return chain.filter(exchange);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 2;
    }
}
