package io.sitework.gateway.config;

import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Gives a problem document to error responses the gateway ends without a body: Spring Cloud
 * Gateway's RequestRateLimiter (429, which only sets the status and completes), Spring's CORS
 * processor (403 for a foreign origin), and any other filter that does the same. Responses
 * relayed from a backend are written with a body and are never touched.
 */
@Component
public class ErrorStatusProblemFilter implements WebFilter, Ordered {

    private final ProblemWriter problemWriter;

    public ErrorStatusProblemFilter(ProblemWriter problemWriter) {
        this.problemWriter = problemWriter;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ProblemOnComplete response = new ProblemOnComplete(exchange.getResponse());
        ServerWebExchange decorated = exchange.mutate().response(response).build();
        response.exchange = decorated;
        // a filter that ended the exchange by returning, without completing the response (the CORS processor)
        return chain.filter(decorated)
                .then(Mono.defer(() -> isBodilessError(response) ? writeProblem(decorated) : Mono.empty()));
    }

    /** Completing with an error status and no body writes a problem instead (the RequestRateLimiter's 429). */
    private final class ProblemOnComplete extends ServerHttpResponseDecorator {

        private ServerWebExchange exchange;

        ProblemOnComplete(ServerHttpResponse delegate) {
            super(delegate);
        }

        @Override
        public Mono<Void> setComplete() {
            return isBodilessError(this) ? writeProblem(exchange) : super.setComplete();
        }
    }

    private static boolean isBodilessError(ServerHttpResponse response) {
        HttpStatusCode status = response.getStatusCode();
        return !response.isCommitted() && status != null && status.value() >= 400;
    }

    private Mono<Void> writeProblem(ServerWebExchange exchange) {
        HttpStatusCode status = exchange.getResponse().getStatusCode();
        ProblemDetail problem;
        if (status.value() == 429) {
            problem = GatewayProblems.tooManyRequests(retryAfter(exchange.getResponse().getHeaders()));
        } else if (status.value() == 403 && exchange.getRequest().getHeaders().getOrigin() != null) {
            // only Spring's CORS processor ends a request with a bare 403
            problem = GatewayProblems.problem(status, "forbidden", "Forbidden",
                    "This cross-origin request is not allowed (origin, method or headers).");
        } else {
            Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
            problem = GatewayProblems.forStatus(status, route == null ? null : String.valueOf(
                    route.getMetadata().getOrDefault("service", route.getId())));
        }
        return problemWriter.write(exchange, problem);
    }

    private static Long retryAfter(HttpHeaders headers) {
        try {
            String value = headers.getFirst(HttpHeaders.RETRY_AFTER);
            return value == null ? null : Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    @Override
    public int getOrder() {
        // right after CorrelationIdFilter, so that every later filter's bodiless answer is caught
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }
}
